"""What a check reports: one thing wrong (or worth knowing) about a programme, in numbers, with a way out."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from itinerary.model import Source

Severity = Literal["error", "warning", "info"]

SEVERITIES: tuple[Severity, ...] = ("error", "warning", "info")
"""Most severe first; the order findings are reported in."""


@dataclass(frozen=True, slots=True)
class Finding:
    """One finding of `itinerary check`.

    `code` is short and stable (what a script or a reader searches for), `kind` the
    family it belongs to (`clash`, `travel-gap`, ...); codes.CODES holds both. `participants`
    are labels for people to read, whole groups named by the group's name instead of its
    members; `participant_ids` are the ids of everyone concerned, for programs to match.
    """

    code: str
    severity: Severity
    kind: str
    message: str
    suggestion: str = ""
    sources: tuple[Source, ...] = ()
    events: tuple[str, ...] = ()
    """Ids of the events involved, in the order the message names them."""
    participants: tuple[str, ...] = ()
    participant_ids: tuple[str, ...] = ()
    """Ids of every participant concerned, in the order of the file."""

    @property
    def source(self) -> Source | None:
        """Where to look first."""
        return self.sources[0] if self.sources else None


def rank(finding: Finding) -> tuple[int, tuple[tuple[str, int, int], ...], str, tuple[str, ...]]:
    """Sort key: most severe first, then in the order of the file."""
    return (
        SEVERITIES.index(finding.severity),
        tuple((s.file, s.line, s.column) for s in finding.sources),
        finding.code,
        finding.events,
    )


def summary(findings: Iterable[Finding]) -> dict[str, int]:
    """How many findings of each severity: {"errors": n, "warnings": n, "infos": n}."""
    counts = {"errors": 0, "warnings": 0, "infos": 0}
    for finding in findings:
        counts[finding.severity + "s"] += 1
    return counts
