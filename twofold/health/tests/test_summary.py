"""The summary for the health visitor or doctor, against a hand-computed fixture: two days of Ada's log."""

from __future__ import annotations

import datetime as dt
import re

import time_machine

from twofold.care.services import log_care_event
from twofold.conftest import client_for
from twofold.health.forms import TOO_LONG, UNTIL_BEFORE_SINCE
from twofold.health.summary import Fact, hours_and_minutes, summarise_days
from twofold.health.tests.conftest import LONDON, NOW

URL = "/health/summary/"


def rows_of(page: str) -> list[list[str]]:
    body = page.split("<tbody>")[1].split("</tbody>")[0]
    return [
        [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


def test_the_days_figures_match_the_hand_count(world, two_days):
    with time_machine.travel(NOW, tick=False):
        page = (
            client_for(world.alex).get(URL, {"since": "2027-02-01", "until": "2027-02-02"}).content.decode()
        )
    assert rows_of(page) == [
        ["Mon 1 Feb", "2", "120 ml", "25 min", "2", "1", "2 h 00 min", "7 h 30 min", "40 min", "117–133 min"],
        ["Tue 2 Feb", "1", "90 ml", "–", "0", "1", "6 h 30 min", "1 h 00 min", "–", "117–133 min"],
    ]
    assert "Tue 2 Feb 16:00: 37.6 °C, armpit" in page
    assert "Tue 2 Feb 09:05: Vitamin D 1 drop (Alex)" in page
    assert "Ada, 4 weeks old" in page


def test_notes_and_words_are_in_only_when_a_parent_chooses(world, two_days):
    with time_machine.travel(NOW, tick=False):
        alex = client_for(world.alex)
        period = {"since": "2027-02-01", "until": "2027-02-02"}
        plain = alex.get(URL, period).content.decode()
        assert "Seemed windy" in plain  # offered, as a choice
        assert "<h3>Notes</h3>" not in plain and "Added by the parents" not in plain
        chosen = alex.get(
            URL, {**period, "notes": [two_days.pk], "add": "We are tired but fine."}
        ).content.decode()
    printed = chosen.split('class="card summary-page"')[1]
    assert "Seemed windy after feeds" in printed and "Fed well" not in printed
    assert "We are tired but fine." in printed


def test_the_default_is_the_last_14_days_for_every_child(world, two_days):
    with time_machine.travel(NOW, tick=False):
        page = client_for(world.sam).get(URL).content.decode()
    assert "21 January 2027 to 3 February 2027" in page
    assert len(rows_of(page)) == 14


def test_a_young_babys_summary_starts_on_the_birthday(world):
    with time_machine.travel(NOW, tick=False):
        world.ada.birth_date = dt.date(2027, 1, 30)
        world.ada.save()
        log_care_event(member=world.alex, child=world.ada, kind="nappy", details={"contents": "wet"})
        page = client_for(world.alex).get(URL).content.decode()
    assert [row[0] for row in rows_of(page)] == [
        "Sat 30 Jan",
        "Sun 31 Jan",
        "Mon 1 Feb",
        "Tue 2 Feb",
        "Wed 3 Feb",
    ]


def test_bad_periods_say_what_to_do(world):
    with time_machine.travel(NOW, tick=False):
        alex = client_for(world.alex)
        swapped = alex.get(URL, {"since": "2027-02-02", "until": "2027-02-01"})
        assert swapped.status_code == 400 and UNTIL_BEFORE_SINCE in swapped.content.decode()
        long = alex.get(URL, {"since": "2025-02-02", "until": "2027-02-01"})
        assert long.status_code == 400 and TOO_LONG in long.content.decode()


def test_notes_ticked_before_a_bad_period_are_still_ticked_once_it_is_put_right(world, two_days):
    with time_machine.travel(NOW, tick=False):
        alex = client_for(world.alex)
        wrong = alex.get(URL, {"since": "2027-02-02", "until": "2027-02-01", "notes": [two_days.pk]})
        assert wrong.status_code == 400
        kept = re.findall(r'<input type="hidden" name="notes" value="(\d+)">', wrong.content.decode())
        assert kept == [str(two_days.pk)]
        # The form sends them again with the corrected days, and the summary prints the note.
        right = alex.get(URL, {"since": "2027-02-01", "until": "2027-02-02", "notes": kept}).content.decode()
    assert "Seemed windy after feeds" in right.split('class="card summary-page"')[1]


def test_parents_only_and_never_another_households_child(world):
    with time_machine.travel(NOW, tick=False):
        assert client_for(world.pat).get(URL).status_code == 404  # parents' pages are not there for a helper
        other = client_for(world.alex).get(
            URL, {"child": world.bo.pk, "since": "2027-02-01", "until": "2027-02-02"}
        )
        assert other.status_code == 400
        assert "Bo" not in other.content.decode().split("<main")[1].split("<select")[0]


def test_the_summary_reads_the_log_in_two_queries_whatever_the_days(
    world, two_days, django_assert_num_queries
):
    from twofold.health.pages import summaries

    # The period's events, and the measurements up to its end for the growth chart.
    with django_assert_num_queries(2):
        summaries(
            household=world.alex.household,
            children=[world.ada],
            first=dt.date(2026, 2, 1),
            last=dt.date(2027, 2, 2),
            chosen_notes=set(),
            now=NOW,
        )


def test_minutes_are_cut_at_midnight_across_a_clock_change():
    # The clocks go forward on 28 March 2027: that day has 23 hours.
    sleep = Fact(
        1,
        "sleep",
        dt.datetime(2027, 3, 27, 23, 0, tzinfo=dt.UTC),
        dt.datetime(2027, 3, 28, 6, 0, tzinfo=dt.UTC),
    )
    days = summarise_days(
        [sleep],
        first=dt.date(2027, 3, 27),
        last=dt.date(2027, 3, 28),
        zone=LONDON,
        birth_date=dt.date(2027, 3, 1),
        now=dt.datetime(2027, 3, 29, tzinfo=dt.UTC),
    )
    assert [(d.sleep_minutes, d.longest_sleep_minutes) for d in days] == [(60, 420), (360, 0)]
    assert hours_and_minutes(425) == "7 h 05 min" and hours_and_minutes(45) == "45 min"


def test_a_remembered_time_is_written_in_each_households_own_zone():
    from zoneinfo import ZoneInfo

    from twofold.health.pages import dated

    moment = dt.datetime(2026, 12, 7, 10, 5, tzinfo=dt.UTC)
    assert dated(moment.astimezone(ZoneInfo("Europe/London")), "D j M H:i") == "Mon 7 Dec 10:05"
    assert dated(moment.astimezone(ZoneInfo("Europe/Paris")), "D j M H:i") == "Mon 7 Dec 11:05"
    assert dated(moment.astimezone(ZoneInfo("Europe/London")), "j M H:i") == "7 Dec 10:05"
    assert dated(dt.date(2026, 12, 7), "D j M") == "Mon 7 Dec"
