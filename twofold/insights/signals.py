"""Any change to the care log forgets the remembered nights it touches, whoever made the change."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from twofold.care.models import CareEvent
from twofold.insights.records import forget


@receiver(pre_save, sender=CareEvent)
def remember_old_start(sender: type[CareEvent], instance: CareEvent, **kwargs: Any) -> None:
    # An edit can move an event out of a night: that night must be forgotten too.
    if instance.pk is not None:
        instance._start_before_save = (  # type: ignore[attr-defined]
            CareEvent.objects.filter(pk=instance.pk).values_list("start", flat=True).first()
        )


@receiver(post_save, sender=CareEvent)
def forget_nights_on_save(sender: type[CareEvent], instance: CareEvent, **kwargs: Any) -> None:
    before = getattr(instance, "_start_before_save", None)
    forget(household_id=instance.household_id, moments=[instance.start, before])


@receiver(post_delete, sender=CareEvent)
def forget_nights_on_delete(sender: type[CareEvent], instance: CareEvent, **kwargs: Any) -> None:
    forget(household_id=instance.household_id, moments=[instance.start])
