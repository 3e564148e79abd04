"""The findings of `itinerary check`, for a terminal (one block each, then a summary) or as JSON."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from itinerary.checks.finding import Finding, summary

if TYPE_CHECKING:
    from rich.console import RenderableType

STYLES = {"error": "bold red", "warning": "yellow", "info": "cyan"}


def exit_code(findings: Sequence[Finding], strict: bool = False) -> int:
    """1 when there are errors (or warnings, when strict), else 0."""
    failing = ("error", "warning") if strict else ("error",)
    return 1 if any(f.severity in failing for f in findings) else 0


def where(finding: Finding) -> str:
    """'file:12, file:18': the lines of the events involved."""
    return ", ".join(f"{s.file}:{s.line}" for s in finding.sources)


def counts(findings: Sequence[Finding]) -> str:
    """'1 error, 1 warning, 11 infos', or 'no findings'."""
    totals = summary(findings)
    if not findings:
        return "no findings"
    words = (("errors", "error"), ("warnings", "warning"), ("infos", "info"))
    return ", ".join(f"{totals[key]} {one if totals[key] == 1 else key}" for key, one in words)


def render(findings: Sequence[Finding], name: str, strict: bool = False, width: int = 100) -> list[RenderableType]:
    """A block per finding, a blank line between, then the summary; wrapped to `width` by hand.

    error T202 travel-gap: 'A' ends 13:55 at X, 'B' starts 14:10 at Y on ...: needs 31 min
      (21 min by taxi for 8.6 km + 10 min buffer), has 15 min, not even enough for the trip
      at:  file.yaml:345, file.yaml:350
      who: Delegation of ECPG
      fix: start 'B' at 14:26 or later (14:16 leaves no buffer), or end 'A' by 13:39
    """
    from itinerary.render.rows import Lines
    from itinerary.render.text import Text

    lines: list[list[tuple[str, str]]] = []
    for finding in findings:
        head = f"{finding.severity} {finding.code} {finding.kind}: "
        message = _wrap(head + finding.message, width, "", "  ")
        lines.append([(message[0][: len(head)], STYLES[finding.severity]), (message[0][len(head) :], "")])
        lines += [[(line, "")] for line in message[1:]]
        for label, value, style in (
            ("at:  ", where(finding), ""),
            ("who: ", ", ".join(finding.participants), ""),
            ("fix: ", finding.suggestion, "green"),
        ):
            if not value:
                continue
            prefix = len(label) + 2
            for n, line in enumerate(_wrap(value, width, "  " + label, "  " + " " * len(label))):
                lines.append([(line[:prefix], "dim" if n == 0 else ""), (line[prefix:], style)])
        lines.append([])
    out: list[RenderableType] = [Lines(lines)]
    verdict = "fails" if exit_code(findings, strict) else "passes"
    mode = " (strict: warnings fail too)" if strict else ""
    out.append(Text(f"{name}: {counts(findings)}; the check {verdict}{mode}", style="bold"))
    return out


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    """Lines of at most `width` terminal cells (a word longer than that, such as a path, stays whole).

    Measured in cells, not characters: a Japanese name takes two cells a character. A
    run of wide characters too long for a line is cut between characters, as Japanese is.
    """
    from rich.cells import cell_len as measure

    every = text + first + rest
    cell_len = len if every.isascii() and every.isprintable() else measure  # one cell a character
    width = max(width, 40)
    lines: list[str] = []
    line, room = first, width - cell_len(first)
    fresh = True  # nothing but the indent on this line yet
    for word in text.split():
        while True:
            size = cell_len(word)
            gap = 0 if fresh else 1
            if size + gap <= room:
                line += ("" if fresh else " ") + word
                room -= size + gap
                fresh = False
                break
            if not fresh:
                lines.append(line)
                line, room, fresh = rest, width - cell_len(rest), True
                continue
            if size == len(word) or room < 2:  # no wide characters (a path): it stays whole
                lines.append(line + word)
                line, room, fresh = rest, width - cell_len(rest), True
                break
            cut = 0
            while cell_len(word[: cut + 1]) <= room:
                cut += 1
            lines.append(line + word[:cut])
            line, room, fresh = rest, width - cell_len(rest), True
            word = word[cut:]
    if not fresh:
        lines.append(line)
    return lines or [first.rstrip()]


def as_json(findings: Sequence[Finding], programme: dict[str, Any] | None = None) -> dict[str, Any]:
    """{"findings": [...], "summary": {"errors", "warnings", "infos"}}: the field names are a contract (docs/manual.md, docs/check.schema.json)."""
    out: dict[str, Any] = {}
    if programme is not None:
        out["programme"] = programme
    out["findings"] = [finding_json(f) for f in findings]
    out["summary"] = summary(findings)
    return out


def finding_json(finding: Finding) -> dict[str, Any]:
    first = finding.source
    return {
        "code": finding.code,
        "severity": finding.severity,
        "kind": finding.kind,
        "message": finding.message,
        "suggestion": finding.suggestion,
        "file": first.file if first else None,
        "line": first.line if first else None,
        "sources": [{"file": s.file, "line": s.line, "column": s.column} for s in finding.sources],
        "events": list(finding.events),
        "participants": list(finding.participants),
        "participant_ids": list(finding.participant_ids),
    }
