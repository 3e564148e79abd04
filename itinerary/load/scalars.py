"""A scalar's text read as a number, a truth value or a span of time; ValueError says why not."""

from __future__ import annotations

from itinerary.timeutil import parse_hhmm

HHMM = tuple[int, int]


def to_int(text: str) -> int:
    try:
        return int(text.strip().replace("_", ""))
    except ValueError:
        raise ValueError(f"{text!r} is not a whole number") from None


def to_float(text: str) -> float:
    try:
        value = float(text.strip())
    except ValueError:
        raise ValueError(f"{text!r} is not a number") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError(f"{text!r} is not a number")
    return value


def to_bool(text: str) -> bool:
    lowered = text.strip().lower()
    if lowered in ("true", "yes", "on"):
        return True
    if lowered in ("false", "no", "off", ""):
        return False
    raise ValueError(f"{text!r} is not true or false")


def _split_span(text: str) -> list[str]:
    for dash in ("–", "—", " to "):
        text = text.replace(dash, "-")
    return [part.strip() for part in text.split("-")]


def span(text: str) -> tuple[HHMM, HHMM]:
    """'09:00-12:00' -> ((9, 0), (12, 0))."""
    parts = _split_span(text)
    if len(parts) != 2:
        raise ValueError(f"{text!r} is not a span of time (HH:MM-HH:MM)")
    return parse_hhmm(parts[0]), parse_hhmm(parts[1])


def span_or_start(text: str) -> tuple[HHMM, HHMM | None]:
    """'09:00-12:00' -> ((9, 0), (12, 0)); '09:00' -> ((9, 0), None)."""
    parts = _split_span(text)
    if len(parts) == 1:
        return parse_hhmm(parts[0]), None
    if len(parts) == 2:
        return parse_hhmm(parts[0]), parse_hhmm(parts[1])
    raise ValueError(f"{text!r} is not a time (HH:MM or HH:MM-HH:MM)")
