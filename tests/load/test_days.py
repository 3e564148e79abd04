"""Identity that depends neither on file order nor on Latin letters (issue 9)."""

from __future__ import annotations

from conftest import DATA
from typer.testing import CliRunner

from itinerary.checks import run_checks
from itinerary.cli import app
from itinerary.diff import compare
from itinerary.load import load, loads

IDENTITY = DATA / "identity"
runner = CliRunner()


def ids(programme):
    return {(e.title, e.start.strftime("%d %H:%M")): e.id for e in programme.events}


def test_titles_in_any_script_keep_their_characters():
    programme = load(IDENTITY / "visit.yaml")
    assert [e.id for e in programme.events] == [
        "2024-10-07/東京都庁での会議",
        "2024-10-07/coffee-break",
        "2024-10-07/大阪府との意見交換",
        "2024-10-07/coffee-break-2",
        "2024-10-07/新幹線で大阪へ",
        "2024-10-08/встреча-с-мэром",
    ]


def test_reordering_or_inserting_changes_no_identity():
    before, after = load(IDENTITY / "visit.yaml"), load(IDENTITY / "visit-reordered.yaml")
    kept = ids(after)
    assert all(kept[key] == ident for key, ident in ids(before).items())
    found = compare(before, after)
    assert [(c.event.title, c.changes) for c in found.events] == [("都知事への表敬訪問", ("added",))]


def test_repeats_are_numbered_by_time():
    text = (IDENTITY / "visit.yaml").read_text(encoding="utf-8")
    moved = loads(text.replace('time: "11:00-11:20"', 'time: "16:30-16:50"'), "moved.yaml")
    breaks = [(e.start.strftime("%H:%M"), e.id) for e in moved.events if e.title == "Coffee break"]
    assert breaks == [("15:30", "2024-10-07/coffee-break"), ("16:30", "2024-10-07/coffee-break-2")]


def test_inline_venues_without_latin_letters_stay_apart():
    train = next(e for e in load(IDENTITY / "visit.yaml").events if e.title == "新幹線で大阪へ")
    assert train.origin is not None and train.destination is not None
    assert (train.origin.id, train.destination.id) == ("inline-東京駅", "inline-新大阪駅")


def test_inline_venues_of_one_name_in_two_places_stay_apart():
    text = (IDENTITY / "visit.yaml").read_text(encoding="utf-8")
    text = text.replace("from: {name: 東京駅}", "from: {name: Hilton, city: Tokyo}")
    text = text.replace("to: {name: 新大阪駅}", "to: {name: Hilton, city: Osaka}")
    train = next(e for e in loads(text, "hiltons.yaml").events if e.kind.value == "train")
    assert train.origin is not None and train.destination is not None
    assert train.origin.id != train.destination.id
    same = loads(text.replace("city: Osaka", "city: Tokyo"), "one.yaml")
    leg = next(e for e in same.events if e.kind.value == "train")
    assert leg.origin is not None and leg.destination is not None and leg.origin.id == leg.destination.id


def test_an_imported_calendar_gets_the_ids_the_loader_derives(tmp_path):
    written = tmp_path / "draft.yaml"
    result = runner.invoke(app, ["import", str(IDENTITY / "no-uid.ics"), "-o", str(written)])
    assert result.exit_code == 0, result.output
    text = written.read_text(encoding="utf-8")
    assert "id:" not in text.split("days:")[1], "every id is the derived one: none needs writing"
    assert [e.id for e in load(written).events] == [
        "2024-10-07/東京都庁での会議",
        "2024-10-07/coffee-break",
        "2024-10-07/大阪府との意見交換",
        "2024-10-07/coffee-break-2",
    ]


def test_check_warns_where_only_file_order_tells_twins_apart():
    found = [f for f in run_checks(load(IDENTITY / "twins.yaml")) if f.kind == "identity"]
    assert len(found) == 1
    (twins,) = found
    assert twins.code == "I001" and twins.severity == "warning"
    assert twins.events == ("2030-03-04/workshop", "2030-03-04/workshop-2")
    text = (IDENTITY / "twins.yaml").read_text(encoding="utf-8")
    named = text.replace("title: Workshop, venue: room-a", "title: Workshop, id: workshop-a, venue: room-a")
    assert not [f for f in run_checks(loads(named, "named.yaml")) if f.kind == "identity"]
    assert not [f for f in run_checks(load(IDENTITY / "visit.yaml")) if f.kind == "identity"]


def test_imported_places_without_latin_letters_keep_their_ids_in_any_order(tmp_path):
    text = (IDENTITY / "no-uid.ics").read_bytes().decode("utf-8")
    head, _, rest = text.partition("BEGIN:VEVENT")
    blocks = ["BEGIN:VEVENT" + b for b in ("BEGIN:VEVENT" + rest).split("BEGIN:VEVENT") if b]
    blocks[-1] = blocks[-1].replace("END:VCALENDAR\r\n", "")
    reversed_calendar = tmp_path / "reversed.ics"
    reversed_calendar.write_bytes((head + "".join(reversed(blocks)) + "END:VCALENDAR\r\n").encode("utf-8"))

    def venues(path):
        written = tmp_path / f"{path.stem}.yaml"
        assert runner.invoke(app, ["import", str(path), "-o", str(written)]).exit_code == 0
        return {v.name: v.id for v in load(written).venues.values()}

    first, second = venues(IDENTITY / "no-uid.ics"), venues(reversed_calendar)
    assert first == second
    assert len(set(first.values())) == 2 and all(ident.startswith("venue-") for ident in first.values())
