"""Remembered nights stay true: any change to the log, or to the night window, is reflected at once."""

import datetime as dt
from zoneinfo import ZoneInfo

import time_machine

from twofold.care.models import CareEvent
from twofold.care.services import delete_care_event, log_care_event, update_care_event
from twofold.households.services import update_household
from twofold.insights.models import NightRecord
from twofold.insights.records import RULES_VERSION
from twofold.insights.selectors import week_report_for

LONDON = ZoneInfo("Europe/London")
NOW = dt.datetime(2026, 11, 18, 12, 0, tzinfo=LONDON)
MONDAY = dt.date(2026, 11, 16)


def _trend(world):
    report = week_report_for(household=world.alex.household, monday=MONDAY, now=NOW)
    return {p.week: p for p in report.trend}


def _night_feed(world, member):
    start = dt.datetime(2026, 11, 4, 2, 0, tzinfo=LONDON)  # the night of Tue 3 November, week 45
    return log_care_event(
        member=member,
        child=world.ada,
        kind="feed",
        start=start,
        end=start + dt.timedelta(minutes=30),
        details={"method": "breast"},
        now=NOW,
    ).event


@time_machine.travel(NOW, tick=False)
def test_finished_nights_are_remembered_and_reused(world):
    _night_feed(world, world.alex)
    first = _trend(world)
    kept = NightRecord.objects.filter(household=world.alex.household).count()
    assert kept == 8 * 7 - 5  # every night of the eight weeks that has ended by Wednesday noon
    assert _trend(world) == first
    assert NightRecord.objects.filter(household=world.alex.household).count() == kept


@time_machine.travel(NOW, tick=False)
def test_changing_who_did_it_updates_a_remembered_night(world):
    event = _night_feed(world, world.alex)
    assert _trend(world)["2026-W45"].night_share[world.alex.pk] == 1
    update_care_event(member=world.alex, event=event, fields={"by": world.sam}, now=NOW)
    share = _trend(world)["2026-W45"].night_share
    assert share[world.sam.pk] == 1 and share[world.alex.pk] == 0


@time_machine.travel(NOW, tick=False)
def test_moving_an_event_to_another_night_forgets_both(world):
    event = _night_feed(world, world.alex)
    assert _trend(world)["2026-W45"].wakings == 1
    update_care_event(
        member=world.alex,
        event=event,
        fields={"start": event.start - dt.timedelta(days=7), "end": event.end - dt.timedelta(days=7)},
        now=NOW,
    )
    trend = _trend(world)
    assert trend["2026-W45"].wakings == 0 and trend["2026-W44"].wakings == 1


@time_machine.travel(NOW, tick=False)
def test_deleting_and_restoring_is_reflected(world):
    event = _night_feed(world, world.alex)
    assert _trend(world)["2026-W45"].wakings == 1
    delete_care_event(member=world.alex, event=event, now=NOW)
    assert _trend(world)["2026-W45"].wakings == 0
    CareEvent.objects.filter(pk=event.pk).delete()  # gone for good, as an admin might
    assert _trend(world)["2026-W45"].wakings == 0


@time_machine.travel(NOW, tick=False)
def test_a_new_night_window_recomputes_every_night(world):
    _night_feed(world, world.alex)  # 02:00
    assert _trend(world)["2026-W45"].wakings == 1
    update_household(member=world.alex, night_start=dt.time(3, 0), night_end=dt.time(9, 0))
    world.alex.household.refresh_from_db()
    assert _trend(world)["2026-W45"].wakings == 0
    assert set(NightRecord.objects.values_list("rules", flat=True)) == {
        f"Europe/London|03:00-09:00|v{RULES_VERSION}"
    }


def test_only_the_night_a_moment_falls_in_is_touched(world):
    from twofold.insights.signals import night_containing

    household = world.alex.household  # 22:00-07:00, Europe/London
    assert night_containing(dt.datetime(2026, 11, 17, 23, 0, tzinfo=LONDON), household) == dt.date(
        2026, 11, 17
    )
    assert night_containing(dt.datetime(2026, 11, 18, 6, 59, tzinfo=LONDON), household) == dt.date(
        2026, 11, 17
    )
    assert night_containing(dt.datetime(2026, 11, 18, 7, 0, tzinfo=LONDON), household) is None
    assert night_containing(dt.datetime(2026, 11, 18, 14, 0, tzinfo=LONDON), household) is None


@time_machine.travel(NOW, tick=False)
def test_daytime_care_leaves_remembered_nights_alone(world):
    _night_feed(world, world.alex)
    _trend(world)
    kept = set(NightRecord.objects.values_list("night_of", flat=True))
    log_care_event(member=world.sam, child=world.ada, kind="bath", start=NOW - dt.timedelta(hours=1), now=NOW)
    assert set(NightRecord.objects.values_list("night_of", flat=True)) == kept


@time_machine.travel(NOW, tick=False)
def test_a_feed_begun_before_a_remembered_night_still_costs_its_sleep(world):
    def longest(member):
        report = week_report_for(household=world.alex.household, monday=MONDAY, now=NOW)
        return {d.night.of: d.longest_sleep.get(member.pk) for d in report.duties}[MONDAY]

    _night_feed(world, world.alex)  # the log begins two weeks before
    assert longest(world.alex) == dt.timedelta(hours=9)  # remembered from the quiet Monday night
    start = dt.datetime(2026, 11, 16, 21, 50, tzinfo=LONDON)
    log_care_event(
        member=world.alex,
        child=world.ada,
        kind="feed",
        start=start,
        end=start + dt.timedelta(minutes=30),
        details={"method": "breast"},
        now=NOW,
    )
    assert longest(world.alex) == dt.timedelta(hours=8, minutes=25)
