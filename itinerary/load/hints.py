"""'Did you mean ...?' for a misspelt key, id or time zone name."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def suggest(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the closest of `choices`, or ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def zone_hint(name: str) -> str:
    """' (did you mean 'Europe/Paris'?)' for a misspelt zone name, or ''."""
    from zoneinfo import available_timezones

    return suggest(name, sorted(available_timezones()))
