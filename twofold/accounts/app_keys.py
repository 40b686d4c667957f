"""App keys: making, listing and ending the keys a member's apps and devices use for the API.

Every write records itself in the audit trail for the key's owner. A key is returned in the clear once, by
make_key; only its hash is kept.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.contrib.sessions.models import Session
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from twofold.accounts.models import AppKey
from twofold.audit.models import Action
from twofold.audit.services import record

# Enough for every phone, tablet and home server a family has; a script asking for a key on each run
# meets the limit instead of piling up keys nobody can recognise.
KEYS_PER_MEMBER = 50
LONGEST_DAYS = 365
NAME_MISSING = "Give the key a name you will recognise, such as “Alex's phone” or “Home Assistant”."
TOO_MANY_KEYS = (
    f"You already have {KEYS_PER_MEMBER} app keys. Revoke the ones you no longer use under "
    "Your account, Apps and devices, then make this one."
)


def default_days() -> int:
    days: int = settings.TWOFOLD_API_KEY_DAYS
    return days


def name_of(user: Any) -> str:
    return str(user.first_name or user.get_username())


def live_keys(*, user: Any, now: dt.datetime | None = None) -> QuerySet[AppKey]:
    """The member's keys that still open the API, newest first."""
    now = now or timezone.now()
    return AppKey.objects.filter(Q(expiry__isnull=True) | Q(expiry__gt=now), user=user)


def get_own_key(*, user: Any, key_id: int) -> AppKey:
    """One of the member's own live keys; anyone else's, or an ended one, is a 404."""
    return get_object_or_404(live_keys(user=user), pk=key_id)


@transaction.atomic
def make_key(*, user: Any, name: str, days: int | None) -> tuple[AppKey, str]:
    """A new key named `name`, lasting `days` (None: never expires). Returns the key and its secret."""
    name = name.strip()
    if not name:
        raise ValidationError({"name": ValidationError(NAME_MISSING, code="required")})
    if days is not None and not 1 <= days <= LONGEST_DAYS:
        raise ValidationError({"expires_in_days": f"Choose between 1 and {LONGEST_DAYS} days."})
    now = timezone.now()
    # Expired keys are gone for good; clearing them here keeps the table to what can still be used.
    AppKey.objects.filter(user=user, expiry__lte=now).delete()
    if live_keys(user=user, now=now).count() >= KEYS_PER_MEMBER:
        raise ValidationError(TOO_MANY_KEYS, code="too_many")
    lifetime = dt.timedelta(days=days) if days is not None else None
    # knox's manager makes the secret and stores its hash; it returns both (it has no type hints).
    key, secret = AppKey.objects.create(  # type: ignore[no-untyped-call]
        user=user, expiry=lifetime, name=name[:80]
    )
    lasts = f"until {key.expiry:%d %b %Y}" if key.expiry else "never expires"
    record(
        action=Action.TOKEN_MADE,
        actor=user,
        actor_name=name_of(user),
        concerns=[user],
        detail=f"“{key.name}”, {lasts}",
    )
    return key, secret


@transaction.atomic
def revoke_key(*, user: Any, key: AppKey) -> None:
    """End one of the member's keys: the app using it is refused from its next request."""
    if key.user_id != user.pk:
        raise ValidationError("That key belongs to someone else.")
    key.delete()
    record(
        action=Action.TOKEN_REVOKED,
        actor=user,
        actor_name=name_of(user),
        concerns=[user],
        detail=f"“{key.name}”",
    )


@transaction.atomic
def end_all_keys(*, user: Any, why: str, by: Any | None) -> int:
    """End every key of the member; `by` is who did it (None when Twofold did, on a password change)."""
    ended, _ = AppKey.objects.filter(user=user).delete()
    if ended:
        record(
            action=Action.TOKEN_REVOKED,
            actor=by,
            actor_name=name_of(by) if by is not None else "Twofold",
            concerns=[user],
            detail=f"All app keys ({ended}): {why}",
        )
    return ended


def end_other_sessions(*, user: Any, keep: str | None) -> int:
    """Log the member out of every browser but the one whose session key is `keep`.

    Django keeps no index of sessions by user, so each live session is read: a deployment has a few
    dozen, and this runs only when someone asks to sign out everywhere.
    """
    theirs = []
    for session in Session.objects.filter(expire_date__gt=timezone.now()).exclude(session_key=keep):
        if session.get_decoded().get("_auth_user_id") == str(user.pk):
            theirs.append(session.session_key)
    Session.objects.filter(session_key__in=theirs).delete()
    return len(theirs)


@transaction.atomic
def sign_out_everywhere(*, user: Any, keep_session: str | None) -> tuple[int, int]:
    """End all the member's keys and their other sessions. Returns (keys ended, sessions ended)."""
    keys = end_all_keys(user=user, why="signed out everywhere", by=user)
    return keys, end_other_sessions(user=user, keep=keep_session)
