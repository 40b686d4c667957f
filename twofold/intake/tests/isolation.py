"""Household objects of the intake app for api/tests/test_isolation.py: kwarg name -> one object."""

from __future__ import annotations

from django.db import models

from twofold.households.models import Child, Member
from twofold.intake.services import keep_writing, share_summary


def household_objects(*, parent: Member, other_parent: Member, child: Child) -> dict[str, models.Model]:
    """A writing whose summary is shared: sharing, withdrawing and reading it are walked as well."""
    writing = keep_writing(author=parent, text="I haven't slept in days.")
    return {"writing_id": share_summary(writing=writing, situations=["sleep_deprivation"])}
