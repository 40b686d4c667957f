"""Any change to the care log forgets the remembered night it falls in, whoever made the change."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from twofold.care.models import CareEvent
from twofold.households.models import Household
from twofold.insights.periods import in_night
from twofold.insights.records import forget


def night_containing(moment: dt.datetime, household: Household) -> dt.date | None:
    """The date of the night (by the evening it began) that a moment falls in, or None in the daytime."""
    local = moment.astimezone(household.zone)
    start, end = household.night_start, household.night_end
    if not in_night(local.time(), start, end):
        return None
    wraps = start > end
    return local.date() - dt.timedelta(days=1) if wraps and local.time() < end else local.date()


def _forget(event: CareEvent, moments: list[dt.datetime | None]) -> None:
    household = event.household  # services set it, so this costs no query
    found = (night_containing(m, household) for m in moments if m is not None)
    nights = {night for night in found if night is not None}
    if nights:
        forget(household_id=event.household_id, nights=nights)


@receiver(pre_save, sender=CareEvent)
def remember_old_start(sender: type[CareEvent], instance: CareEvent, **kwargs: Any) -> None:
    # An edit can move an event out of a night: that night must be forgotten too.
    if instance.pk is not None:
        # A note for post_save on this same instance; CareEvent does not declare it, so mypy cannot see it.
        instance._times_before_save = list(  # type: ignore[attr-defined]
            CareEvent.objects.filter(pk=instance.pk).values_list("start", "end").first() or ()
        )


@receiver(post_save, sender=CareEvent)
def forget_nights_on_save(sender: type[CareEvent], instance: CareEvent, **kwargs: Any) -> None:
    # Care carried over a night's start costs that night's sleep too, so the night its end falls in goes.
    _forget(instance, [instance.start, instance.end, *getattr(instance, "_times_before_save", [])])


@receiver(post_delete, sender=CareEvent)
def forget_nights_on_delete(sender: type[CareEvent], instance: CareEvent, **kwargs: Any) -> None:
    _forget(instance, [instance.start, instance.end])
