"""Input fields shared by the adapter's resources, read as Baby Buddy reads them."""

from __future__ import annotations

from typing import Any

from django.db.models import Model, QuerySet
from rest_framework import serializers

from twofold.babybuddy.models import Timer
from twofold.households.api import CHOOSE_CHILD, ScopedPrimaryKeyField, User, children_for_user
from twofold.households.models import Child, Household
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


class InYourHouseholds(ScopedPrimaryKeyField):
    """A child or timer of the caller's households, as the view already read them (`households` in the
    context, by id): the look-up is one indexed row with no join or subquery, and what it finds carries the
    household in memory rather than reading it again. Without that context it is scoped as any API field."""

    def _households(self) -> dict[int, Household] | None:
        households: dict[int, Household] | None = self.context.get("households")
        return households

    def get_queryset(self) -> QuerySet[Any]:
        households = self._households()
        if households is None:
            return super().get_queryset()
        return self.narrowed(list(households))

    def narrowed(self, household_ids: list[int]) -> QuerySet[Any]:
        raise NotImplementedError

    def to_internal_value(self, data: Any) -> Model:
        found = super().to_internal_value(data)
        households = self._households() or {}
        for obj in (found, getattr(found, "child", None)):
            held: Any = obj  # a Child or a Timer: both have their household
            if held is not None and held.household_id in households:
                held.household = households[held.household_id]
        return found


class ChildField(InYourHouseholds):
    def narrowed(self, household_ids: list[int]) -> QuerySet[Child]:
        return Child.objects.filter(household_id__in=household_ids)


class TimerField(InYourHouseholds):
    def narrowed(self, household_ids: list[int]) -> QuerySet[Timer]:
        return Timer.objects.filter(household_id__in=household_ids).select_related("child")


def child_field(**kwargs: Any) -> ChildField:
    return ChildField(queryset=Child.objects.none(), scope=children_for_user, message=CHOOSE_CHILD, **kwargs)


def _timers_for_user(*, user: User) -> QuerySet[Timer]:
    return Timer.objects.filter(household_id__in=household_ids_for_user(user_id=user.pk)).select_related(
        "child", "child__household", "household", "member"
    )


def timer_field(**kwargs: Any) -> TimerField:
    return TimerField(queryset=Timer.objects.none(), scope=_timers_for_user, message=CHOOSE_TIMER, **kwargs)
