"""Formatting only: no queries and no decisions in templates."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from django import template
from django.middleware.csrf import get_token

from twofold.care.day import ago as _ago
from twofold.care.day import clock_on_day
from twofold.care.kinds.medicine import format_hours
from twofold.care.labels import count_phrase, describe, event_label
from twofold.care.rows import EventRow
from twofold.care.timeline import TimelineItem, TimelineViewer, timeline_html
from twofold.households.models import Household
from twofold.households.units import units_of
from twofold.households.words import format_volume

register = template.Library()


@register.filter
def summary(event: EventRow, household: Household) -> str:
    return describe(event, household.locale, household.volume_unit, units_of(household))


@register.filter
def hours(minutes: int) -> str:
    """A medicine's gap in minutes as its form takes it, in hours: 240 reads "4"."""
    return format_hours(minutes)


@register.filter
def kind_label(kind: str, household: Household) -> str:
    return event_label(kind, household.locale)


@register.filter
def volume(ml: Decimal | None, household: Household) -> str:
    return format_volume(ml, household.volume_unit)


@register.simple_tag
def ago(then: dt.datetime | None, now: dt.datetime) -> str:
    return _ago(then, now)


@register.simple_tag
def clock(then: dt.datetime, now: dt.datetime, household: Household) -> str:
    """The time on the household's clock, with its day unless it is today (see care.day.clock_on_day)."""
    return clock_on_day(then, now, household.zone)


@register.filter
def minutes(total: int) -> str:
    hours, mins = divmod(int(total), 60)
    if hours:
        return f"{hours} h {mins:02d}"
    return f"{mins} min"


@register.filter
def get(mapping: Mapping[Any, object], key: object) -> object:
    return mapping.get(key)


@register.simple_tag
def counted(kind: str, count: int, household: Household) -> str:
    return count_phrase(kind, count, household.locale)


@register.simple_tag(takes_context=True)
def timeline_lines(
    context: template.Context,
    items: list[TimelineItem],
    show_date: bool = False,
    show_child: bool = False,
    respond: bool = False,
) -> str:
    """The timeline's lines, with an Edit link on each event the viewer may change; with `respond`, open
    responses get their one-tap buttons (Today)."""
    form = None
    member = context.get("member")
    if member is not None:
        request = context["request"]
        form = TimelineViewer(str(get_token(request)), request.get_full_path(), member.pk, member.is_parent)
    return timeline_html(
        items, show_date=bool(show_date), show_child=bool(show_child), respond=form, respond_buttons=respond
    )


@register.simple_tag
def new_client_id() -> str:
    """A fresh id for a form sent without the page's script; the script makes a new one at each tap."""
    return str(uuid.uuid4())
