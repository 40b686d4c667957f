"""Migration 0002 seals the answers and reviews already stored in the clear, and going back opens them."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from twofold.checkins.models import AgreementReview, Checkin

BEFORE = [("checkins", "0001_initial")]
AFTER = [("checkins", "0002_seal_answers_and_reviews")]
PLAIN = {
    "care_share": 60,
    "night_share": 50,
    "fairness": 2,
    "sleep": 3,
    "mood": 6,
    "connection": 5,
    "appreciated": "The-bath-routine",
    "needed": "One-lie-in",
}


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    executor.loader.build_graph()
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_rows_stored_in_the_clear_are_sealed_and_open_again_going_back(world):
    old = migrate(BEFORE)
    week = dt.date(2026, 11, 16)
    checkin = old.get_model("checkins", "Checkin").objects.create(
        household_id=world.alex.household_id, member_id=world.alex.pk, week=week, **PLAIN
    )
    agreement = old.get_model("checkins", "Agreement").objects.create(
        household_id=world.alex.household_id, author_id=world.sam.pk, week=week, text="I do the bath"
    )
    old.get_model("checkins", "AgreementReview").objects.create(
        agreement_id=agreement.pk, reviewer_id=world.alex.pk, outcome="not_kept"
    )

    migrate(AFTER)
    with connection.cursor() as cursor:
        cursor.execute("SELECT sealed_answers FROM checkins_checkin")
        [(sealed,)] = cursor.fetchall()
    assert sealed.startswith("gAAAAA") and "The-bath-routine" not in sealed
    assert Checkin.objects.get(pk=checkin.pk).answers.document() == PLAIN
    assert AgreementReview.objects.get().outcome == "not_kept"

    back = migrate(BEFORE)
    reopened = back.get_model("checkins", "Checkin").objects.get(pk=checkin.pk)
    assert {name: getattr(reopened, name) for name in PLAIN} == PLAIN
    assert back.get_model("checkins", "AgreementReview").objects.get().outcome == "not_kept"
    migrate(AFTER)
