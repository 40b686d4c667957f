"""Household objects of the bonding app for api/tests/test_isolation.py: kwarg name -> one object."""

from __future__ import annotations

from django.db import models

from twofold.bonding.services import start_plan
from twofold.households.models import Child, Member


def household_objects(*, parent: Member, other_parent: Member, child: Child) -> dict[str, models.Model]:
    # "plan_id" in the pages' URLs; the API's plans/{pk}/ finds the model through the viewset's queryset.
    return {"plan_id": start_plan(member=parent, child=child)}
