"""The Us page and the Today sleep card, through real requests on a hand-built log."""

import datetime as dt
from zoneinfo import ZoneInfo

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from twofold.care.services import log_care_event
from twofold.conftest import client_for
from twofold.conftest import page_text as text
from twofold.insights.selectors import week_report_for

LONDON = ZoneInfo("Europe/London")
# Wednesday of ISO week 2026-W47 (16-22 November), midday.
NOW = dt.datetime(2026, 11, 18, 12, 0, tzinfo=LONDON)


def at(day: int, hour: int, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 11, day, hour, minute, tzinfo=LONDON)


def feed(world, member, start, minutes=20):
    log_care_event(
        member=member,
        child=world.ada,
        kind="feed",
        start=start,
        end=start + dt.timedelta(minutes=minutes),
        details={"method": "formula", "amount_ml": 100},
        now=NOW,
    )


def _two_nights(world):
    # Night of Mon 16: Alex at 00:00 and 03:00; Sam at 05:00. Night of Tue 17: Alex at 02:00.
    feed(world, world.alex, at(17, 0, 0))
    feed(world, world.alex, at(17, 3, 0))
    feed(world, world.sam, at(17, 5, 0))
    feed(world, world.alex, at(18, 2, 0))


@time_machine.travel(NOW, tick=False)
def test_us_page_tells_who_carried_the_nights(world):
    _two_nights(world)
    page = text(client_for(world.sam).get(reverse("home:us")))
    assert "Alex handled 3 of 4 night wakings; Sam 1." in page
    # Alex: night 1 free 22:00-00:00, 00:35-03:00, 03:35-07:00 -> 3 h 25; night 2: 02:35-07:00 -> 4 h 25.
    # Sam: night 1 22:00-05:00 -> 7 h; night 2 the whole 9 h.
    assert "Alex's longest sleep averaged 3 h 55, Sam's 8 h 00." in page
    assert "2026-W47" in page


@time_machine.travel(NOW, tick=False)
def test_helpers_and_outsiders_cannot_open_us(world):
    assert client_for(world.pat).get(reverse("home:us")).status_code == 404
    assert client_for(world.pat).get(reverse("insights:summary")).status_code == 404
    page = text(client_for(world.robin).get(reverse("home:us")))
    assert "Alex" not in page and "Sam" not in page


@time_machine.travel(NOW, tick=False)
def test_a_malformed_week_says_how_to_write_it(world):
    response = client_for(world.alex).get(reverse("home:us") + "?week=47")
    assert response.status_code == 400
    assert "Write it like 2026-W47" in text(response)


@time_machine.travel(NOW, tick=False)
def test_a_future_week_shows_this_week(world):
    response = client_for(world.alex).get(reverse("home:us") + "?week=2027-W02")
    assert response.status_code == 200
    assert "has not happened yet" in text(response)


@time_machine.travel(NOW, tick=False)
def test_earlier_weeks_can_be_opened(world):
    _two_nights(world)
    page = text(client_for(world.alex).get(reverse("home:us") + "?week=2026-W46"))
    assert "No night wakings were logged this week." in page
    assert "?week=2026-W47" in page  # the way back to this week


@time_machine.travel(NOW, tick=False)
def test_weekly_summary_prints_the_same_sentences(world):
    _two_nights(world)
    page = text(client_for(world.alex).get(reverse("insights:summary") + "?week=2026-W47"))
    assert "Alex handled 3 of 4 night wakings; Sam 1." in page
    assert "data-print" in page


@time_machine.travel(NOW, tick=False)
def test_charts_have_a_text_equivalent(world):
    _two_nights(world)
    page = text(client_for(world.alex).get(reverse("home:us")))
    # Two charts, each drawn for a desktop and for a phone (CSS shows one), each drawing titled.
    assert page.count('<div class="chart-pair">') == 2
    assert page.count("<svg") == 4 and page.count('role="img"') == 4
    assert page.count('class="chart chart-narrow"') == 2 and 'id="sleep-chart-title-narrow"' in page
    assert "<caption" in page and "3 h 25" in page


def _queries(client) -> int:
    client.get(reverse("home:us"))  # the first look works out and keeps the finished nights
    with CaptureQueriesContext(connection) as ctx:
        assert client.get(reverse("home:us")).status_code == 200
    return len(ctx.captured_queries)


@time_machine.travel(NOW, tick=False)
def test_us_costs_the_same_queries_with_a_longer_log(world):
    world.ada.birth_date = dt.date(2026, 6, 1)  # ten weeks of log before it: no care before a birth
    world.ada.save()
    client = client_for(world.alex)
    _two_nights(world)
    few = _queries(client)
    for back in range(1, 70):
        feed(world, world.sam if back % 3 else world.alex, at(16, 23) - dt.timedelta(days=back))
    assert _queries(client) == few


def _short_nights(world, member, days=(15, 16, 17)):
    # Feeds at 00:00 and 03:00 leave at most 3 h 15 of unbroken sleep.
    for day in days:
        feed(world, member, at(day + 1, 0, 0), 30)
        feed(world, member, at(day + 1, 3, 0), 30)


@time_machine.travel(NOW, tick=False)
def test_today_warns_both_parents_after_three_short_nights(world):
    _short_nights(world, world.alex)
    for parent in (world.alex, world.sam):
        page = text(client_for(parent).get(reverse("home:today")))
        assert "Alex's longest sleep has been under 4 hours for 3 nights running." in page
        assert "Sam handles the wakings in one half of the night" in page
    helper_page = text(client_for(world.pat).get(reverse("home:today")))
    assert "under 4 hours" not in helper_page


@time_machine.travel(NOW, tick=False)
def test_two_short_nights_are_not_yet_a_warning(world):
    _short_nights(world, world.alex, days=(16, 17))
    page = text(client_for(world.alex).get(reverse("home:today")))
    assert "Sleep is running short" not in page


@time_machine.travel(dt.datetime(2026, 11, 23, 9, 0, tzinfo=LONDON), tick=False)
def test_on_a_monday_morning_us_opens_on_last_week(world):
    _two_nights(world)
    page = text(client_for(world.alex).get(reverse("home:us")))
    assert "This week has only just begun, so here is last week." in page
    assert "Alex handled 3 of 4 night wakings; Sam 1." in page


def test_a_new_familys_nights_before_their_first_log_are_no_data_not_nine_hours_of_sleep(world):
    # Sam's first tap is on Wednesday morning: Monday's and Tuesday's nights were never logged.
    feed(world, world.sam, at(18, 8))
    saturday = at(21, 12)
    with time_machine.travel(saturday, tick=False):
        report = week_report_for(household=world.alex.household, monday=dt.date(2026, 11, 16), now=saturday)
    assert [d.night.of for d in report.duties] == [dt.date(2026, 11, d) for d in (18, 19, 20)]
    assert report.average_longest_sleep[world.alex.pk] == dt.timedelta(hours=9)  # three quiet nights since


def test_a_household_with_nothing_logged_says_nothing_about_sleep(world):
    saturday = at(21, 12)
    with time_machine.travel(saturday, tick=False):
        report = week_report_for(household=world.alex.household, monday=dt.date(2026, 11, 16), now=saturday)
    assert report.duties == ()
    assert not any("longest sleep averaged" in s for s in report.sentences)
