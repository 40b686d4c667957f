"""Check-in answers and reviews of agreements are sealed at rest; answers no configured key opens say so in
their own place on every page, the API and the export, never a 500, and the other parent's answers still
show."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from cryptography.fernet import Fernet
from django.db import connection
from rest_framework.test import APIClient

from twofold import sealing
from twofold.checkins.answers import ANSWERS_SEALED, ANSWERS_SEALED_OWN, REVIEW_SEALED
from twofold.checkins.export import export_section
from twofold.checkins.models import AgreementReview, Checkin
from twofold.checkins.services import add_agreement, review_agreement, submit_checkin
from twofold.checkins.tests.helpers import ALEX_ANSWERS, NEXT_WEEK, NOW, SAM_ANSWERS, known_week, text
from twofold.conftest import client_for

WORDS = ("Alex-appreciates-the-bath-routine", "Alex-needs-one-lie-in")


def api_for(member) -> APIClient:
    client = APIClient()
    client.force_authenticate(member.user)
    return client


def raw(sql: str) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return cursor.fetchall()


def columns(table: str) -> set[str]:
    with connection.cursor() as cursor:
        return {c.name for c in connection.introspection.get_table_description(cursor, table)}


def seal_with_another_key(*rows: Checkin | AgreementReview) -> None:
    """Re-seal the rows with a key this server does not have, as if that key had been removed."""
    other = Fernet(Fernet.generate_key())
    for row in rows:
        if isinstance(row, Checkin):
            Checkin.objects.filter(pk=row.pk).update(sealed_answers=other.encrypt(b"{}").decode())
        else:
            AgreementReview.objects.filter(pk=row.pk).update(sealed_outcome=other.encrypt(b'"kept"').decode())


def checkin_part(page: str) -> str:
    """The check-in's part of the Us page."""
    start = page.index('class="card checkin-us"')
    return page[start : page.index("</section>", start)]


@pytest.fixture
def fresh_keyring():
    sealing.keyring.cache_clear()
    yield
    sealing.keyring.cache_clear()


@time_machine.travel(NOW, tick=False)
def test_the_database_holds_no_answer_and_no_outcome_in_the_clear(world):
    with time_machine.travel(NOW - dt.timedelta(weeks=1), tick=False):
        agreement = add_agreement(member=world.sam, text="I take the 2 a.m. feed")
    submit_checkin(member=world.alex, answers=ALEX_ANSWERS, now=NOW)
    review_agreement(member=world.alex, agreement=agreement, outcome="not_kept", now=NOW)

    assert not columns("checkins_checkin") & {"care_share", "fairness", "mood", "appreciated", "needed"}
    assert "outcome" not in columns("checkins_agreementreview")
    [(answers,)] = raw("SELECT sealed_answers FROM checkins_checkin")
    [(outcome,)] = raw("SELECT sealed_outcome FROM checkins_agreementreview")
    assert answers.startswith("gAAAAA") and outcome.startswith("gAAAAA")  # Fernet tokens
    for word in (*WORDS, "appreciated", "care_share", '"mood": 6'):
        assert word not in answers
    assert "kept" not in outcome
    # Opened, they are what was answered (text trimmed).
    stored = Checkin.objects.get()
    assert stored.answers.appreciated == WORDS[0] and stored.answers.mood == 6
    assert AgreementReview.objects.get().outcome == "not_kept"


@time_machine.travel(NOW, tick=False)
def test_answers_sealed_with_one_key_cannot_be_read_with_another_and_say_so(world, settings, fresh_keyring):
    """Sealed with one key; the server then has only another: every page says so, none fails."""
    known_week(world)
    settings.TWOFOLD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    submit_checkin(member=world.alex, answers=ALEX_ANSWERS, now=NOW)
    submit_checkin(member=world.sam, answers=SAM_ANSWERS, now=NOW)
    settings.TWOFOLD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    sealing.keyring.cache_clear()

    for member in (world.alex, world.sam):
        client = client_for(member)
        for url in ("/", "/us/?week=2026-W47", "/checkin/", "/checkin/history/"):
            response = client.get(url)
            assert response.status_code == 200, url
        page = text(client.get("/checkin/"))
        assert f"Alex: {ANSWERS_SEALED}" in page and f"Sam: {ANSWERS_SEALED}" in page
        assert "Side by side" not in page and WORDS[0] not in page
        assert f"Alex: {ANSWERS_SEALED}" in checkin_part(text(client.get("/us/?week=2026-W47")))
        assert ANSWERS_SEALED in text(client.get("/checkin/history/"))


