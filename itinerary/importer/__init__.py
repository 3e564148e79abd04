"""Importers: calendars other programs wrote, turned into programme files to edit.

    from itinerary.importer import convert, CalendarError
    result = convert(data, "hosts-draft.ics")    # .text (YAML), .programme (loaded)

`ics` reads a calendar into a `Draft` (plain facts, every instant zone-aware),
`emit` writes a `Draft` as a programme file. `convert` does both and loads what it
wrote, so what a user gets always loads, and so `check` and `diff` can read a
calendar as they read a programme.
"""

from __future__ import annotations

from itinerary.formats import is_calendar
from itinerary.importer.convert import Converted, convert
from itinerary.importer.draft import CalendarError, Draft, Options

__all__ = ["CalendarError", "Converted", "Draft", "Options", "convert", "is_calendar"]
