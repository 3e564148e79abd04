"""itinerary: plan study visits and delegations from one plain-text programme file.

The library the `itinerary` command is made of:

    import itinerary
    programme = itinerary.read("visit.yaml")       # or a calendar (.ics), or "-" for standard input
    tea = programme.find("Tea Petrin")             # the id a name (or an id) means
    for event in programme.events_for(tea): ...

See itinerary.formats (what can be read), itinerary.checks (run_checks), itinerary.render
and itinerary.export (calendars: itinerary.export.files.plan and write).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

    from itinerary.model import Programme

__version__ = "0.1.0"


def read(source: str | Path) -> Programme:
    """The programme in `source` (a programme file, a calendar, or '-' for standard input).

    Raises itinerary.formats.ReadError, whose `diagnostics` say every reason, one line each.
    """
    from itinerary.formats import read as read_any

    return read_any(source)


def version_line() -> str:
    """What `itinerary --version` prints."""
    return f"itinerary {__version__}\n"


__all__ = ["__version__", "read", "version_line"]
