"""The whole node tree read section by section into a `Programme`."""

from __future__ import annotations

from yaml import MappingNode, Node

from itinerary.ends import end_at_next
from itinerary.load.days import Days, read_days
from itinerary.load.diagnostics import Abort
from itinerary.load.events import Known
from itinerary.load.head import read_head
from itinerary.load.nodes import NodeReader
from itinerary.load.people import read_groups, read_participants
from itinerary.load.travel import read_travel
from itinerary.load.tree import describe
from itinerary.load.venues import read_venues
from itinerary.model import Programme

SECTIONS = ("programme", "groups", "participants", "venues", "travel", "days")


def read_programme(r: NodeReader, root: Node | None) -> Programme | None:
    """The programme, or None when its head is unusable; every problem is in `r.errors`."""
    if root is None:
        r.fatal(None, "", "empty file: not a programme file (it needs a `programme:` section)")
    if not isinstance(root, MappingNode):
        r.fatal(
            root, "", f"not a programme file: expected a mapping with a `programme:` section, found {describe(root)}"
        )
    keys = {r.text(key, "") for key, _ in root.value}
    if "programme" not in keys:
        r.fatal(root, "", "not a programme file: no `programme:` section")
    top = r.mapping(root, "", SECTIONS)
    if top is None:
        raise Abort
    head, tz_name = read_head(r, top["programme"][1])
    groups = read_groups(r, top["groups"][1]) if "groups" in top else {}
    participants = read_participants(r, top["participants"][1], groups) if "participants" in top else {}
    venues = read_venues(r, top["venues"][1], tz_name) if "venues" in top else {}
    travel = read_travel(r, top["travel"][1], venues) if "travel" in top else []
    known = Known(tz_name, groups, participants, venues)
    days = read_days(r, top["days"][1], known) if "days" in top else Days()
    if head is None:
        return None
    days.events.sort(key=lambda e: (e.start, e.end))
    programme = Programme(
        id=head.id,
        title=head.title,
        timezone=head.timezone,
        start=head.start,
        end=head.end,
        source=head.source,
        groups=groups,
        participants=participants,
        venues=venues,
        events=tuple(days.events),
        travel=tuple(travel),
        travel_settings=head.travel_settings,
        day_parts=head.day_parts,
        revision=head.revision,
        updated=head.updated,
        city=days.cities,
        default_city=head.city,
        warnings=tuple(r.warnings),
    )
    return end_at_next(programme)
