"""Sending a push to every device a member allowed, over the Push API with VAPID (pywebpush).

Each device is tried on its own: one that fails never stops the others, and the reason is logged and kept
on the device for its owner's page. A device the push service no longer knows (404 or 410: the browser
took its permission back, or the subscription expired) is removed.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import requests
from django.contrib.auth.models import User
from django.utils import timezone
from pywebpush import WebPushException, webpush

from twofold.households.models import Member
from twofold.push import vapid
from twofold.push.models import PushDevice
from twofold.push.payload import Payload, build_payload

logger = logging.getLogger(__name__)

# A reminder that could not reach a phone within an hour (switched off, no signal) is stale: the push
# service drops it rather than waking the phone with it later.
TIME_TO_LIVE_SECONDS = 60 * 60
# How long one push service may take to answer before that device is given up on for this push.
TIMEOUT_SECONDS = 10
GONE = (404, 410)


@dataclass(frozen=True)
class Outcome:
    reached: int
    removed: int
    failed: int


def send_to_member(
    member: Member, *, title: str, body: str, url: str, tag: str, actions: Sequence[Mapping[str, str]]
) -> int:
    """Push a notification to each device `member`'s account allowed; the number of devices reached.

    Nothing is sent to someone who has left the household. `actions` are the notification's buttons, each
    {"action", "title"} and either "url" (a page to open) or "post" (a form to send, through the outbox).
    Raises PayloadError for a push that must not go out (see payload.py).
    """
    payload = build_payload(title=title, body=body, url=url, tag=tag, actions=actions)
    if member.user is None or member.left_at is not None:
        return 0
    return send_to_user(member.user, payload).reached


def send_to_user(user: User, payload: Payload) -> Outcome:
    data = json.dumps(payload, ensure_ascii=False)  # the size build_payload checked
    reached = removed = failed = 0
    for device in PushDevice.objects.filter(user=user):
        status = _send_one(device, data, payload["tag"])
        if status == "reached":
            reached += 1
        elif status == "removed":
            removed += 1
        else:
            failed += 1
    return Outcome(reached=reached, removed=removed, failed=failed)


def _topic(tag: str) -> str:
    # The Topic header lets the push service replace a waiting push with a newer one of the same tag; it
    # takes at most 32 URL-safe characters (RFC 8030 §5.4), so the tag is hashed, which also keeps it opaque.
    return hashlib.sha256(tag.encode()).hexdigest()[:32]


def _send_one(device: PushDevice, data: str, tag: str) -> str:
    try:
        webpush(
            subscription_info={
                "endpoint": device.endpoint,
                "keys": {"p256dh": device.p256dh, "auth": device.auth},
            },
            data=data,
            vapid_private_key=vapid.signing_key(),
            vapid_claims={"sub": vapid.subject()},
            ttl=TIME_TO_LIVE_SECONDS,
            timeout=TIMEOUT_SECONDS,
            headers={"Urgency": "high", "Topic": _topic(tag)},
        )
    except WebPushException as error:
        status = error.status_code
        if status in GONE:
            logger.info(
                "Push device %s of user %s is gone (HTTP %s): removed.", device.pk, device.user_id, status
            )
            PushDevice.objects.filter(pk=device.pk).delete()
            return "removed"
        return _failed(device, f"the push service answered HTTP {status}" if status else str(error.message))
    except requests.RequestException as error:
        return _failed(device, f"the push service could not be reached ({type(error).__name__})")
    except Exception as error:  # a bad key or anything else about this one device must not stop the rest
        logger.exception("Push to device %s failed unexpectedly.", device.pk)
        return _failed(device, f"Twofold could not send to it ({type(error).__name__})")
    # An update, not a save: the owner may have removed the device while the push was on its way.
    PushDevice.objects.filter(pk=device.pk).update(last_reached_at=timezone.now(), last_problem="")
    return "reached"


def _failed(device: PushDevice, why: str) -> str:
    logger.warning("Push to device %s of user %s failed: %s.", device.pk, device.user_id, why)
    PushDevice.objects.filter(pk=device.pk).update(last_problem=why[:200])
    return "failed"
