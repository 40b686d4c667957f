"""The weekly report as a JSON document and as text, from a small hand-built log with known answers.

The log (ISO week 2026-W47, Monday 16 to Sunday 22 November; London is on GMT, so local is UTC):
- night of Mon 16: Alex feeds 02:00-02:30 -> Alex free 22:00-02:00 and 02:45-07:00, longest 4 h 15.
- night of Tue 17: Alex feeds 23:00-23:30 -> Alex free 23:45-07:00, longest 7 h 15.
- night of Wed 18: Sam feeds 03:00-03:20 -> Sam free 22:00-03:00, longest 5 h.
- night of Thu 19: Alex changes a nappy at 04:00 -> Alex free 22:00-04:00, longest 6 h.
- the other nights are quiet (9 h each); by day Alex logs a nap, Sam a nappy, Pat gives a bath.
Robin, in another household, feeds Bo at the same times: none of it may show.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from twofold.care.services import log_care_event
from twofold.insights.selectors import week_report_for
from twofold.insights.serialize import (
    FUTURE_WEEK,
    NO_NIGHTS_YET,
    report_document,
    report_text,
    requested_week,
)
from twofold.insights.thresholds import SOURCE

LONDON = ZoneInfo("Europe/London")
WEEK = "2026-W47"
MONDAY = dt.date(2026, 11, 16)
# The Monday after the week, at noon: every night of the week has ended.
NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)

DETAILS: dict[str, dict[str, Any]] = {
    "feed": {"method": "formula", "amount_ml": 90},
    "nappy": {"contents": "wet"},
    "sleep": {"place": "cot"},
}


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    """A London time in November 2026."""
    return dt.datetime(2026, 11, day, hour, minute, tzinfo=LONDON)


def log(world, member, kind: str, start: dt.datetime, minutes: int | None = None, *, child=None) -> None:
    log_care_event(
        member=member,
        child=child or world.ada,
        kind=kind,
        start=start,
        end=None if minutes is None else start + dt.timedelta(minutes=minutes),
        details=DETAILS.get(kind),
        now=NOW,
    )


def log_the_week(world) -> None:
    """The log in the module docstring: Alex handles 3 night wakings, Sam 1."""
    log(world, world.alex, "feed", at(17, 2, 0), 30)
    log(world, world.alex, "feed", at(17, 23, 0), 30)
    log(world, world.sam, "feed", at(19, 3, 0), 20)
    log(world, world.alex, "nappy", at(20, 4, 0))
    log(world, world.alex, "sleep", at(18, 13, 0), 120)
    log(world, world.sam, "nappy", at(21, 14, 0))
    log(world, world.pat, "bath", at(21, 10, 0), 20)
    log(world, world.alex, "note", at(21, 11, 0))
    for day, hour in ((17, 2), (17, 23), (19, 3), (20, 4)):
        log(world, world.robin, "feed", at(day, hour), 40, child=world.bo)


def document(world, *, monday: dt.date = MONDAY, now: dt.datetime = NOW) -> dict:
    household = world.alex.household
    return report_document(week_report_for(household=household, monday=monday, now=now), household)


def by_id(rows: list[dict], member) -> dict:
    (row,) = [r for r in rows if r["id"] == member.pk]
    return row


def test_the_document_says_who_handled_each_night_waking(world):
    log_the_week(world)
    doc = document(world)

    assert doc["totals"]["night_wakings"] == 4
    assert by_id(doc["people"], world.alex)["night_wakings_handled"] == 3
    assert by_id(doc["people"], world.sam)["night_wakings_handled"] == 1
    assert by_id(doc["people"], world.pat)["night_wakings_handled"] == 0
    assert doc["sentences"][0] == "Alex handled 3 of 4 night wakings; Sam 1."


def test_event_and_minute_shares_match_the_log_and_add_up_to_100(world):
    log_the_week(world)
    people = document(world)["people"]
    alex, sam, pat = (by_id(people, m) for m in (world.alex, world.sam, world.pat))

    # 7 events (a note is not care): Alex 4, Sam 2, Pat 1. Minutes: Alex 60 (a nap has none), Sam 20, Pat 20.
    assert (alex["events"], sam["events"], pat["events"]) == (4, 2, 1)
    assert (alex["event_share"], sam["event_share"], pat["event_share"]) == (57.1, 28.6, 14.3)
    assert sum(p["event_share"] for p in people) == pytest.approx(100)
    assert (alex["care_minutes"], sam["care_minutes"], pat["care_minutes"]) == (60.0, 20.0, 20.0)
    assert (alex["minute_share"], sam["minute_share"], pat["minute_share"]) == (60.0, 20.0, 20.0)
    assert (alex["day_events"], alex["night_events"]) == (1, 3)
    assert (sam["day_events"], sam["night_events"]) == (1, 1)
    assert alex["by_kind"] == {
        "feed": {"events": 2, "minutes": 60.0},
        "nappy": {"events": 1, "minutes": 0.0},
        "sleep": {"events": 1, "minutes": 0.0},
    }
    assert pat["by_kind"] == {"bath": {"events": 1, "minutes": 20.0}}
    assert [(p["name"], p["role"]) for p in people] == [
        ("Alex", "parent"),
        ("Sam", "parent"),
        ("Pat", "helper"),
    ]


def test_each_night_has_its_window_wakings_and_each_parents_longest_sleep(world):
    log_the_week(world)
    nights = document(world)["nights"]

    assert [n["date"] for n in nights] == [f"2026-11-{d}" for d in range(16, 23)]
    first = nights[0]
    assert (first["start"], first["end"]) == ("2026-11-16T22:00:00Z", "2026-11-17T07:00:00Z")
    assert all(n["complete"] for n in nights)
    assert [n["wakings"] for n in nights] == [1, 1, 1, 1, 0, 0, 0]
    alex = [by_id(n["parents"], world.alex) for n in nights]
    sam = [by_id(n["parents"], world.sam) for n in nights]
    assert [a["longest_sleep_minutes"] for a in alex] == [255.0, 435.0, 540.0, 360.0, 540.0, 540.0, 540.0]
    assert [s["longest_sleep_minutes"] for s in sam] == [540.0, 540.0, 300.0, 540.0, 540.0, 540.0, 540.0]
    # Their own minutes plus the 15-minute resettling allowance per waking.
    assert [a["minutes_awake"] for a in alex][:4] == [45.0, 45.0, 0.0, 15.0]
    assert [a["wakings_handled"] for a in alex] == [1, 1, 0, 1, 0, 0, 0]
    assert [len(n["parents"]) for n in nights] == [2] * 7  # parents only: Pat's sleep is not followed


def test_the_average_longest_sleep_is_the_mean_over_the_ended_nights(world):
    log_the_week(world)
    doc = document(world)

    alex, sam = by_id(doc["parents"], world.alex), by_id(doc["parents"], world.sam)
    assert alex["average_longest_sleep_minutes"] == round((255 + 435 + 540 + 360 + 3 * 540) / 7, 1) == 458.6
    assert sam["average_longest_sleep_minutes"] == round((6 * 540 + 300) / 7, 1) == 505.7
    assert "Alex's longest sleep averaged 7 h 39, Sam's 8 h 26." in doc["sentences"]
    assert doc["totals"]["nights_ended"] == 7
    assert [p["name"] for p in doc["parents"]] == ["Alex", "Sam"]


def test_a_night_still_going_is_listed_but_left_out_of_the_average(world):
    log_the_week(world)
    sunday_night = at(22, 23, 0)
    doc = document(world, now=sunday_night)

    assert doc["nights"][-1]["date"] == "2026-11-22"
    assert [n["complete"] for n in doc["nights"]] == [True] * 6 + [False]
    assert doc["totals"]["nights_begun"] == 7
    assert doc["totals"]["nights_ended"] == 6
    assert by_id(doc["parents"], world.alex)["average_longest_sleep_minutes"] == round(
        (255 + 435 + 540 + 360 + 2 * 540) / 6, 1
    )


def test_a_week_with_nothing_logged_has_no_shares_and_no_average_yet(world):
    monday_noon = at(16, 12, 0)
    doc = document(world, now=monday_noon)

    assert doc["nights"] == []
    assert doc["totals"] == {
        "events": 0,
        "care_minutes": 0.0,
        "night_events": 0,
        "night_wakings": 0,
        "nights_begun": 0,
        "nights_ended": 0,
    }
    assert {p["event_share"] for p in doc["people"]} == {None}
    assert {p["minute_share"] for p in doc["people"]} == {None}
    assert {p["average_longest_sleep_minutes"] for p in doc["parents"]} == {None}
    assert doc["sentences"] == [
        "No night wakings were logged this week.",
        "Nothing was logged this week yet.",
    ]


def test_the_trend_covers_eight_weeks_ending_with_this_one(world):
    log_the_week(world)
    log(world, world.sam, "feed", at(10, 2, 0), 20)  # the night of Mon 9 November, week 46
    trend = document(world)["trend"]

    assert [p["week"] for p in trend] == [f"2026-W{w}" for w in range(40, 48)]
    assert [p["wakings"] for p in trend] == [0, 0, 0, 0, 0, 0, 1, 4]
    this_week = {row["id"]: row["percent"] for row in trend[-1]["night_share"]}
    assert this_week == {world.alex.pk: 75.0, world.sam.pk: 25.0, world.pat.pk: 0.0}
    assert {row["id"]: row["percent"] for row in trend[-2]["night_share"]}[world.sam.pk] == 100.0
    assert {row["percent"] for row in trend[0]["night_share"]} == {None}


def test_streaks_count_the_nights_running_up_to_the_last(world):
    # Alex alone up on the last two nights, and on the last three for under 4 hours' sleep at a stretch.
    for day in (21, 22, 23):
        log(world, world.alex, "feed", at(day, 1, 0), 30)
        log(world, world.alex, "feed", at(day, 4, 0), 30)
    log(world, world.sam, "feed", at(21, 5, 0), 20)
    doc = document(world)

    alex, sam = by_id(doc["parents"], world.alex), by_id(doc["parents"], world.sam)
    assert alex["streaks"] == {"handled_every_waking_nights": 2, "short_sleep_nights": 3}
    assert sam["streaks"] == {"handled_every_waking_nights": 0, "short_sleep_nights": 0}
    assert "Alex handled every waking for the last 2 nights." in doc["sentences"]


def test_the_thresholds_are_the_ones_the_report_uses_with_their_source(world):
    assert document(world)["thresholds"] == {
        "resettle_allowance_minutes": 15,
        "short_sleep_minutes": 240,
        "short_sleep_nights": 3,
        "waking_gap_minutes": 10,
        "source": SOURCE,
    }


def test_the_week_and_night_window_are_given_in_the_households_own_terms(world):
    doc = document(world)

    assert doc["household"] == {"id": world.alex.household_id, "name": "Alex and Sam"}
    assert doc["week"] == {
        "label": WEEK,
        "first_day": "2026-11-16",
        "last_day": "2026-11-22",
        "start": "2026-11-16T00:00:00Z",
        "end": "2026-11-23T00:00:00Z",
    }
    assert doc["night_window"] == {"start": "22:00", "end": "07:00", "time_zone": "Europe/London"}


def test_the_document_is_plain_json_in_a_fixed_key_order(world):
    log_the_week(world)
    doc = document(world)

    assert json.loads(json.dumps(doc)) == doc
    assert json.dumps(document(world)) == json.dumps(doc)
    assert list(doc) == [
        "household",
        "week",
        "night_window",
        "sentences",
        "totals",
        "people",
        "parents",
        "nights",
        "trend",
        "thresholds",
    ]


def test_another_households_care_and_people_are_left_out(world):
    log_the_week(world)
    doc = document(world)

    assert world.robin.pk not in {p["id"] for p in doc["people"]}
    assert doc["totals"]["events"] == 7
    assert "Robin" not in json.dumps(doc)


def test_the_text_summary_has_the_title_sentences_tables_and_source(world):
    log_the_week(world)
    household = world.alex.household
    report = week_report_for(household=household, monday=MONDAY, now=NOW)
    text = report_text(report, household)
    lines = text.splitlines()

    assert lines[0] == "Alex and Sam: the week of 16 November 2026 (2026-W47)"
    assert "Monday 16 November to Sunday 22 November 2026" in lines
    for sentence in report.sentences:
        assert sentence in lines
    rows = [" ".join(line.split()) for line in lines]
    # Name, role, events, share, care time, share, day, night, wakings handled, average longest sleep.
    assert "Alex parent 4 57 % 1 h 00 60 % 1 3 3 7 h 39" in rows
    assert "Sam parent 2 29 % 20 min 20 % 1 1 1 8 h 26" in rows
    assert any(line.startswith("Pat ") and "helper" in line for line in lines)
    assert "Longest sleep each night (22:00 to 07:00, Europe/London)" in lines
    assert "Mon 16 Nov 4 h 15 9 h 00 1" in rows
    assert SOURCE in lines
    assert "Robin" not in text


def test_the_text_of_a_week_with_no_nights_yet_says_so(world):
    household = world.alex.household
    report = week_report_for(household=household, monday=MONDAY, now=at(16, 12, 0))

    assert NO_NIGHTS_YET in report_text(report, household)


@pytest.mark.parametrize(
    ("asked", "monday"),
    [
        (None, dt.date(2026, 11, 16)),
        ("", dt.date(2026, 11, 16)),
        ("2026-W47", MONDAY),
        (" 2026-W01 ", dt.date(2025, 12, 29)),
    ],
)
def test_the_week_asked_for_is_its_monday_and_no_week_means_this_one(asked, monday):
    assert requested_week(asked, today=dt.date(2026, 11, 18)) == monday


@pytest.mark.parametrize(
    ("asked", "message"),
    [
        ("2026-47", "“2026-47” is not a week. Write it like 2026-W47. This week is 2026-W47."),
        ("2026-W60", "2026 has no week 60. Weeks run from 1 to 52 or 53. This week is 2026-W47."),
        ("2026-W48", FUTURE_WEEK.format(week="2026-W48", this_week="2026-W47")),
    ],
)
def test_a_malformed_or_future_week_is_refused_with_what_to_ask_for(asked, message):
    with pytest.raises(ValueError, match="This week is 2026-W47") as refused:
        requested_week(asked, today=dt.date(2026, 11, 22))
    assert str(refused.value) == message
