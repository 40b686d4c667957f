"""An unrevealed answer is invisible to the other parent everywhere: page, Today, Us, API and export.
Helpers never see a check-in at all."""

from __future__ import annotations

import datetime as dt
import json

import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from twofold.checkins.export import export_section
from twofold.checkins.models import Agreement
from twofold.checkins.services import add_agreement, review_agreement, submit_checkin
from twofold.checkins.tests.helpers import ALEX_ANSWERS, NEXT_WEEK, NOW, SAM_ANSWERS, W47, known_week, text
from twofold.checkins.today import READY, REMINDER, today_context
from twofold.conftest import client_for

ALEX_SECRETS = ("Alex-appreciates", "Alex-needs", "60 %", "50 %", "2 / 10")


def api_for(member) -> APIClient:
    client = APIClient()
    client.force_authenticate(member.user)
    return client


def assert_nothing_of_alex(content: str) -> None:
    for secret in ALEX_SECRETS:
        assert secret not in content, secret


@time_machine.travel(NOW, tick=False)
def test_the_other_parent_learns_only_that_alex_has_answered(world):
    known_week(world)
    alex = submit_checkin(member=world.alex, answers=ALEX_ANSWERS, now=NOW)

    page = text(client_for(world.sam).get("/checkin/"))
    assert "Alex has answered." in page
    assert_nothing_of_alex(page)
    assert "Save my answers" in page  # Sam's own form

    today = text(client_for(world.sam).get("/"))
    assert REMINDER in today
    assert_nothing_of_alex(today)

    us = text(client_for(world.sam).get("/us/?week=2026-W47"))
    assert "Alex-appreciates" not in us and "has not been revealed" in us

    api = api_for(world.sam)
    assert api.get(f"/api/v1/checkins/{alex.pk}/").status_code == 404
    listed = api.get("/api/v1/checkins/").json()
    assert listed["count"] == 0
    assert_nothing_of_alex(json.dumps(listed))

    exported = json.dumps(export_section(world.alex.household))
    assert "Alex-appreciates" not in exported
    assert export_section(world.alex.household)["weeks"] == []


@time_machine.travel(NOW, tick=False)
def test_alex_sees_only_her_own_answers_and_that_sam_has_not_answered(world):
    submit_checkin(member=world.alex, answers=ALEX_ANSWERS, now=NOW)
    page = text(client_for(world.alex).get("/checkin/"))
    assert "Alex-appreciates-the-bath-routine" in page
    assert "Sam has not answered yet." in page
    assert "Change my answers" in page
    # Trimmed on the way in.
    assert "  Alex-appreciates" not in page.replace("<dd>  ", "")


@time_machine.travel(NOW, tick=False)
def test_last_weeks_reviews_stay_private_until_this_weeks_reveal(world):
    with time_machine.travel(NOW - dt.timedelta(weeks=1), tick=False):
        agreement = add_agreement(member=world.sam, text="I take the 2 a.m. feed on Monday")
    review_agreement(member=world.alex, agreement=agreement, outcome="not_kept", now=NOW)
    submit_checkin(member=world.alex, answers=ALEX_ANSWERS, now=NOW)

    page = text(client_for(world.sam).get("/checkin/"))
    assert "I take the 2 a.m. feed on Monday" in page  # agreements are shared
    assert "Alex: not kept" not in page
    assert api_for(world.sam).get("/api/v1/checkins/reviews/").json()["count"] == 0
    assert api_for(world.alex).get("/api/v1/checkins/reviews/").json()["count"] == 1
    assert export_section(world.alex.household)["agreements"][0]["reviews"] == []

    submit_checkin(member=world.sam, answers=SAM_ANSWERS, reviews={agreement.pk: "partly"}, now=NOW)
    page = text(client_for(world.sam).get("/checkin/"))
    assert "Alex: not kept" in page and "Sam: partly kept" in page
    assert api_for(world.sam).get("/api/v1/checkins/reviews/").json()["count"] == 2


@time_machine.travel(NOW, tick=False)
def test_helpers_never_see_a_check_in(world):
    submit_checkin(member=world.alex, answers=ALEX_ANSWERS, now=NOW)
    submit_checkin(member=world.sam, answers=SAM_ANSWERS, now=NOW)
    pat = client_for(world.pat)
    for url in ("/checkin/", "/checkin/answer/", "/checkin/history/", "/checkin/settings/"):
        assert pat.get(url).status_code == 404, url
    assert pat.post("/checkin/agreements/add/", {"text": "x"}).status_code == 404
    today = text(pat.get("/"))
    assert REMINDER not in today and "ready to read" not in today
    assert today_context(member=world.pat, now=NOW) == {}
    api = api_for(world.pat)
    assert api.get("/api/v1/checkins/").json()["count"] == 0
    assert api.get("/api/v1/checkins/agreements/").json()["count"] == 0
    response = api.post("/api/v1/checkins/", {**ALEX_ANSWERS}, format="json")
    assert response.status_code == 404


@time_machine.travel(NOW, tick=False)
def test_today_reminds_from_the_check_in_day_then_says_it_is_ready_until_read(world):
    # Sunday, the household's day: W47's check-in has opened and nobody has answered.
    assert today_context(member=world.alex, now=NOW)["card"]["title"] == REMINDER
    submit_checkin(member=world.alex, answers=ALEX_ANSWERS, now=NOW)
    assert today_context(member=world.alex, now=NOW) == {}
    submit_checkin(member=world.sam, answers=SAM_ANSWERS, now=NOW)
    assert today_context(member=world.alex, now=NOW)["card"]["title"] == READY.format(names="Sam")
    assert (
        today_context(member=world.sam, now=NOW)["card"]["title"]
        == "Your check-in with Alex is ready to read"
    )
    client_for(world.alex).get("/checkin/")
    assert today_context(member=world.alex, now=NOW) == {}
    assert "card" in today_context(member=world.sam, now=NOW)


@time_machine.travel(NOW, tick=False)
def test_today_needs_two_queries(world):
    submit_checkin(member=world.alex, answers=ALEX_ANSWERS, now=NOW)
    with CaptureQueriesContext(connection) as queries:
        today_context(member=world.sam, now=NOW)
    assert len(queries) == 2


@time_machine.travel(NOW, tick=False)
def test_a_closed_check_in_shows_what_was_answered_to_everyone(world):
    submit_checkin(member=world.alex, answers=ALEX_ANSWERS, now=NOW)
    with time_machine.travel(NEXT_WEEK, tick=False):
        page = text(client_for(world.sam).get("/checkin/?week=2026-W47"))
        assert "Alex-appreciates-the-bath-routine" in page
        assert "Side by side" in page
        exported = export_section(world.alex.household)["weeks"]
        assert [w["week"] for w in exported] == ["2026-W47"]
        assert exported[0]["answers"][0]["appreciated"] == "Alex-appreciates-the-bath-routine"
    assert W47.isoformat() == "2026-11-16"
    assert Agreement.objects.count() == 0
