"""Screening answers and scores are sealed at rest with a key kept apart from the database.

Keys come from TWOFOLD_ENCRYPTION_KEYS: Fernet keys separated by commas, newest first. Values are sealed
with the newest and opened with any, so a new key can be put in front and old values re-sealed with
`twofold reseal` before the old key is removed (docs/configuration.md, "Key rotation").
"""

from __future__ import annotations

import base64
import hashlib
import json
from functools import cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

NO_KEY = (
    'Set TWOFOLD_ENCRYPTION_KEYS to a Fernet key (make one with: python -c "from cryptography.fernet '
    'import Fernet; print(Fernet.generate_key().decode())"). Keep it apart from the database backups.'
)


def _development_key() -> bytes:
    # Only with TWOFOLD_DEBUG: a stable key derived from the development secret, so `make run` just works.
    return base64.urlsafe_b64encode(hashlib.sha256(("sealing:" + settings.SECRET_KEY).encode()).digest())


@cache
def keyring() -> MultiFernet:
    raw = [k.strip() for k in settings.TWOFOLD_ENCRYPTION_KEYS if k.strip()]
    if not raw:
        if not settings.DEBUG:
            raise ImproperlyConfigured(NO_KEY)
        raw = [_development_key().decode()]
    try:
        return MultiFernet([Fernet(k.encode()) for k in raw])
    except ValueError:
        raise ImproperlyConfigured(
            "TWOFOLD_ENCRYPTION_KEYS holds a value that is not a Fernet key. " + NO_KEY
        ) from None


def seal(value: Any) -> str:
    return keyring().encrypt(json.dumps(value, sort_keys=True).encode()).decode()


class CannotUnseal(Exception):
    """A sealed value that none of the configured keys opens: sealed with a key since removed, or damaged."""


# Shown in place of a screening that cannot be opened, on its own card, page or API field. Tests import it.
SEALED_WITH_ANOTHER_KEY = (
    "This result was sealed with a key this server no longer has (or it is damaged), so it cannot be shown. "
    "Whoever runs this Twofold can put the old key back at the end of TWOFOLD_ENCRYPTION_KEYS, restart and "
    "run `twofold reseal`; if that key is lost, this result cannot be read again, and taking the check "
    "afresh is the way forward."
)


def unseal(token: str) -> Any:
    """The sealed value; CannotUnseal when no configured key opens it."""
    try:
        return json.loads(keyring().decrypt(token.encode()))
    except InvalidToken:
        raise CannotUnseal(SEALED_WITH_ANOTHER_KEY) from None


def reseal(token: str) -> str:
    """The same value sealed with the newest key; CannotUnseal when no configured key opens it."""
    try:
        return keyring().rotate(token.encode()).decode()
    except InvalidToken:
        raise CannotUnseal(SEALED_WITH_ANOTHER_KEY) from None
