"""The demo's first weeks came in from Nara Baby: a past import on the Import page, its week to undo long
gone, its events linked to it, and the log the same shape as before."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine

from twofold.care.models import CareEvent
from twofold.conftest import client_for, page_text
from twofold.home.demo import create_demo_household
from twofold.imports.demo import MOVED_KINDS
from twofold.imports.models import ImportBatch
from twofold.imports.services import can_undo

LONDON = ZoneInfo("Europe/London")
INSTANTS = [
    dt.datetime(2026, 12, 1, 2, 45, tzinfo=dt.UTC),
    dt.datetime(2026, 3, 29, 3, tzinfo=LONDON),  # the morning the clocks go forward
]


@pytest.mark.django_db
@pytest.mark.parametrize("now", INSTANTS, ids=lambda now: now.isoformat())
def test_the_demo_has_a_month_imported_from_nara(now):
    with time_machine.travel(now, tick=False):
        demo = create_demo_household(now=now)
        batch = ImportBatch.objects.get(household=demo.household)
        assert batch.source == "nara" and batch.skipped_count == 0 and batch.created_count > 100
        assert not can_undo(batch, now)
        imported = CareEvent.objects.filter(imported__batch=batch)
        assert imported.count() == batch.created_count
        assert set(imported.values_list("kind", flat=True)) <= set(MOVED_KINDS)
        # The first weeks' nappies all came through the importer, none after them: one clean cut.
        nappies = CareEvent.objects.filter(household=demo.household, kind="nappy", deleted_at__isnull=True)
        came_in = list(nappies.filter(imported__isnull=False).values_list("start", flat=True))
        logged = list(nappies.filter(imported__isnull=True).values_list("start", flat=True))
        assert max(came_in) < min(logged)
        assert max(came_in) - min(came_in) > dt.timedelta(weeks=3)
        # Each still by whom it was done.
        assert (
            imported.filter(by=demo.members["sam"]).exists()
            and imported.filter(by=demo.members["alex"]).exists()
        )

        page = page_text(client_for(demo.members["alex"]).get("/household/import/"))
        assert "Nara" in page and "Undo this import" not in page
