"""The caller's Activity over the API: the audit entries that concern them, newest first, read-only.

Not scoped by household like the rest: an entry is the caller's because it concerns them, so entries from
a household they left (or that was deleted) stay listed, and nobody else's ever are.
"""

from __future__ import annotations

import zoneinfo
from dataclasses import asdict
from typing import Any

from django.conf import settings
from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from twofold.audit.models import Action, AuditEntry
from twofold.audit.selectors import as_activity, entries_for
from twofold.households.api import ScopedViewSet


class ActivitySerializer(serializers.Serializer[dict[str, Any]]):
    id = serializers.IntegerField()
    at = serializers.DateTimeField(help_text="When it happened.")
    action = serializers.ChoiceField(choices=Action.choices)
    words = serializers.CharField(
        help_text="The entry in plain words as you see it, such as “Sam viewed your PHQ-9 result of 3 Dec”."
    )
    detail = serializers.CharField(allow_blank=True, help_text="More about it, when the words do not say it.")
    household = serializers.IntegerField(allow_null=True, help_text="null once the household is deleted.")
    household_name = serializers.CharField(allow_blank=True, help_text="As it was named then.")
    actor_name = serializers.CharField(help_text="Who acted, as they were named then.")
    actor_is_you = serializers.BooleanField()
    about_name = serializers.CharField(allow_blank=True, help_text="Whom it was about, if anyone.")
    about_is_you = serializers.BooleanField()


def _document(entry: AuditEntry, user_id: int | None) -> dict[str, Any]:
    document = asdict(as_activity(entry, user_id=user_id, zone=zoneinfo.ZoneInfo(settings.TIME_ZONE)))
    document["household"] = document.pop("household_id")
    return document


@extend_schema_view(
    list=extend_schema(
        summary="Your activity: sensitive actions that concern you",
        description=(
            "The audit trail as the Activity page shows it: a shared result of yours viewed by someone "
            "else (or one you viewed), sharing turned on or off, a member removed, an app key made or "
            "revoked, an export downloaded, an account or household deleted. Only the entries that concern "
            "you, newest first, including those from households you have left."
        ),
        tags=["activity"],
    ),
)
class ActivityViewSet(ScopedViewSet):
    queryset = AuditEntry.objects.none()
    serializer_class = ActivitySerializer

    def get_queryset(self) -> QuerySet[AuditEntry]:
        return entries_for(user_id=self.request.user.pk)

    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset()) or []
        documents = [_document(entry, request.user.pk) for entry in page]
        # drf-stubs type a plain Serializer's instance as one item, even with many=True.
        serializer = ActivitySerializer(documents, many=True)  # type: ignore[arg-type]
        return self.get_paginated_response(serializer.data)
