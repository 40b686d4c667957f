"""The support circle's reminders: who is told of a request, of a night tomorrow, of a request given back, as
pure rules, and end to end through the worker, once, respecting quiet hours and the night window."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command

from twofold.circle import rules, services
from twofold.circle.tests.build import (
    LONDON,
    NOW,
    SAT_START,
    SATURDAY,
    ask_meal,
    ask_saturday_night,
    second_helper,
)
from twofold.reminders import circle
from twofold.reminders.circle import (
    Helper,
    asked_words,
    dropped_words,
    night_words,
    remind_night_now,
    told_of_drop,
    told_of_request,
)
from twofold.reminders.models import Notification, ReminderSettings
from twofold.reminders.topics import DEFAULT_ON, Topic

TUESDAY = 1
MEAL = rules.Ask("meal", NOW + dt.timedelta(days=1), NOW + dt.timedelta(days=1, hours=1))
M = dt.timedelta(minutes=1)
CIRCLE_NOTES = Notification.objects.filter(topic__startswith="circle_")


def worker_at(instant: dt.datetime) -> None:
    with time_machine.travel(instant, tick=False):
        call_command("worker", "--once", stdout=open("/dev/null", "w"))  # noqa: SIM115, PTH123


def notes(member, topic: Topic) -> list[str]:
    return list(Notification.objects.filter(member=member, topic=topic).values_list("title", flat=True))


def test_a_request_for_everyone_is_told_only_to_those_whose_offer_fits_it():
    helpers = [
        Helper(1, (("meal", "1"),)),
        Helper(2, (("meal", "3"),)),
        Helper(3, (("night", ""),)),
        Helper(4),
    ]
    assert told_of_request(MEAL, [], TUESDAY, helpers, NOW) == {1}
    assert told_of_request(MEAL, [], TUESDAY, [Helper(5, (("meal", ""),))], NOW) == {5}  # any day


def test_someone_asked_by_name_is_told_whatever_their_offers():
    named = rules.Ask(MEAL.kind, MEAL.starts, MEAL.ends, for_everyone=False, shown_to=frozenset({4}))
    helpers = [Helper(1, (("meal", "1"),)), Helper(4)]
    assert told_of_request(named, [], TUESDAY, helpers, NOW) == {4}  # 1 does not see it


def test_nobody_is_told_of_a_request_taken_already_begun_or_withdrawn():
    helpers = [Helper(1, (("meal", ""),)), Helper(2, (("meal", ""),))]
    assert told_of_request(MEAL, [rules.Promise(2)], TUESDAY, helpers, NOW) == frozenset()  # full
    two = rules.Ask(MEAL.kind, MEAL.starts, MEAL.ends, helpers_needed=2)
    assert told_of_request(two, [rules.Promise(2)], TUESDAY, helpers, NOW) == {1}
    assert told_of_request(two, [rules.Promise(2, dropped=True)], TUESDAY, helpers, NOW) == {1, 2}
    assert told_of_request(MEAL, [], TUESDAY, helpers, MEAL.starts) == frozenset()
    gone = rules.Ask(MEAL.kind, MEAL.starts, MEAL.ends, withdrawn=True)
    assert told_of_request(gone, [], TUESDAY, helpers, NOW) == frozenset()


def test_a_night_is_recalled_from_ten_the_morning_before_for_a_promise_made_earlier():
    zone = ZoneInfo("Europe/London")
    friday_ten = dt.datetime(2026, 11, 27, 10, 0, tzinfo=zone)
    assert not remind_night_now(SATURDAY, SAT_START, NOW, zone, friday_ten - M)
    assert remind_night_now(SATURDAY, SAT_START, NOW, zone, friday_ten)
    assert remind_night_now(SATURDAY, SAT_START, NOW, zone, SAT_START - M)
    assert not remind_night_now(SATURDAY, SAT_START, NOW, zone, SAT_START)
    assert not remind_night_now(SATURDAY, SAT_START, friday_ten + M, zone, friday_ten + 2 * M)


def test_the_parents_are_told_of_a_request_given_back_but_not_the_one_who_gave_it():
    assert told_of_drop([1, 2], dropped_by=7) == {1, 2}
    assert told_of_drop([1, 2], dropped_by=2) == {1}  # a parent living elsewhere gave it back


def test_the_words_are_plain_and_warm():
    assert asked_words("Alex", "meal", "Tue 24 Nov, 18:00–19:00", "") == (
        "Alex asked the circle: a meal",
        "Tue 24 Nov, 18:00–19:00. Open it to say you'll do it.",
    )
    assert (
        asked_words("Alex", "lift", "Tue", "the clinic")[1]
        == "Tue at the clinic. Open it to say you'll do it."
    )
    assert night_words("Sat 28 Nov, 22:00–07:00")[0] == "Tomorrow night is the one you took"
    assert dropped_words("Pat", "night", "Sat 28 Nov, 22:00–07:00") == (
        "Pat can't do Sat 28 Nov, 22:00–07:00 after all",
        "The request (a night (or part of one)) is open for the circle again.",
    )


def test_the_circle_reminders_are_on_unless_turned_off():
    assert {Topic.CIRCLE_ASK, Topic.CIRCLE_NIGHT, Topic.CIRCLE_DROP} <= DEFAULT_ON


@pytest.mark.django_db(transaction=True)
def test_a_request_posted_reaches_the_helper_whose_offer_fits_once(world):
    jo = second_helper(world)
    services.add_offer(member=world.pat, kind="meal", words="Tuesday dinners", weekdays="1")
    services.add_offer(member=jo, kind="night", words="A night a week")
    ask_meal(world.alex, 24)  # Tuesday 18:00
    ask_meal(world.alex, 25)  # Wednesday: fits nobody's offer
    for minute in (1, 1, 2, 30):  # the same minute twice, as a second worker would
        worker_at(NOW + minute * M)
    assert notes(world.pat, Topic.CIRCLE_ASK) == ["Alex asked the circle: a meal"]
    note = Notification.objects.get(member=world.pat, topic=Topic.CIRCLE_ASK)
    assert note.body == "Tue 24 Nov, 18:00–19:00. Open it to say you'll do it."
    assert note.url.startswith("/circle/requests/")
    assert not CIRCLE_NOTES.exclude(member=world.pat).exists()  # Jo, the parents, Robin
    # A later minute finds it made already and words nothing again.
    assert circle.reminders([world.alex.household], NOW + 31 * M) == []


@pytest.mark.django_db(transaction=True)
def test_someone_asked_by_name_is_told_after_their_quiet_hours_and_not_at_night(world):
    jo = second_helper(world)
    ReminderSettings.objects.create(
        member=jo, topics=sorted(DEFAULT_ON), quiet_from=dt.time(11, 0), quiet_until=dt.time(13, 0)
    )
    ask_meal(world.alex, 24, for_everyone=False, shown_to=[jo])
    worker_at(NOW + M)
    assert notes(jo, Topic.CIRCLE_ASK) == []
    worker_at(NOW + dt.timedelta(hours=1, minutes=1))
    assert notes(jo, Topic.CIRCLE_ASK) == ["Alex asked the circle: a meal"]
    assert notes(world.pat, Topic.CIRCLE_ASK) == []  # not shown to Pat

    late = dt.datetime(2026, 11, 23, 23, 0, tzinfo=LONDON)
    with time_machine.travel(late, tick=False):
        services.ask(
            member=world.alex,
            kind="company",
            starts=late + dt.timedelta(hours=12),
            ends=late + dt.timedelta(hours=14),
            for_everyone=False,
            shown_to=[jo],
            now=late,
        )
    worker_at(late + M)
    assert notes(jo, Topic.CIRCLE_ASK) == ["Alex asked the circle: a meal"]
    worker_at(dt.datetime(2026, 11, 24, 7, 0, tzinfo=LONDON))
    assert len(notes(jo, Topic.CIRCLE_ASK)) == 2


@pytest.mark.django_db(transaction=True)
def test_whoever_took_a_night_is_reminded_the_morning_before_and_parents_hear_of_one_given_back(world):
    request = ask_saturday_night(world.alex)
    services.take(member=world.pat, request=request, now=NOW)
    friday_ten = dt.datetime(2026, 11, 27, 10, 0, tzinfo=LONDON)
    worker_at(friday_ten - M)
    assert notes(world.pat, Topic.CIRCLE_NIGHT) == []
    worker_at(friday_ten)
    worker_at(friday_ten + 5 * M)
    assert notes(world.pat, Topic.CIRCLE_NIGHT) == ["Tomorrow night is the one you took"]
    assert Notification.objects.get(topic=Topic.CIRCLE_NIGHT).body.startswith("Sat 28 Nov, 22:00–07:00.")

    with time_machine.travel(friday_ten + dt.timedelta(hours=2), tick=False):
        services.give_back(member=world.pat, request=request)
    worker_at(friday_ten + dt.timedelta(hours=2, minutes=1))
    worker_at(friday_ten + dt.timedelta(hours=2, minutes=2))
    told = "Pat can't do Sat 28 Nov, 22:00–07:00 after all"
    assert notes(world.alex, Topic.CIRCLE_DROP) == notes(world.sam, Topic.CIRCLE_DROP) == [told]
    assert notes(world.pat, Topic.CIRCLE_DROP) == []
    assert not CIRCLE_NOTES.filter(member=world.robin).exists()


@pytest.mark.parametrize("count", [2, 12])
def test_a_batch_costs_the_same_queries_for_few_or_many_requests(world, count, django_assert_max_num_queries):
    services.add_offer(member=world.pat, kind="meal", words="Dinners")
    for i in range(count):
        request = ask_meal(world.alex, 24 + i % 5)
        if i % 3 == 0:
            services.take(member=world.pat, request=request, now=NOW)
            services.give_back(member=world.pat, request=request, now=NOW)
    households = [world.alex.household, world.robin.household]
    with django_assert_max_num_queries(8):
        found = circle.reminders(households, NOW + M)
    assert {r.topic for r in found} == {Topic.CIRCLE_ASK, Topic.CIRCLE_DROP}
