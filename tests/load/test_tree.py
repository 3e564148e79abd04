"""YAML nulls are empty with the C loader as with the pure-Python one (issue 9)."""

from __future__ import annotations

import pytest
import yaml
from conftest import DATA

from itinerary.load import LoadError, load, loads
from itinerary.load.tree import is_null

NULLS = DATA / "load" / "nulls.yaml"


@pytest.mark.parametrize("loader", [yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)])
def test_plain_nulls_are_nothing_and_quoted_ones_are_text(loader):
    node = yaml.compose("a: ~\nb: null\nc:\nd: \"null\"\ne: '~'\nf: text\n", Loader=loader)
    assert [is_null(value) for _, value in node.value] == [True, True, True, False, False, False]


def test_nulls_in_a_programme_are_empty_fields():
    assert getattr(yaml, "CSafeLoader", None) is not None, "the C loader is what the program uses"
    programme = load(NULLS)
    anna = programme.participants["anna-berger"]
    assert (anna.organisation, anna.title, anna.email) == ("", "", "")
    rathaus = programme.venues["rathaus"]
    assert (rathaus.address, rathaus.url, rathaus.city) == ("", "", "")
    assert programme.default_city == ""
    assert programme.events[0].notes == ""


def test_an_empty_day_is_a_day_with_nothing_planned():
    from typer.testing import CliRunner

    from itinerary.cli import app

    result = CliRunner().invoke(app, ["agenda", str(NULLS)])
    assert result.exit_code == 0, result.output
    assert "Tuesday 7 May 2024\n  nothing planned" in result.stdout
    assert "Wednesday 8 May 2024\n  nothing planned" in result.stdout
    assert "Thursday 9 May 2024 · Salzburg\n  nothing planned" in result.stdout  # a city alone
    assert "null" not in result.stdout and "~" not in result.stdout


@pytest.mark.parametrize("written", ["null", "~", ""])
def test_a_null_title_is_an_error(written):
    text = NULLS.read_text(encoding="utf-8").replace("title: Reception at the Rathaus", f"title: {written}".rstrip())
    with pytest.raises(LoadError) as caught:
        loads(text, "nulls.yaml")
    (only,) = caught.value.diagnostics
    assert only.source is not None and only.source.line == 25
    assert only.message == "days.2024-05-06[0].title: must not be empty"
