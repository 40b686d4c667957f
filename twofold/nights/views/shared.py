"""Small pieces the nights pages share: how a night is named, a date read from a form, errors put in place."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError

from twofold.nights import presenters
from twofold.nights.models import NightPlan


def day_label(day: dt.date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def date_from(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text or "")
    except ValueError:
        return None


def add_errors(form: Any, error: ValidationError) -> None:
    for field, messages_ in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages_)


def plan_summary(plan: NightPlan | None, names: dict[int, str], zone: Any) -> str | None:
    if plan is None:
        return None
    return presenters.shift_line(
        [(names.get(s.member_id, "?"), s.start, s.end) for s in plan.shifts.all()], zone
    )
