"""Expired keys: each request checks its own key, and the user's other expired keys are swept when a key's
use is noted (hourly), not on every request (knox's sweep is a query each time)."""

from __future__ import annotations

import datetime as dt

import time_machine

from twofold.accounts.app_keys import make_key
from twofold.accounts.models import AppKey
from twofold.accounts.tests.keys import CHILDREN, app_with, opens_the_api

NOW = dt.datetime(2026, 12, 6, 15, 0, tzinfo=dt.UTC)


def test_a_key_that_expires_between_notes_of_its_use_is_refused_and_removed(world):
    with time_machine.travel(NOW, tick=False) as clock:
        made, key = make_key(user=world.alex.user, name="Phone", days=1)
        AppKey.objects.filter(pk=made.pk).update(expiry=NOW + dt.timedelta(minutes=10))
        assert opens_the_api(key)  # its use is noted now: the next hour's requests check only the key
        clock.shift(dt.timedelta(minutes=11))

        response = app_with(key).get(CHILDREN)

    assert response.status_code == 401
    assert not AppKey.objects.filter(pk=made.pk).exists()


def test_other_expired_keys_are_swept_when_a_keys_use_is_noted(world):
    with time_machine.travel(NOW, tick=False) as clock:
        old, _ = make_key(user=world.alex.user, name="Old tablet", days=1)
        AppKey.objects.filter(pk=old.pk).update(expiry=NOW + dt.timedelta(minutes=10))
        _, key = make_key(user=world.alex.user, name="Home Assistant", days=None)
        assert opens_the_api(key)
        clock.shift(dt.timedelta(minutes=30))

        assert opens_the_api(key)  # within the hour of the last note: no sweep
        kept = AppKey.objects.filter(pk=old.pk).exists()
        clock.shift(dt.timedelta(minutes=31))
        assert opens_the_api(key)

    assert kept
    assert not AppKey.objects.filter(pk=old.pk).exists()
