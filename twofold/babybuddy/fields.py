"""Input fields shared by the adapter's resources, read as Baby Buddy reads them."""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from rest_framework import serializers

from twofold.babybuddy.models import Timer
from twofold.households.api import ScopedPrimaryKeyField, User
from twofold.households.selectors import household_ids_for_user

NO_TAGS = "Twofold has no tags: send the entry without them (an empty list is fine)."
CHOOSE_TIMER = "Choose one of your household's running timers."


class TagsField(serializers.Field[list[str], Any, Any, Any]):
    """Baby Buddy's `tags`: a list of names, or a comma-separated string. Twofold keeps none, so only an
    empty one is accepted: nothing a client sends is silently dropped."""

    def to_internal_value(self, data: Any) -> list[str]:
        names = [n for n in (data.split(",") if isinstance(data, str) else data or []) if str(n).strip()]
        if names:
            raise serializers.ValidationError(NO_TAGS)
        return []

    def to_representation(self, value: list[str]) -> list[str]:
        return value


def _timers_for_user(*, user: User) -> QuerySet[Timer]:
    return Timer.objects.filter(household_id__in=household_ids_for_user(user_id=user.pk)).select_related(
        "child", "household", "member"
    )


def timer_field(**kwargs: Any) -> ScopedPrimaryKeyField:
    return ScopedPrimaryKeyField(
        queryset=Timer.objects.none(), scope=_timers_for_user, message=CHOOSE_TIMER, **kwargs
    )
