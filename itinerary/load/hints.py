"""'Did you mean ...?' for a misspelt key, id or time zone name."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def suggest(word: str, choices: Iterable[str]) -> str:
    """' (did you mean 'x'?)' for the closest of `choices`, or ''."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return f" (did you mean {close[0]!r}?)" if close else ""


def zone_hint(name: str) -> str:
    """' (did you mean 'Europe/Paris'?)' for a misspelt zone name (or a posix/ copy), or ''."""
    from zoneinfo import available_timezones

    from itinerary.timeutil import NOT_PLACES, not_a_place

    if name.strip() in NOT_PLACES:
        return " (it names no place: write the zone of the place, such as 'Europe/Brussels')"
    bare = name.strip().split("/", 1)[1] if not_a_place(name.strip()) else name
    return suggest(bare, sorted(z for z in available_timezones() if not not_a_place(z)))
