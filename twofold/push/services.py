"""Every write to a person's push devices: allowing a browser, removing one."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from twofold.push.models import PushDevice
from twofold.push.subscriptions import check_subscription, device_name

# A person with more than this many browsers allowed is more likely to have old ones left behind.
MAX_DEVICES = 20
TOO_MANY = f"You have {MAX_DEVICES} devices allowed already: remove one you no longer use, then try again."


@transaction.atomic
def allow_device(*, user: User, endpoint: str, p256dh: str, auth: str, user_agent: str) -> PushDevice:
    """Keep a browser's subscription for `user`. The same browser sending it again updates its keys; a
    browser another account had allowed moves to this one (the person signed in on it now)."""
    check_subscription(
        endpoint=endpoint, p256dh=p256dh, auth=auth, allow_local=settings.TWOFOLD_PUSH_LOCAL_ENDPOINTS
    )
    device = PushDevice.objects.select_for_update().filter(endpoint=endpoint).first()
    if device is None:
        if PushDevice.objects.filter(user=user).count() >= MAX_DEVICES:
            raise ValidationError(TOO_MANY)
        device = PushDevice(endpoint=endpoint)
    device.user = user
    device.p256dh, device.auth = p256dh, auth
    device.name = device_name(user_agent)
    device.last_problem = ""
    device.full_clean()
    device.save()
    return device


def remove_device(*, device: PushDevice) -> None:
    device.delete()
