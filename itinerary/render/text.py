"""rich's Text, but what enters it is made visible first (`itinerary.visible`).

Every renderer for the terminal builds its output from this Text, so a control
character in a title, a name or a note is escaped in one place, before rich measures it:
columns stay aligned and nothing reaches the terminal that it would obey.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text as RichText

from itinerary.visible import visible


class Text(RichText):
    def __init__(self, text: str = "", *args: Any, **kwargs: Any) -> None:
        super().__init__(visible(text), *args, **kwargs)

    def append(self, text: str | RichText, *args: Any, **kwargs: Any) -> Text:
        super().append(visible(text) if isinstance(text, str) else text, *args, **kwargs)
        return self