@pytest.fixture
def revealed_with_one_lost(world):
    """W47 revealed; Alex's answers sealed with a key this server no longer has, Sam's open."""
    known_week(world)
    alex = submit_checkin(member=world.alex, answers=ALEX_ANSWERS, now=NOW)
    submit_checkin(member=world.sam, answers=SAM_ANSWERS, now=NOW)
    seal_with_another_key(alex)
    return alex


@time_machine.travel(NOW, tick=False)
def test_the_page_shows_the_note_for_one_parent_and_the_others_answers(world, revealed_with_one_lost):
    for member in (world.alex, world.sam):
        response = client_for(member).get("/checkin/")
        assert response.status_code == 200
        page = text(response)
        assert page.count(ANSWERS_SEALED) == 1 and f"Alex: {ANSWERS_SEALED}" in page
        assert "Side by side" in page and "Sam-needs-to-learn-the-sling" in page
        assert WORDS[0] not in page


@time_machine.travel(NOW, tick=False)
def test_today_us_and_history_never_fail_and_say_so(world, revealed_with_one_lost):
    client = client_for(world.sam)
    assert client.get("/").status_code == 200
    us = client.get("/us/?week=2026-W47")
    assert us.status_code == 200
    part = checkin_part(text(us))
    assert f"Alex: {ANSWERS_SEALED}" in part and "70 %" in part  # Sam's night share
    history = client.get("/checkin/history/")
    assert history.status_code == 200
    assert f"Alex: {ANSWERS_SEALED}" in text(history) and "Ratings week by week" in text(history)


@time_machine.travel(NOW, tick=False)
def test_own_answers_that_cannot_be_opened_can_be_answered_afresh(world):
    alex = submit_checkin(member=world.alex, answers=ALEX_ANSWERS, now=NOW)
    seal_with_another_key(alex)
    client = client_for(world.alex)
    page = client.get("/checkin/")
    assert page.status_code == 200 and ANSWERS_SEALED_OWN in text(page)
    assert client.get("/checkin/answer/").status_code == 200
    assert client.post("/checkin/answer/", {**ALEX_ANSWERS, "mood": 8}).status_code == 302
    assert Checkin.objects.get(pk=alex.pk).answers.mood == 8


@time_machine.travel(NOW, tick=False)
def test_the_api_and_the_export_give_a_field_level_note(world, revealed_with_one_lost):
    alex = revealed_with_one_lost
    listed = api_for(world.sam).get("/api/v1/checkins/")
    assert listed.status_code == 200
    rows = {row["by"]["name"]: row for row in listed.json()["results"]}
    assert rows["Alex"]["sealed_note"] == ANSWERS_SEALED and rows["Alex"]["mood"] is None
    assert rows["Sam"]["sealed_note"] is None and rows["Sam"]["mood"] == 7
    detail = api_for(world.alex).get(f"/api/v1/checkins/{alex.pk}/")
    assert detail.status_code == 200 and detail.json()["appreciated"] is None

    [week] = export_section(world.alex.household)["weeks"]
    by = {a["by"]["name"]: a for a in week["answers"]}
    assert by["Alex"]["sealed_note"] == ANSWERS_SEALED and by["Alex"]["care_share"] is None
    assert by["Sam"]["care_share"] == 50


@time_machine.travel(NOW, tick=False)
def test_a_partial_change_to_answers_no_key_opens_asks_for_the_rest(world):
    alex = submit_checkin(member=world.alex, answers=ALEX_ANSWERS, now=NOW)
    seal_with_another_key(alex)
    response = api_for(world.alex).patch(f"/api/v1/checkins/{alex.pk}/", {"mood": 8}, format="json")
    assert response.status_code == 400
    assert "care_share" in response.json() and "mood" not in response.json()
    whole = api_for(world.alex).put(f"/api/v1/checkins/{alex.pk}/", ALEX_ANSWERS, format="json")
    assert whole.status_code == 200 and whole.json()["sealed_note"] is None


def test_a_review_that_cannot_be_opened_says_so_in_its_place(world):
    with time_machine.travel(NOW, tick=False):
        agreement = add_agreement(member=world.sam, text="I take the 2 a.m. feed")
    with time_machine.travel(NEXT_WEEK, tick=False):
        review = review_agreement(member=world.alex, agreement=agreement, outcome="kept", now=NEXT_WEEK)
        seal_with_another_key(review)
        client = client_for(world.alex)
        for url in ("/checkin/", "/us/", "/checkin/answer/"):
            assert client.get(url).status_code == 200, url
        assert f"Alex: {REVIEW_SEALED}" in text(client.get("/checkin/"))
        assert f"Alex: {REVIEW_SEALED}" in text(client.get("/us/"))
        [row] = api_for(world.alex).get("/api/v1/checkins/reviews/").json()["results"]
        assert row["outcome"] is None and row["sealed_note"] == ANSWERS_SEALED
