"""The `travel:` section: the organiser's own times between two venues."""

from __future__ import annotations

from collections.abc import Mapping

from yaml import Node

from itinerary.load.hints import suggest
from itinerary.load.nodes import NodeReader
from itinerary.model import TravelTime, Venue

TRAVEL_MODES = ("taxi", "walk", "car", "bus", "coach", "train", "metro", "tram", "ferry", "other")
TRAVEL_MAX = (7 * 24 * 60, "minutes (a week)")


def read_travel(r: NodeReader, node: Node, venues: Mapping[str, Venue]) -> list[TravelTime]:
    """`{between: [venue, venue], minutes: N, mode: taxi}` for each pair the organiser knows."""
    out = []
    for index, item in enumerate(r.sequence(node, "travel") or []):
        field = f"travel[{index}]"
        fields = r.mapping(item, field, ("between", "minutes", "mode"))
        if fields is None:
            continue
        if "between" not in fields or "minutes" not in fields:
            r.error(item, field, "needs `between: [venue, venue]` and `minutes`")
            continue
        ends = r.names(fields["between"][1], f"{field}.between")
        ok = len(ends) == 2
        if not ok:
            r.error(fields["between"][1], f"{field}.between", "expected two venue ids")
        for ref, ref_node in ends:
            if ref not in venues:
                r.error(ref_node, f"{field}.between", f"unknown venue {ref!r}{suggest(ref, venues)}")
                ok = False
        minutes = r.integer(fields["minutes"][1], f"{field}.minutes", maximum=TRAVEL_MAX)
        mode = r.optional_text(fields, "mode", field) or "taxi"
        if mode not in TRAVEL_MODES:
            r.error(
                fields["mode"][1],
                f"{field}.mode",
                f"unknown mode {mode!r}{suggest(mode, TRAVEL_MODES)}; one of {', '.join(TRAVEL_MODES)}",
            )
            ok = False
        if ok and minutes is not None:
            out.append(TravelTime(ends[0][0], ends[1][0], minutes, mode, r.src(item)))
    return out
