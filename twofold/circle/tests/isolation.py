"""Household objects of the circle for api/tests/test_isolation.py: kwarg name -> one object."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils import timezone

from twofold.circle import services
from twofold.households.models import Child, Member, Role


def household_objects(*, parent: Member, other_parent: Member, child: Child) -> dict[str, models.Model]:
    """A request for a meal tomorrow, and a standing offer of the household's helper."""
    now = timezone.now()
    starts = now + dt.timedelta(days=1)
    request = services.ask(
        member=parent, kind="meal", starts=starts, ends=starts + dt.timedelta(hours=1), now=now
    )
    helper = Member.objects.current().filter(household_id=parent.household_id, role=Role.HELPER).first()
    if helper is None:
        raise LookupError("The isolation test's households each have a helper.")
    offer = services.add_offer(member=helper, kind="meal", words="Soup on Sundays")
    return {"request_id": request, "offer_id": offer}
