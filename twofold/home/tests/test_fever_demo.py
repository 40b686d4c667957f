"""The default demo's one fever (care/demo_fever.py): the evening after the vaccinations ten days ago, with
paracetamol; the red card it called for then, and none on Today now. Made at each of the Makefile's
CLOCK_INSTANTS, so it holds at night, by day and on the clock changes."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from twofold.care.models import CareEvent
from twofold.conftest import client_for
from twofold.health.cards import health_of
from twofold.health.fever import Level
from twofold.home.demo import create_demo_household

CLOCK_INSTANTS = [
    dt.datetime.fromisoformat(instant)
    for instant in (
        "2026-12-06T15:00:00+00:00",
        "2026-12-07T03:00:00+00:00",
        "2027-03-28T03:00:00+01:00",
        "2027-03-29T15:00:00+01:00",
        "2027-10-31T03:00:00+00:00",
    )
]


@pytest.mark.django_db
@pytest.mark.parametrize("now", CLOCK_INSTANTS, ids=lambda now: now.isoformat())
def test_the_default_demo_has_one_fever_with_paracetamol_and_no_card_on_today(now):
    with time_machine.travel(now, tick=False):
        demo = create_demo_household(now=now)
        baby = demo.children[0]
        log = CareEvent.objects.filter(child=baby, deleted_at__isnull=True).order_by("start")
        temperatures = list(log.filter(kind="temperature"))
        paracetamol = [e for e in log.filter(kind="medicine") if e.medicine.name == "Paracetamol"]
        assert [str(t.temperature.celsius) for t in temperatures] == ["38.40", "38.10", "37.20"]
        assert len(paracetamol) == 2
        assert all(p.medicine.min_gap_minutes == 240 for p in paracetamol)
        evening = temperatures[0].start
        assert dt.timedelta(days=9) < now - evening < dt.timedelta(days=11)
        (vaccinations,) = log.filter(kind="note", note__startswith="Vaccinations")
        assert dt.timedelta(hours=8) <= evening - vaccinations.start <= dt.timedelta(hours=9)

        # That evening the baby was under 3 months: the red card, as any 38 °C reading then calls for.
        (then,) = health_of(demo.household, [baby], evening + dt.timedelta(hours=1))
        assert then.fever is not None and then.fever.level is Level.RED
        # Now, ten days on, nothing: not for a parent, not for the helper.
        (today,) = health_of(demo.household, [baby], now)
        assert today.fever is None
        for member in (demo.members["sam"], demo.members["pat"]):
            page = client_for(member).get(reverse("home:today")).content.decode()
            assert "data-fever" not in page
