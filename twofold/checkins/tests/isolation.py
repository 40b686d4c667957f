"""Household objects of the checkins app for api/tests/test_isolation.py: kwarg name -> one object."""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.utils import timezone

from twofold.checkins.models import Agreement
from twofold.checkins.selectors import current_state
from twofold.checkins.services import review_agreement, submit_checkin
from twofold.households.models import Child, Member

ANSWERS = {"care_share": 60, "night_share": 70, "fairness": 5, "sleep": 4, "mood": 6, "connection": 7}


def household_objects(*, parent: Member, other_parent: Member, child: Child) -> dict[str, models.Model]:
    """The parent's own answers (so their own list shows them), an agreement of last week, and their
    review of it; the other parent has not answered, so nothing is revealed."""
    now = timezone.now()
    monday = current_state(household=parent.household, now=now).monday
    agreement = Agreement.objects.create(
        household=parent.household, author=parent, week=monday - dt.timedelta(weeks=1), text="I do the bath."
    )
    review = review_agreement(member=parent, agreement=agreement, outcome="kept", now=now)
    checkin = submit_checkin(member=parent, answers=ANSWERS, now=now)
    return {"agreement_id": agreement, "checkin": checkin, "checkin_id": checkin, "agreement_review": review}
