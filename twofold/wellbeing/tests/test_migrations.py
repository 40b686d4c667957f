"""The migration that dates shares: a result already shared counts as shared when it was finished."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from twofold.sealing import seal
from twofold.wellbeing.models import Screening

BEFORE = [("wellbeing", "0001_initial")]


@pytest.mark.django_db(transaction=True)
def test_results_shared_before_the_migration_are_dated_by_when_they_were_finished(world):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    OldScreening = executor.loader.project_state(BEFORE).apps.get_model("wellbeing", "Screening")
    finished = dt.datetime(2026, 11, 2, 9, 30, tzinfo=dt.UTC)

    def old(*, shared: bool) -> int:
        return OldScreening.objects.create(
            household_id=world.alex.household_id,
            member_id=world.alex.pk,
            instrument="phq2",
            started_at=finished - dt.timedelta(minutes=3),
            finished_at=finished,
            sealed_answers=seal({}),
            shared=shared,
        ).pk

    shared, private = old(shared=True), old(shared=False)

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    screenings = Screening.objects.in_bulk([shared, private])
    assert screenings[shared].shared_at == finished
    assert screenings[private].shared_at is None
