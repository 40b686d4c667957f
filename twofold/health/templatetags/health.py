"""Formatting only, for the summary."""

from __future__ import annotations

from django import template

from twofold.health.summary import hours_and_minutes

register = template.Library()


@register.filter
def duration(minutes: int) -> str:
    return hours_and_minutes(minutes) if minutes else "–"
