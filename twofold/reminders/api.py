"""A member's own reminder settings and push devices over the API: read, change, remove; nobody else's.

Settings are a member's, and a person is one member in each household they belong to: so they are keyed by
the household's id, and always the caller's own there. Another member's settings have no URL at all, and a
household the caller is not in is a 404 like one that does not exist. Devices are the person's own, as on
the Reminders page.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from django.contrib.auth.models import User
from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from twofold.households.api import HOUSEHOLD_ZONE, HouseholdDateTimeField, ScopedViewSet, acting_member
from twofold.households.models import Household, Member
from twofold.households.selectors import active_memberships
from twofold.nights.api.preferences import ClockTimeField
from twofold.push import selectors as push_selectors
from twofold.push import services as push_services
from twofold.push.models import PushDevice
from twofold.reminders import selectors, services
from twofold.reminders.forms import BLOCK_CHOICES
from twofold.reminders.models import EmailWhen, ReminderSettings
from twofold.reminders.topics import LABELS, Topic

QUIET_BOTH = "Give quiet hours both a start and an end, or leave both empty."
QUIET_LENGTH = "Quiet hours need a length: make the end differ from the start."
PAUSE_AHEAD = "Pause until a time still ahead, or send null to resume now."


class TopicsSerializer(serializers.Serializer[dict[str, bool]]):
    """Each kind of reminder, on or off; a kind left out keeps its value."""

    def get_fields(self) -> dict[str, serializers.Field[Any, Any, Any, Any]]:
        return {t.value: serializers.BooleanField(required=False, help_text=LABELS[t]) for t in Topic}


class ReminderSettingsSerializer(serializers.Serializer[dict[str, Any]]):
    id = serializers.IntegerField(read_only=True, help_text="The household's id: these are yours there.")
    household = serializers.IntegerField(read_only=True)
    member = serializers.IntegerField(read_only=True, help_text="Your member id in that household.")
    topics = TopicsSerializer(required=False)
    in_my_block = serializers.ListField(
        child=serializers.ChoiceField(choices=BLOCK_CHOICES),
        max_length=len(BLOCK_CHOICES),
        required=False,
        help_text="Baby reminders that may still reach you inside your protected block (none by default).",
    )
    night_reminders = serializers.BooleanField(
        required=False, help_text="On a night with no plan, get the baby's reminders at night."
    )
    quiet_from = ClockTimeField(
        allow_null=True, required=False, help_text="Quiet hours' start, household time."
    )
    quiet_until = ClockTimeField(
        allow_null=True, required=False, help_text="Quiet hours' end, household time."
    )
    paused_until = HouseholdDateTimeField(
        allow_null=True, required=False, help_text="Nothing is sent to you until then; null when not paused."
    )
    email = serializers.ChoiceField(
        choices=EmailWhen.choices,
        required=False,
        help_text="never, fallback (when no device got it), always.",
    )


def settings_document(member: Member, choice: ReminderSettings, now: dt.datetime) -> dict[str, Any]:
    paused = choice.paused_until if choice.paused_until and choice.paused_until > now else None
    return {
        "id": member.household_id,
        "household": member.household_id,
        "member": member.pk,
        "topics": {t.value: t.value in choice.topics for t in Topic},
        "in_my_block": sorted(choice.in_my_block),
        "night_reminders": choice.night_reminders,
        "quiet_from": choice.quiet_from,
        "quiet_until": choice.quiet_until,
        "paused_until": paused,
        "email": choice.email,
    }


def merged_settings(current: dict[str, Any], changes: dict[str, Any], now: dt.datetime) -> dict[str, Any]:
    """The settings after `changes`, or a ValidationError naming the fields that do not fit together."""
    merged = current | changes | {"topics": current["topics"] | changes.get("topics", {})}
    start, end = merged["quiet_from"], merged["quiet_until"]
    if (start is None) != (end is None):
        raise serializers.ValidationError({"quiet_until" if end is None else "quiet_from": [QUIET_BOTH]})
    if start is not None and start == end:
        raise serializers.ValidationError({"quiet_until": [QUIET_LENGTH]})
    if "paused_until" in changes and changes["paused_until"] is not None and changes["paused_until"] <= now:
        raise serializers.ValidationError({"paused_until": [PAUSE_AHEAD]})
    return merged


@extend_schema_view(
    list=extend_schema(summary="Your reminder settings, one for each household you belong to"),
    retrieve=extend_schema(summary="Your reminder settings in one household (by the household's id)"),
    partial_update=extend_schema(summary="Change your reminder settings; what you leave out stays"),
)
@extend_schema(tags=["reminders"])
class ReminderSettingsViewSet(ScopedViewSet):
    """Keyed by household: the caller's own settings there; a household they are not in is a 404, whatever
    the method."""

    queryset = Household.objects.none()
    serializer_class = ReminderSettingsSerializer

    def get_queryset(self) -> QuerySet[Household]:
        mine = active_memberships(user_id=self.request.user.pk).values("household_id")
        return Household.objects.filter(pk__in=mine).order_by("pk")

    def _member(self) -> Member:
        household = self.get_object()
        return acting_member(user=self.request.user, household_id=household.pk)

    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset()) or []
        members = (
            active_memberships(user_id=request.user.pk).filter(household__in=page).order_by("household_id")
        )
        now = timezone.now()
        return self.get_paginated_response(
            [settings_document(m, selectors.settings_for(m), now) for m in members]
        )

    def retrieve(self, request: Request, pk: int) -> Response:
        member = self._member()
        return Response(settings_document(member, selectors.settings_for(member), timezone.now()))

    def partial_update(self, request: Request, pk: int) -> Response:
        member = self._member()
        now = timezone.now()
        context = {**self.get_serializer_context(), HOUSEHOLD_ZONE: member.household.zone}
        serializer = ReminderSettingsSerializer(data=request.data, partial=True, context=context)
        serializer.is_valid(raise_exception=True)
        current = settings_document(member, selectors.settings_for(member), now)
        merged = merged_settings(current, dict(serializer.validated_data), now)
        merged["topics"] = [name for name, on in merged["topics"].items() if on]
        services.save_settings(member=member, data=merged)
        if "paused_until" in serializer.validated_data:
            services.pause(member=member, until=merged["paused_until"])
        return Response(settings_document(member, selectors.settings_for(member), now))


class PushDeviceSerializer(serializers.ModelSerializer[PushDevice]):
    class Meta:
        model = PushDevice
        fields = ["id", "name", "created_at", "last_reached_at", "last_problem"]
        read_only_fields = fields


@extend_schema_view(
    list=extend_schema(summary="The devices where you allowed Twofold's notifications"),
    retrieve=extend_schema(summary="One of your devices"),
    destroy=extend_schema(summary="Stop notifications on one of your devices"),
)
@extend_schema(tags=["reminders"])
class PushDeviceViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.DestroyModelMixin, ScopedViewSet
):
    """The caller's own devices (a device is a person's, whichever household a reminder is for); anyone
    else's is a 404. A device is added by allowing notifications in its browser, not here."""

    queryset = PushDevice.objects.none()
    serializer_class = PushDeviceSerializer

    def get_queryset(self) -> QuerySet[PushDevice]:
        # Behind IsAuthenticated (settings): never an anonymous visitor here.
        return push_selectors.devices_of(user=cast(User, self.request.user))

    def perform_destroy(self, instance: PushDevice) -> None:
        push_services.remove_device(device=instance)
