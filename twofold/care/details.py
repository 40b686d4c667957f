"""Each kind's detail table, and the checks that tie a detail's fields to each other.

Which kinds have a table, and their checks, come from the kinds' definitions (`twofold.care.kinds`).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import models

from twofold.care.kinds import DETAILED, find
from twofold.care.kinds.settle import SETTLE_TECHNIQUES
from twofold.care.models import CareEvent

__all__ = [
    "DETAIL_MODELS",
    "DETAIL_RELATIONS",
    "SETTLE_TECHNIQUES",
    "build_detail",
    "check_detail",
    "detail_of",
]

DETAIL_MODELS: dict[str, type[models.Model]] = {d.key: d.detail for d in DETAILED if d.detail is not None}

# Every reverse one-to-one name, for select_related: one query fetches any event whole.
DETAIL_RELATIONS: tuple[str, ...] = tuple(str(key) for key in DETAIL_MODELS)


def detail_of(event: CareEvent) -> models.Model | None:
    model = DETAIL_MODELS.get(event.kind)
    if model is None:
        return None
    try:
        detail: models.Model = getattr(event, event.kind)
    except model.DoesNotExist:  # type: ignore[attr-defined]
        return None
    return detail


def build_detail(kind: str, event: CareEvent, fields: dict[str, Any]) -> models.Model | None:
    """An unsaved detail row with its fields checked; kinds without details accept no fields."""
    model = DETAIL_MODELS.get(kind)
    if model is None:
        if fields:
            raise ValidationError(dict.fromkeys(fields, "Not a field of this kind."))
        return None
    allowed = {f.name for f in model._meta.concrete_fields} - {"id", "event"}
    unknown = set(fields) - allowed
    if unknown:
        raise ValidationError(dict.fromkeys(sorted(unknown), "Not a field of this kind."))
    detail = model(event=event, **fields)
    check_detail(kind, detail)
    return detail


def check_detail(kind: str, detail: models.Model) -> None:
    # A detail's one unique field is its event, excluded here: Django's unique checks would only cost time.
    detail.full_clean(exclude=["event"], validate_unique=False)
    kind_definition = find(kind)
    if kind_definition is not None and kind_definition.check is not None:
        kind_definition.check(detail)


def within_range(kind: str, details: dict[str, Any]) -> bool:
    """True when every detail passes its table's own validators (a plausible range). A value the table refuses
    outright gets the table's message on saving, never a question it could be saved past."""
    definition = find(kind)
    if definition is None or definition.detail is None:
        return False
    for name, value in details.items():
        try:
            definition.detail._meta.get_field(name).run_validators(value)  # type: ignore[union-attr]
        except (ValidationError, FieldDoesNotExist):
            return False
    return True
