from __future__ import annotations

from datetime import date

from conftest import assert_golden, render_text

from itinerary.load import loads
from itinerary.render import agenda
from itinerary.timeutil import zone


def text_of(programme, who=None, tz="Asia/Tokyo", only=None, width=100):
    events = programme.events_for(who)
    return render_text(agenda.render(programme, events, zone(tz), only, who), width)


def test_japan_agenda_golden(japan):
    assert_golden("agenda-japan.txt", text_of(japan))


def test_barbara_rhode_golden(japan):
    assert_golden("agenda-japan-barbara-rhode.txt", text_of(japan, who="barbara-rhode"))


def test_day_heading_and_order(japan):
    text = text_of(japan, only=date(2009, 10, 7))
    assert text.splitlines()[3] == "Wednesday 7 October 2009 · Hamamatsu"
    assert text.index("Shinkansen HIKARI 465") < text.index("Hamamatsu Photonics") < text.index("HIKARI 476")
    assert "Tokyo Station 09:03 → Hamamatsu Station 10:33" in text
    assert "静岡県浜松市中区砂山町325-6" in text  # the address for the taxi driver
    assert "Tuesday" not in text


def test_estimated_end_is_marked(japan):
    text = text_of(japan, only=date(2009, 10, 8))
    assert "14:00–~15:00" in text  # closing briefing: no end in the seed
    assert "10:00–12:00" in text
    assert "~ end estimated" in text


def test_times_in_brussels(japan):
    text = text_of(japan, tz="Europe/Brussels", only=date(2009, 10, 6))
    # 09:30 in Tokyo is 02:30 in Brussels (UTC+2 in October 2009)
    assert "02:30–05:00" in text
    assert "local time Tue 09:30 JST → Tue 12:00 JST" in text
    assert "times in Europe/Brussels" in text
    # the 19:00 dinner in Tokyo is at noon in Brussels, on the same day
    assert "12:00–~13:30" in text


def test_brussels_day_shift(japan):
    # the 08:30 transfer of Wednesday in Tokyo is 01:30 on Wednesday in Brussels; the
    # Tuesday dinner (19:00 JST) is Tuesday noon. The Monday 09:00 arrival is Monday 04:30.
    days = agenda.as_json(japan, japan.events, zone("Europe/Brussels"))["days"]
    titles = {d["date"]: [e["title"] for e in d["events"]] for d in days}
    assert "Departure from European cities" in titles["2009-10-04"]
    assert titles["2009-10-09"][-1] == "Departure from Tokyo"


def test_flight_shows_both_local_ends(japan):
    text = text_of(japan, only=date(2009, 10, 4))
    assert "21:00–11:30+1" in text
    assert "local time Sun 14:00 CEST → Mon 11:30 JST" in text


def test_json_shape(japan):
    data = agenda.as_json(japan, japan.events_for("ecpg"), zone("Asia/Tokyo"), None, "ecpg")
    assert data["programme"]["id"] == "ecpg-japan-2009"
    assert [d["date"] for d in data["days"]] == [f"2009-10-0{n}" for n in range(4, 10)]
    train = next(e for d in data["days"] for e in d["events"] if e["kind"] == "train")
    assert train["start"] == "2009-10-07T09:03+09:00"
    assert train["from"]["id"] == "tokyo-station" and train["to"]["local_address"]
    assert train["source"].startswith(str(japan.source.file)) and train["source"].count(":") == 2
    assert "2009-10-05/grand-prince-hotel-akasaka" in data["days"][2]["nights"]


def test_notes_keep_their_line_breaks():
    from conftest import DATA

    from itinerary.load import load

    programme = load(DATA / "agenda" / "notes.yaml")
    text = render_text(agenda.render(programme, programme.events, None), 100)
    lines = [line.strip() for line in text.splitlines()]
    at = lines.index("Meet at the visitors' entrance:")
    assert lines[at : at + 7] == [
        "Meet at the visitors' entrance:",
        "Platz der Republik 1",
        "11011 Berlin",
        "",
        "Bring:",
        "passport",
        "the invitation letter",
    ]
    raw = text.splitlines()
    bring = next(line for line in raw if line.endswith("Bring:"))
    passport = next(line for line in raw if line.endswith("passport"))
    assert passport.index("passport") == bring.index("Bring:") + 2  # the list's indent is kept
    at = lines.index("Table booked for 12 people.")
    assert lines[at + 1] == "Ask for Frau Schmidt."


BACKGROUND = """\
programme:
  id: bg
  title: BG
  timezone: Europe/Brussels
  start: 2009-06-01
  end: 2009-06-04
days:
  2009-06-01:
    - depart: "10:00"
      arrive: "2009-06-03 18:00"
      title: Exhibition open all along
      kind: other
      background: true
    - kind: hotel
      title: Hotel Amigo
      until: 2009-06-03
"""


def test_only_hotel_stays_are_listed_as_nights():
    from itinerary.render import agenda
    from itinerary.select import by_day
    from itinerary.timeutil import zone

    programme = loads(BACKGROUND, "bg.yaml")
    tuesday = by_day(programme, programme.events, zone("Europe/Brussels"))[1]
    assert [e.title for e in tuesday.nights] == ["Hotel Amigo"]
    text = render_text(agenda.render(programme, programme.events, zone("Europe/Brussels")))
    assert "night           hotel      Exhibition" not in text, text


def test_agenda_marks_an_estimated_arrival_on_the_leg_line(japan):
    from datetime import date

    from itinerary.render import agenda
    from itinerary.timeutil import zone

    text = render_text(agenda.render(japan, japan.events, zone("Asia/Tokyo"), date(2009, 10, 7)), width=140)
    assert "Grand Prince Hotel Akasaka 08:30 → Tokyo Station ~09:00" in text, text
    assert "Tokyo Station 09:03 → Hamamatsu Station 10:33" in text, text


NEW_YEAR = """\
programme: {id: ny, title: New Year visit, timezone: Europe/Vienna, start: 2029-12-30, end: 2030-01-02}
days:
  2029-12-30: [{time: "10:00-11:00", title: Arrival briefing}]
  2030-01-02: [{time: "10:00-11:00", title: Closing}]
"""


def test_a_visit_over_new_year_says_both_years_in_its_heading():
    # "30 Dec – 02 Jan 2030" read as a range running backwards within 2030.
    text = text_of(loads(NEW_YEAR, "ny.yaml"), tz="Europe/Vienna")
    assert text.splitlines()[0] == "New Year visit  30 Dec 2029 – 02 Jan 2030"


def test_a_leg_whose_time_is_to_be_confirmed_has_a_route_without_clock_times():
    from conftest import DATA

    from itinerary.load import load

    programme = load(DATA / "agenda" / "tbc-leg.yaml")
    text = render_text(agenda.render(programme, programme.events, None), 100)
    assert "Cape Town International Airport → The Commodore Hotel" in text
    assert "00:00" not in text
