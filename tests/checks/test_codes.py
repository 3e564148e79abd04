"""The one table of check codes, and everything that must agree with it: the checks, the manual, the schema."""

from __future__ import annotations

import json
import re

import pytest
from conftest import DATA, ROOT

from itinerary.checks import CODES, KINDS, run_checks
from itinerary.checks.timeline import one_timeline
from itinerary.load import load

PROGRAMMES = sorted((DATA / "check").glob("*.yaml")) + sorted((ROOT / "schedules").glob("*.yaml"))
MANUAL = ROOT / "docs" / "manual.md"
SCHEMA = ROOT / "docs" / "check.schema.json"


def manual_text() -> str:
    return MANUAL.read_text(encoding="utf-8")


@pytest.mark.parametrize("path", PROGRAMMES, ids=lambda p: p.name)
def test_every_finding_is_as_the_table_says(path):
    programme = load(path)
    for finding in run_checks(programme):
        code = CODES.get(finding.code)
        assert code is not None, f"{finding.code} is not in checks/codes.py"
        assert finding.kind == code.kind, finding
        assert finding.severity in (code.severity, code.lesser), finding
        assert set(finding.participant_ids) <= set(one_timeline(programme).participants), finding
        assert bool(finding.participant_ids) == bool(finding.participants), finding


def test_the_manual_has_a_row_per_code_as_the_table_says():
    rows = re.findall(r"^\| ([A-Z]\d{3}) \| `([a-z-]+)` \| (\w+) \| (.*) \|$", manual_text(), re.M)
    assert [row[0] for row in rows] == list(CODES), "one row per code, in the table's order"
    for code, kind, severity, finds in rows:
        assert (kind, severity) == (CODES[code].kind, CODES[code].severity), code
        assert finds.startswith(CODES[code].summary), code


def test_the_schema_names_every_kind_and_code():
    finding = json.loads(SCHEMA.read_text(encoding="utf-8"))["$defs"]["finding"]["properties"]
    assert finding["kind"]["enum"] == list(KINDS)
    by_kind = {kind: [c for c in CODES if CODES[c].kind == kind] for kind in KINDS}
    listed = "; ".join(f"{', '.join(codes)} {kind}" for kind, codes in by_kind.items())
    assert finding["code"]["description"] == f"Short and stable: {listed}."
