"""Checks on who attends: events nobody attends, participants who attend nothing."""

from __future__ import annotations

from collections.abc import Iterator

from itinerary.checks import words
from itinerary.checks.finding import Finding
from itinerary.model import Event, Programme


def unattended(programme: Programme) -> Iterator[Finding]:
    """An event whose `who` expands to nobody (a group without members).

    A programme that lists nobody is checked as one person's days (`timeline.one_timeline`).
    """
    attending = programme.attendance()
    for event in programme.events:
        if event.who is not None and not attending[event.who]:  # None: everyone
            yield _unattended(programme, event, event.who)


def _unattended(programme: Programme, event: Event, who: tuple[str, ...]) -> Finding:
    when = f"nobody attends {words.title(event)} on {words.day(event.start)}"
    if not who:
        message = f"{when}: `who` is empty"
        suggestion = "name who attends in `who`, or leave `who` out if the event is for everyone"
    else:
        empty = [programme.groups[ref].name for ref in who if ref in programme.groups]
        named = ", ".join(f"'{name}'" for name in empty) or ", ".join(who)
        message = f"{when}: `who` names only {named}, without members"
        suggestion = "add members to the group (a participant's `group:`), or name the people in `who`"
    return Finding(
        code="A701",
        severity="warning",
        kind="unattended",
        message=message,
        suggestion=suggestion,
        sources=(event.source,),
        events=(event.id,),
    )


def idle_participant(programme: Programme) -> Iterator[Finding]:
    """A participant who is in no event at all."""
    attending = programme.attendance()
    anyone = frozenset().union(*attending.values())
    for pid, participant in programme.participants.items():
        if pid in anyone:
            continue
        groups = ", ".join(programme.groups[g].name for g in participant.groups if g in programme.groups)
        yield Finding(
            code="A702",
            severity="info",
            kind="idle-participant",
            message=f"{participant.name} is in no event"
            + (f" (groups: {groups}; no event names them)" if groups else " (no group, and no event names them)"),
            suggestion=f"add {pid} or one of their groups to the `who` of the events they attend, or drop them",
            sources=(participant.source,),
            participants=(participant.name,),
            participant_ids=(pid,),
        )
