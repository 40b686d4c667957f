"""Every edit form, saved unchanged, changes nothing: no initial value that fails to round-trip.

A select whose initial value matched none of its options once saved "gave birth: yes" back as "rather not
say", quietly changing the screening cut-offs. Each form here is read as the browser shows it and posted
back untouched.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.db import models
from django.forms.models import model_to_dict
from django.urls import reverse

from twofold.care.services import log_care_event
from twofold.checkins.models import CheckinSettings
from twofold.checkins.services import add_agreement
from twofold.conftest import client_for
from twofold.nights.models import NightPreference
from twofold.tests.forms import untouched

NOW = dt.datetime(2026, 11, 18, 12, 0, tzinfo=ZoneInfo("Europe/London"))


def _event(world):
    start = NOW - dt.timedelta(hours=3)
    details = {"method": "formula", "amount_ml": 120}
    return log_care_event(
        member=world.alex, child=world.ada, kind="feed", start=start, end=start, details=details, now=NOW
    ).event


def _preference(world):
    return NightPreference.objects.create(
        household=world.alex.household,
        member=world.alex,
        night_from=dt.time(23, 30),
        night_until=dt.time(6, 45),
        work_mornings="024",
        target_minutes=270,
        breastfeeds=True,
    )


FORMS = {
    "household": (
        lambda w: w.alex.household,
        lambda w, o: (reverse("households:settings"), reverse("households:edit")),
    ),
    "you": (lambda w: w.alex, lambda w, o: (reverse("households:settings"), reverse("households:profile"))),
    "child": (lambda w: w.ada, lambda w, o: (reverse("households:child_edit", args=[o.pk]),) * 2),
    "event": (_event, lambda w, o: (reverse("care:event_edit", args=[o.pk]),) * 2),
    "nights": (_preference, lambda w, o: (reverse("nights:preferences"),) * 2),
    "check-in day": (
        lambda w: CheckinSettings.objects.create(household=w.alex.household, day=2),
        lambda w, o: (reverse("checkins:settings"),) * 2,
    ),
    "agreement": (
        lambda w: add_agreement(member=w.alex, text="Sam takes the 2 a.m. bottle on Fridays", now=NOW),
        lambda w, o: (reverse("checkins:agreement_edit", args=[o.pk]),) * 2,
    ),
}


def _saved(obj: models.Model) -> dict:
    fresh = type(obj)._default_manager.get(pk=obj.pk)
    return model_to_dict(fresh) | {f.name: getattr(fresh, f.name) for f in fresh._meta.fields}


@pytest.mark.parametrize("name", FORMS)
@time_machine.travel(NOW, tick=False)
def test_saving_a_form_unchanged_changes_nothing(world, name):
    make, urls = FORMS[name]
    obj = make(world)
    page, action = urls(world, obj)
    before = _saved(obj)
    client = client_for(world.alex)

    response = client.post(action, untouched(client.get(page).content.decode(), action))

    assert response.status_code in (200, 302, 303), response.status_code
    assert _saved(obj) == before
