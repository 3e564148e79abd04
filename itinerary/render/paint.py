"""Lines laid out here, written as rich would write them: its colour codes on a terminal, bare text into a pipe.

Rich measures, splits and crops every line again at print, and wraps every run of text
in its codes one segment at a time: for a long programme that was most of the time a
command took. What is laid out here already fits the console, so it goes straight to the
console's file; each style is turned into codes once, by rich itself, so the bytes are
rich's (NO_COLOR and the terminal's colours included).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.segment import Segment
    from rich.style import Style

Paint = Callable[[str, "Style | str"], str]
"""(text, style: a name or rich's Style) -> the text as the console writes it."""


class Written(Protocol):
    def written(self, console: Console) -> str | None:
        """The renderable's lines as the console would write them, or None where rich must lay it out."""


def painter(console: Console) -> Paint:
    """How `console` writes a run of text in a style (names as rich reads them: 'bold cyan')."""
    if console.color_system is None:
        return _bare
    from rich.console import COLOR_SYSTEMS
    from rich.style import Style as RichStyle

    system = COLOR_SYSTEMS[console.color_system]
    codes: dict[Style | str, tuple[str, str]] = {}

    def paint(text: str, name: Style | str) -> str:
        if not text:
            return text
        found = codes.get(name)
        if found is None:
            style = name if isinstance(name, RichStyle) else console.get_style(name) if name else RichStyle.null()
            if console.no_color:
                style = style.without_color
            before, _, after = style.render("\0", color_system=system).partition("\0")
            found = codes[name] = (before, after)
        return found[0] + text + found[1] if found[0] else text

    return paint


def painted_segments(console: Console, segments: Iterable[Segment]) -> str:
    """Segments rendered by rich, written as its console writes them."""
    from rich.console import COLOR_SYSTEMS

    system = COLOR_SYSTEMS[console.color_system] if console.color_system else None
    out: list[str] = []
    for text, style, control in segments:
        if style:
            if console.no_color and system is not None:
                style = style.without_color
            out.append(style.render(text, color_system=system))
        elif not control or console.is_terminal:
            out.append(text)
    return "".join(out)


def _bare(text: str, name: Style | str) -> str:
    return text


def show(console: Console, renderables: Iterable[RenderableType]) -> None:
    """Print each renderable: one that lays out its own lines writes them to the console's file directly."""
    for renderable in renderables:
        written = getattr(renderable, "written", None)
        text = written(console) if written is not None else None
        if text is None:
            console.print(renderable)
        elif text:
            console.file.write(text)
            console.file.flush()
