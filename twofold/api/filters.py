"""The care log's list filters, parsed like any input: a bad value is a 400 naming the parameter."""

from __future__ import annotations

from typing import Any
from zoneinfo import ZoneInfo

from rest_framework import serializers

from twofold.care.models import Kind
from twofold.care.selectors import HistoryFilter
from twofold.households.api import HouseholdDateTimeField, child_field, in_household_time, member_field
from twofold.households.models import Child
from twofold.households.selectors import active_memberships

UNTIL_BEFORE_SINCE = "“until” is before “since”: swap them."
WHICH_CLOCK = (
    "Your households keep different clocks: add the UTC offset to the time (such as +01:00), or choose a "
    "child, whose household's clock is then used."
)


class EventFilterSerializer(serializers.Serializer[HistoryFilter]):
    child = child_field(required=False, help_text="Only this child's care.")
    kind = serializers.ChoiceField(choices=Kind.choices, required=False, help_text="Only this kind.")
    by = member_field(include_former=True, required=False, help_text="Only care done by this member.")
    since = HouseholdDateTimeField(
        required=False, help_text="Started at or after this time (ISO 8601; without offset, household time)."
    )
    until = HouseholdDateTimeField(
        required=False, help_text="Started before this time (ISO 8601; without offset, household time)."
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        naive = [name for name in ("since", "until") if attrs.get(name) and attrs[name].tzinfo is None]
        if naive:
            attrs = in_household_time(attrs, self._zone(attrs, naive))
        since, until = attrs.get("since"), attrs.get("until")
        if since and until and until < since:
            raise serializers.ValidationError({"until": UNTIL_BEFORE_SINCE})
        return attrs

    def _zone(self, attrs: dict[str, Any], naive: list[str]) -> ZoneInfo:
        """The chosen child's household's zone, or the one zone of all the caller's households."""
        child: Child | None = attrs.get("child")
        if child is not None:
            return child.household.zone
        user = self.context["request"].user
        zones = {m.household.time_zone for m in active_memberships(user_id=user.pk)}
        if len(zones) > 1:
            raise serializers.ValidationError(dict.fromkeys(naive, WHICH_CLOCK))
        return ZoneInfo(zones.pop()) if zones else ZoneInfo("UTC")

    def history_filter(self) -> HistoryFilter:
        data = self.validated_data
        return HistoryFilter(
            child_id=data["child"].pk if data.get("child") else None,
            kind=data.get("kind"),
            by_id=data["by"].pk if data.get("by") else None,
            since=data.get("since"),
            until=data.get("until"),
        )
