"""Each kind's detail table, and the checks that tie a detail's fields to each other."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import models

from twofold.care.models import (
    CareEvent,
    Feed,
    FeedMethod,
    Kind,
    Medicine,
    Nappy,
    Play,
    Pumping,
    Settle,
    Sleep,
)

DETAIL_MODELS: dict[str, type[models.Model]] = {
    Kind.FEED: Feed,
    Kind.NAPPY: Nappy,
    Kind.SLEEP: Sleep,
    Kind.SETTLE: Settle,
    Kind.PLAY: Play,
    Kind.PUMPING: Pumping,
    Kind.MEDICINE: Medicine,
}

# Every reverse one-to-one name, for select_related: one query fetches any event whole.
DETAIL_RELATIONS: tuple[str, ...] = tuple(DETAIL_MODELS)

SETTLE_TECHNIQUES: dict[str, str] = {
    "holding": "Holding and cuddling",
    "rocking": "Rocking",
    "walking": "Walking about",
    "feeding": "Feeding",
    "sling": "Sling or carrier",
    "swaddle": "Swaddling",
    "white_noise": "White noise or shushing",
    "singing": "Singing or talking",
    "dummy": "Dummy or pacifier",
    "skin_to_skin": "Skin-to-skin",
    "bath": "Warm bath",
    "pram": "Pram or car ride",
    "put_down": "Put down safely for a break",
}


def detail_of(event: CareEvent) -> models.Model | None:
    model = DETAIL_MODELS.get(event.kind)
    if model is None:
        return None
    try:
        return getattr(event, event.kind)
    except model.DoesNotExist:  # type: ignore[attr-defined]
        return None


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
    detail.full_clean(exclude=["event"])
    if kind == Kind.FEED:
        _check_feed(detail)  # type: ignore[arg-type]
    elif kind == Kind.SETTLE:
        _check_settle(detail)  # type: ignore[arg-type]


def _check_feed(feed: Feed) -> None:
    if feed.method == FeedMethod.BREAST:
        if feed.amount_ml is not None:
            raise ValidationError({"amount_ml": "A breastfeed has no amount: leave it empty."})
        if not feed.side:
            feed.side = "both"
    else:
        if feed.side:
            raise ValidationError({"side": "A bottle feed has no side: leave it empty."})


def _check_settle(settle: Settle) -> None:
    if not isinstance(settle.tried, list) or not all(isinstance(t, str) for t in settle.tried):
        raise ValidationError({"tried": "List what was tried, such as rocking or feeding."})
    unknown = [t for t in settle.tried if t not in SETTLE_TECHNIQUES]
    if unknown:
        raise ValidationError(
            {"tried": f"Unknown: {', '.join(unknown)}. Choose from {', '.join(SETTLE_TECHNIQUES)}."}
        )
    settle.tried = list(dict.fromkeys(settle.tried))
