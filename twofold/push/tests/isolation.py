"""Push objects for api/tests/test_isolation.py: kwarg name -> one object.

A device is a person's, not a household's; another household's parent's device is a 404 all the same.
"""

from __future__ import annotations

from django.db import models

from twofold.households.models import Child, Member
from twofold.push.models import PushDevice


def household_objects(*, parent: Member, other_parent: Member, child: Child) -> dict[str, models.Model]:
    assert parent.user is not None
    # Made directly: the isolation walk needs only a row to aim at, never a push sent to it.
    device = PushDevice.objects.create(
        user=parent.user,
        name="Firefox on Android",
        endpoint=f"https://push.example.net/v1/{parent.pk}",
        p256dh="B" + "A" * 86,
        auth="A" * 22,
    )
    return {"device_id": device}
