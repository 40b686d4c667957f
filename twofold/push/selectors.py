"""Scoped reads of push devices: a person only ever reaches their own."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404

from twofold.push.models import PushDevice


def devices_of(*, user: User) -> QuerySet[PushDevice]:
    return PushDevice.objects.filter(user=user)


def get_device_for_user(*, user: User, device_id: int) -> PushDevice:
    """One of `user`'s devices; 404 for anyone else's, as for one that does not exist."""
    return get_object_or_404(PushDevice, pk=device_id, user=user)
