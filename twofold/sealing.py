"""Private words and numbers are sealed at rest with a key kept apart from the database: screening answers
and results (wellbeing), check-in answers and reviews of agreements (checkins).

Keys come from TWOFOLD_ENCRYPTION_KEYS: Fernet keys separated by commas, newest first. Values are sealed
with the newest and opened with any, so a new key can be put in front and old values re-sealed with
`twofold reseal` before the old key is removed (docs/configuration.md, "Key rotation").

This module is the project's, below every app, so that each app that keeps private words can seal them
without importing another (wellbeing stays private to the readings and planning apps).
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models, transaction

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
# (The check-in's own words for its answers are in checkins/answers.py.)
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


# --- Key rotation: every sealed column of every app, all or nothing -------------------------------------

# Tests import these.
NOTHING_CHANGED = (
    "Nothing was re-sealed: {count} row(s) cannot be opened with the keys in TWOFOLD_ENCRYPTION_KEYS "
    "({rows}). Put back the key they were sealed with (at the end of the list), restart and run "
    "`twofold reseal` again; only if that key is lost for good, delete those rows to go on."
)
RESEALED = "Re-sealed {counts} with the newest key. Old keys can now be removed."


@dataclass(frozen=True)
class SealedColumns:
    """A model whose rows keep sealed values: `plural` names them in what `twofold reseal` says."""

    model: type[models.Model]
    fields: tuple[str, ...]
    plural: str  # "screening(s)"


def resealed_text(counts: dict[str, int]) -> str:
    """“Re-sealed 2 screening(s), 5 check-in answer(s) and 1 agreement review(s) with the newest key…”"""
    said = [f"{number} {kind}" for kind, number in counts.items()]
    return RESEALED.format(
        counts=", ".join(said[:-1]) + " and " + said[-1] if len(said) > 1 else "".join(said)
    )


class Unopened(Exception):
    """Rows that no configured key opens; nothing was re-sealed."""

    def __init__(self, rows: Sequence[str]) -> None:
        super().__init__(NOTHING_CHANGED.format(count=len(rows), rows=", ".join(rows)))
        self.rows = list(rows)


def reseal_rows(kinds: Sequence[SealedColumns]) -> dict[str, int]:
    """Every sealed value of every kind re-sealed with the newest key, in one transaction: how many rows of
    each kind. Unopened, naming each row by kind and id, when any value cannot be opened: then nothing
    is written, so the operator can put the missing key back and run again without a half-rotated table."""
    keyring()  # a missing or malformed key is said before anything is read
    unopened: list[str] = []
    counts: dict[str, int] = {}
    with transaction.atomic():
        changed: list[tuple[SealedColumns, list[models.Model]]] = []
        for kind in kinds:
            rows = []
            for row in kind.model._default_manager.select_for_update().order_by("pk").iterator():
                try:
                    for name in kind.fields:
                        if value := getattr(row, name):  # "" for a value not sealed yet
                            setattr(row, name, reseal(value))
                except CannotUnseal:
                    unopened.append(f"{kind.model._meta.verbose_name} #{row.pk}")
                    continue
                rows.append(row)
            changed.append((kind, rows))
            counts[kind.plural] = len(rows)
        if unopened:
            raise Unopened(unopened)
        for kind, rows in changed:
            kind.model._default_manager.bulk_update(rows, list(kind.fields), batch_size=500)
    return counts
