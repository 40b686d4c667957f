"""The circle's pages and Today: asking, taking on a phone, the plan that follows, giving back, marking."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.test import Client

from twofold.circle import services
from twofold.circle.forms import ENDS_BEFORE_START
from twofold.circle.models import HelpRequest, Taking
from twofold.conftest import client_for
from twofold.households.models import Member
from twofold.nights.models import AgreedNight, NightPlan
from twofold.nights.selectors import feed_shifts
from twofold.nights.services import make_plan, new_calendar_link

from .build import (
    LONDON,
    NOW,
    SAT_END,
    SAT_START,
    SATURDAY,
    SUNDAY_MORNING,
    ask_meal,
    ask_saturday_night,
    second_helper,
    text,
)

pytestmark = pytest.mark.django_db


def shifts_on(household, day) -> list[tuple[str, str, str]]:
    plan = NightPlan.objects.get(household=household, night=day)
    return [
        (s.member.display_name, f"{s.start.astimezone(LONDON):%H:%M}", f"{s.end.astimezone(LONDON):%H:%M}")
        for s in plan.shifts.select_related("member")
    ]


@time_machine.travel(NOW, tick=False)
def test_a_parent_asks_for_saturday_night_and_a_helper_takes_it_from_today(world):
    alex, pat = client_for(world.alex), client_for(world.pat)
    form = alex.get("/circle/ask/")
    assert form.status_code == 200 and "Ask the circle" in text(form)
    asked = alex.post(
        "/circle/ask/",
        {
            "kind": "night",
            "day": "2026-11-28",
            "start": "22:00",
            "end": "07:00",
            "helpers_needed": 1,
            "who": "everyone",
            "note": "Our first night off",
        },
    )
    request = HelpRequest.objects.get()
    assert asked.status_code == 302 and asked["Location"] == f"/circle/requests/{request.pk}/"
    assert (request.night, request.starts, request.ends) == (SATURDAY, SAT_START, SAT_END)

    today = text(pat.get("/"))
    assert "Asked of you" in today and "A night (or part of one), Sat 28 Nov, 22:00–07:00" in today
    taken = pat.post(f"/circle/requests/{request.pk}/take/", {"next": "/"})
    assert taken.status_code == 302 and taken["Location"] == "/"

    assert shifts_on(world.alex.household, SATURDAY) == [("Pat", "22:00", "07:00")]
    assert NightPlan.objects.get(night=SATURDAY).helper_night
    assert [(s.start, s.end) for s in feed_shifts(world.pat, NOW)] == [(SAT_START, SAT_END)]
    # The calendar app fetches Pat's feed over HTTP, without a session: the night is in it.
    feed = Client().get(f"/nights/calendar/{new_calendar_link(member=world.pat, now=NOW)}.ics")
    assert feed.status_code == 200 and b"DTSTART:20261128T220000Z" in feed.content
    parent_view = text(alex.get("/circle/"))
    assert "Taken · Pat" in parent_view
    assert "Asked of you" not in text(pat.get("/"))


@time_machine.travel(NOW, tick=False)
def test_sunday_morning_the_night_shows_as_given(world):
    request = ask_saturday_night(world.alex)
    services.take(member=world.pat, request=request, now=NOW)
    with time_machine.travel(SUNDAY_MORNING, tick=False):
        pat = client_for(world.pat)
        assert "Did it happen?" in text(pat.get("/"))
        marked = pat.post(f"/circle/requests/{request.pk}/mark/", {"taker": world.pat.pk, "outcome": "given"})
        assert marked.status_code == 302
        us = text(client_for(world.alex).get("/us/"))
        assert "Pat took 1 night in the last four weeks and did 1." in us
        circle = text(pat.get("/circle/"))
        assert "You took 1 night in the last four weeks and did 1." in circle


@time_machine.travel(NOW, tick=False)
def test_a_helper_changes_their_mind_and_the_parents_are_told(world):
    make_plan(member=world.alex, day=SATURDAY, now=NOW)
    request = ask_saturday_night(world.alex)
    pat = client_for(world.pat)
    pat.post(f"/circle/requests/{request.pk}/take/")
    assert shifts_on(world.alex.household, SATURDAY) == [("Pat", "22:00", "07:00")]
    back = pat.post(f"/circle/requests/{request.pk}/give-back/")
    assert back.status_code == 302
    assert not AgreedNight.objects.exists()
    assert {who for who, _, _ in shifts_on(world.alex.household, SATURDAY)} == {"Alex", "Sam"}
    told = text(client_for(world.sam).get("/"))
    assert "Pat can't do a night (or part of one) on Sat 28 Nov, 22:00–07:00 after all." in told
    # Taking it again is allowed while it is still to come.
    pat.post(f"/circle/requests/{request.pk}/take/")
    assert Taking.objects.get().dropped_at is None


@time_machine.travel(NOW, tick=False)
def test_a_request_shown_to_one_helper_is_invisible_to_another(world):
    jo = second_helper(world)
    request = ask_meal(world.alex, 26, for_everyone=False, shown_to=[world.pat])
    assert "A meal" in text(client_for(world.pat).get("/"))
    other = client_for(jo)
    link = f"/circle/requests/{request.pk}/"
    assert link not in other.get("/").content.decode()
    assert link not in other.get("/circle/").content.decode()
    assert other.get(f"/circle/requests/{request.pk}/").status_code == 404
    assert other.post(f"/circle/requests/{request.pk}/take/").status_code == 404
    assert not Taking.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_asking_refuses_what_cannot_be_and_keeps_what_was_typed(world):
    alex = client_for(world.alex)
    past = alex.post(
        "/circle/ask/",
        {
            "kind": "meal",
            "day": "2026-11-20",
            "start": "18:00",
            "end": "19:00",
            "helpers_needed": 1,
            "who": "everyone",
            "place": "At ours",
        },
    )
    assert past.status_code == 200 and "That time has passed" in text(past)
    assert 'value="At ours"' in past.content.decode()
    nobody = alex.post(
        "/circle/ask/",
        {
            "kind": "meal",
            "day": "2026-11-26",
            "start": "18:00",
            "end": "19:00",
            "helpers_needed": 1,
            "who": "chosen",
        },
    )
    assert "Choose who sees it" in text(nobody)
    too_many = alex.post(
        "/circle/ask/",
        {
            "kind": "meal",
            "day": "2026-11-26",
            "start": "18:00",
            "end": "19:00",
            "helpers_needed": 40,
            "who": "everyone",
        },
    )
    assert too_many.status_code == 200
    assert not HelpRequest.objects.exists()
    assert client_for(world.pat).get("/circle/ask/").status_code in (403, 404)


@time_machine.travel(NOW, tick=False)
def test_only_a_night_or_an_evening_runs_past_midnight(world):
    alex = client_for(world.alex)
    asked = {"day": "2026-11-26", "start": "18:00", "end": "17:00", "helpers_needed": 1, "who": "everyone"}

    meal = alex.post("/circle/ask/", {**asked, "kind": "meal", "place": "At ours"})

    assert meal.status_code == 200 and ENDS_BEFORE_START in text(meal)
    assert 'value="At ours"' in meal.content.decode()
    assert not HelpRequest.objects.exists()
    alex.post("/circle/ask/", {**asked, "kind": "evening", "start": "19:00", "end": "00:30"})
    evening = HelpRequest.objects.get()
    assert (evening.ends - evening.starts) == dt.timedelta(hours=5, minutes=30)


@time_machine.travel(NOW, tick=False)
def test_marking_waits_for_the_start_and_a_helper_marks_only_their_own(world):
    jo = second_helper(world)
    request = ask_meal(world.alex, 26, helpers_needed=2)
    services.take(member=world.pat, request=request, now=NOW)
    early = client_for(world.pat).post(
        f"/circle/requests/{request.pk}/mark/", {"taker": world.pat.pk, "outcome": "given"}
    )
    assert early.status_code == 302 and Taking.objects.get().outcome == ""
    with time_machine.travel(dt.datetime(2026, 11, 26, 20, 0, tzinfo=LONDON), tick=False):
        client_for(jo).post(
            f"/circle/requests/{request.pk}/mark/", {"taker": world.pat.pk, "outcome": "not_given"}
        )
        assert Taking.objects.get().outcome == ""
        client_for(world.sam).post(
            f"/circle/requests/{request.pk}/mark/", {"taker": world.pat.pk, "outcome": "given"}
        )
        assert Taking.objects.get().outcome == "given"


@time_machine.travel(NOW, tick=False)
def test_helpers_offer_what_they_can_give_and_parents_see_it_when_asking(world):
    pat = client_for(world.pat)
    empty = pat.post("/circle/offers/", {"kind": "evening", "words": " "})
    assert empty.status_code == 400
    pat.post("/circle/offers/", {"kind": "evening", "words": "Tuesday evenings", "weekdays": ["1"]})
    assert "Pat: “Tuesday evenings” (an evening shift)" in text(client_for(world.alex).get("/circle/ask/"))
    ask_meal(world.alex, 24)
    evening = dt.datetime(2026, 11, 24, 18, 0, tzinfo=LONDON)
    services.ask(
        member=world.alex, kind="evening", starts=evening, ends=evening + dt.timedelta(hours=3), now=NOW
    )
    assert "fits what you offered" in text(pat.get("/circle/"))


@time_machine.travel(NOW, tick=False)
def test_the_planner_suggests_asking_someone_who_offers_nights(world):
    from twofold.nights.ask import Preference
    from twofold.nights.services import save_preference

    # Sam works every morning and needs nine hours: the night cannot give both parents their block.
    save_preference(
        member=world.alex,
        about=world.sam,
        preference=Preference(work_mornings="0123456", target=dt.timedelta(hours=8)),
    )
    save_preference(member=world.alex, about=world.alex, preference=Preference(target=dt.timedelta(hours=8)))
    make_plan(member=world.alex, day=SATURDAY, now=NOW)
    assert NightPlan.objects.get(night=SATURDAY).unmet
    services.add_offer(member=world.pat, kind="night", words="One night a week")
    page = text(client_for(world.alex).get("/circle/"))
    assert "The plan for the night of Sat 28 Nov can't give each parent their block of sleep." in page
    assert "Pat offered “One night a week”." in page
    # The night's own plan page suggests it too, until the night is asked for.
    plan_url = f"/nights/plans/{NightPlan.objects.get(night=SATURDAY).pk}/"
    plan_page = client_for(world.alex).get(plan_url)
    assert "Pat offered “One night a week”. Ask the circle for the night of Sat 28 Nov" in text(plan_page)
    assert b'href="/circle/ask/?kind=night&amp;day=2026-11-28"' in plan_page.content
    # Once the night is under way it can no longer be asked for, so neither page suggests it.
    with time_machine.travel(dt.datetime(2026, 11, 29, 5, 15, tzinfo=LONDON), tick=False):
        assert "can't give each parent their block" not in text(client_for(world.alex).get("/circle/"))
        assert "Ask the circle for the night of" not in text(client_for(world.alex).get(plan_url))
    ask_saturday_night(world.alex)
    assert "Ask the circle for the night of" not in text(client_for(world.alex).get(plan_url))


@time_machine.travel(NOW, tick=False)
def test_a_parent_living_apart_stays_a_parent_and_is_off_duty_at_home(world):
    alex = client_for(world.alex)
    moved = alex.post(f"/circle/living/{world.sam.pk}/", {"apart": "1"})
    assert moved.status_code == 302
    sam = Member.objects.get(pk=world.sam.pk)
    assert sam.lives_apart and sam.is_parent
    make_plan(member=world.alex, day=SATURDAY, now=NOW)
    assert {who for who, _, _ in shifts_on(world.alex.household, SATURDAY)} == {"Alex"}
    # Sam takes the night as a helper would: the plan puts Sam on duty.
    request = ask_saturday_night(world.alex)
    client_for(sam).post(f"/circle/requests/{request.pk}/take/")
    assert shifts_on(world.alex.household, SATURDAY) == [("Sam", "22:00", "07:00")]
    us = text(alex.get("/us/"))
    assert "Sam is living elsewhere for now; Sam's care counts here as always." in us
    # Sam still sees the parents' pages, the check-in among them, and comes back home.
    assert client_for(sam).get("/us/").status_code == 200
    assert client_for(sam).get("/checkin/").status_code == 200
    alex.post(f"/circle/living/{world.sam.pk}/", {"apart": "0"})
    assert not Member.objects.get(pk=world.sam.pk).lives_apart
    # Only parents of this household, and only parents, are marked.
    assert alex.post(f"/circle/living/{world.pat.pk}/", {"apart": "1"}).status_code == 302
    assert not Member.objects.get(pk=world.pat.pk).lives_apart
    assert alex.post(f"/circle/living/{world.robin.pk}/", {"apart": "1"}).status_code == 404
    assert client_for(world.pat).post(f"/circle/living/{world.sam.pk}/", {"apart": "1"}).status_code in (
        403,
        404,
    )


@time_machine.travel(NOW, tick=False)
def test_a_withdrawn_night_releases_its_taker_and_can_be_asked_again(world):
    request = ask_saturday_night(world.alex)
    services.take(member=world.pat, request=request, now=NOW)
    alex = client_for(world.alex)
    alex.post(f"/circle/requests/{request.pk}/withdraw/")
    assert not AgreedNight.objects.exists()
    assert "Withdrawn" in text(alex.get(f"/circle/requests/{request.pk}/"))
    alex.post(f"/circle/requests/{request.pk}/withdraw/", {"undo": "1"})
    assert AgreedNight.objects.get().member_id == world.pat.pk


def _many_requests(world, count: int) -> None:
    for i in range(count):
        request = ask_meal(world.alex, 24 + i % 5)
        if i % 2:
            services.take(member=world.pat, request=request, now=NOW)


@pytest.mark.parametrize("count", [2, 12])
@time_machine.travel(NOW, tick=False)
def test_the_circle_page_and_today_cost_the_same_queries_for_few_or_many_requests(
    world, count, django_assert_max_num_queries
):
    _many_requests(world, count)
    for member in (world.alex, world.pat):
        client = client_for(member)
        client.get("/circle/")  # the session and the member, warmed
        with django_assert_max_num_queries(16):
            assert client.get("/circle/").status_code == 200
    from twofold.circle.today import today_context

    with django_assert_max_num_queries(6):
        assert today_context(member=world.pat, now=NOW)["open"]
    with django_assert_max_num_queries(6):
        today_context(member=world.alex, now=NOW)


@time_machine.travel(NOW, tick=False)
def test_care_a_helper_logs_during_a_night_they_took_is_linked_to_it(world):
    from twofold.care.services import log_care_event

    request = ask_saturday_night(world.alex)
    services.take(member=world.pat, request=request, now=NOW)
    feed_at = dt.datetime(2026, 11, 29, 2, 0, tzinfo=LONDON)
    with time_machine.travel(SUNDAY_MORNING, tick=False):
        log_care_event(
            member=world.pat, child=world.ada, kind="nappy", start=feed_at, details={"contents": "wet"}
        )
        detail = text(client_for(world.alex).get(f"/circle/requests/{request.pk}/"))
        assert "Given" in detail and "care logged 1 time during it" in detail
        circle = text(client_for(world.alex).get("/circle/"))
        assert (
            "Pat took 1 night in the last four weeks and did 1. They logged care once while helping."
            in circle
        )
        # "It didn't happen" overrides what the log suggests, and can be taken back.
        services.mark(member=world.alex, request=request, taker=world.pat, outcome="not_given")
        assert "Didn't happen" in text(client_for(world.alex).get(f"/circle/requests/{request.pk}/"))


@time_machine.travel(NOW, tick=False)
def test_today_shows_the_next_few_requests_and_links_to_the_rest(world):
    for day in range(24, 31):
        ask_meal(world.alex, day)
    today = text(client_for(world.pat).get("/"))
    assert today.count("I'll do it") == 5
    assert "2 more asked of you" in today
    assert text(client_for(world.pat).get("/circle/")).count("I'll do it") == 7
