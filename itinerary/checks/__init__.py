"""The checks of `itinerary check`: each a small function from the model to findings.

    from itinerary.checks import run_checks, Finding
    findings = run_checks(programme)          # most severe first

Pure: nothing here reads files or prints. Adding a check means writing one function
`(programme) -> Iterable[Finding]`, adding it to CHECKS (suite.py), and its code to CODES
(codes.py).

The names below load on first use: the agenda's neighbours (`slots`, `next`) borrow
`words` and `timeline` from this package, and should not load every check at start-up.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from itinerary.checks.codes import CODES, KINDS, Code
    from itinerary.checks.finding import SEVERITIES, Finding, Severity, summary
    from itinerary.checks.suite import CHECKS, Check, run_checks

_HOMES = {
    "CHECKS": "suite",
    "Check": "suite",
    "run_checks": "suite",
    "CODES": "codes",
    "KINDS": "codes",
    "Code": "codes",
    "SEVERITIES": "finding",
    "Finding": "finding",
    "Severity": "finding",
    "summary": "finding",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"{__name__}.{home}"), name)


__all__ = ["CHECKS", "CODES", "KINDS", "SEVERITIES", "Check", "Code", "Finding", "Severity", "run_checks", "summary"]
