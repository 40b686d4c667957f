"""Household objects of the nights app for api/tests/test_isolation.py: kwarg name -> one object."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils import timezone

from twofold.households.models import Child, Member
from twofold.nights.selectors import tonight
from twofold.nights.services import make_plan


def household_objects(*, parent: Member, other_parent: Member, child: Child) -> dict[str, models.Model]:
    """Tomorrow night's plan (tonight may already be planned by another test's setup)."""
    now = timezone.now()
    day = tonight(parent.household, now) + dt.timedelta(days=1)
    return {"night_plan_id": make_plan(member=parent, day=day, now=now)}
