"""The care log's list filters, parsed like any input: a bad value is a 400 naming the parameter."""

from __future__ import annotations

from typing import Any

from rest_framework import serializers

from twofold.care.models import Kind
from twofold.care.selectors import HistoryFilter
from twofold.households.api import child_field, member_field

UNTIL_BEFORE_SINCE = "“until” is before “since”: swap them."


class EventFilterSerializer(serializers.Serializer[HistoryFilter]):
    child = child_field(required=False, help_text="Only this child's care.")
    kind = serializers.ChoiceField(choices=Kind.choices, required=False, help_text="Only this kind.")
    by = member_field(include_former=True, required=False, help_text="Only care done by this member.")
    since = serializers.DateTimeField(required=False, help_text="Started at or after this time (ISO 8601).")
    until = serializers.DateTimeField(required=False, help_text="Started before this time (ISO 8601).")

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        since, until = attrs.get("since"), attrs.get("until")
        if since and until and until < since:
            raise serializers.ValidationError({"until": UNTIL_BEFORE_SINCE})
        return attrs

    def history_filter(self) -> HistoryFilter:
        data = self.validated_data
        return HistoryFilter(
            child_id=data["child"].pk if data.get("child") else None,
            kind=data.get("kind"),
            by_id=data["by"].pk if data.get("by") else None,
            since=data.get("since"),
            until=data.get("until"),
        )
