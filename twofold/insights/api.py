"""The weekly report over the API: the same document as `twofold report --format json`, for parents only.

A helper, an outsider and a household id that does not exist all get the same 404, so the endpoint
never tells anyone which households exist or who is in them.
"""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from twofold.households.api import id_field, parent_household_for
from twofold.insights.selectors import week_report_for
from twofold.insights.serialize import report_document, requested_week

NOT_YOURS = "No weekly report here: it is for the parents of a household you belong to."


class WeekReportQuerySerializer(serializers.Serializer[dict[str, object]]):
    week = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text="The ISO week, such as 2026-W47. Default: this week, in the household's time zone.",
    )
    household = id_field(
        required=False,
        help_text="The household's id. Needed only when you belong to more than one household.",
    )


# --- The document's shape, for the schema only: serialize.report_document builds it ---------------------


class ReportHouseholdSerializer(serializers.Serializer[dict[str, object]]):
    id = serializers.IntegerField()
    name = serializers.CharField()


class ReportWeekSerializer(serializers.Serializer[dict[str, object]]):
    label = serializers.CharField(help_text="The ISO week, such as 2026-W47.")  # type: ignore[assignment]  # the API field is named "label"; the stubs type Field.label as a string
    first_day = serializers.DateField(help_text="Monday, in the household's time zone.")
    last_day = serializers.DateField(help_text="Sunday, in the household's time zone (the last day counted).")
    start = serializers.DateTimeField(help_text="Monday 00:00 local, in UTC.")
    end = serializers.DateTimeField(help_text="The next Monday 00:00 local, in UTC (not included).")


class ReportNightWindowSerializer(serializers.Serializer[dict[str, object]]):
    start = serializers.CharField(help_text="Local clock time the night starts, HH:MM.")
    end = serializers.CharField(help_text="Local clock time the night ends, HH:MM.")
    time_zone = serializers.CharField()


class ReportTotalsSerializer(serializers.Serializer[dict[str, object]]):
    events = serializers.IntegerField(help_text="Care events logged this week (notes left out).")
    care_minutes = serializers.FloatField()
    night_events = serializers.IntegerField()
    night_wakings = serializers.IntegerField(help_text="Times someone got up: events close together are one.")
    nights_begun = serializers.IntegerField()
    nights_ended = serializers.IntegerField()


class ReportKindTallySerializer(serializers.Serializer[dict[str, object]]):
    events = serializers.IntegerField()
    minutes = serializers.FloatField()


class ReportPersonSerializer(serializers.Serializer[dict[str, object]]):
    id = serializers.IntegerField(help_text="The member's id.")
    name = serializers.CharField()
    role = serializers.ChoiceField(
        choices=["parent", "helper"], help_text="parent: a current parent, whose sleep the report follows."
    )
    events = serializers.IntegerField()
    event_share = serializers.FloatField(
        allow_null=True, help_text="Percent of the week's events, one decimal; null when none were logged."
    )
    care_minutes = serializers.FloatField()
    minute_share = serializers.FloatField(
        allow_null=True, help_text="Percent of the week's minutes of care; null when there were none."
    )
    day_events = serializers.IntegerField()
    night_events = serializers.IntegerField()
    night_wakings_handled = serializers.IntegerField()
    by_kind = serializers.DictField(
        child=ReportKindTallySerializer(), help_text="Events and minutes for each kind of care they did."
    )


class ReportStreaksSerializer(serializers.Serializer[dict[str, object]]):
    handled_every_waking_nights = serializers.IntegerField(
        help_text="Nights in a row, up to the last ended night, on which this parent handled every waking."
    )
    short_sleep_nights = serializers.IntegerField(
        help_text="Nights in a row on which this parent's longest sleep was under the short-sleep threshold."
    )


class ReportParentSerializer(serializers.Serializer[dict[str, object]]):
    id = serializers.IntegerField()
    name = serializers.CharField()
    average_longest_sleep_minutes = serializers.FloatField(
        allow_null=True, help_text="Over the nights that have ended; null before the first one ends."
    )
    streaks = ReportStreaksSerializer()


class ReportNightParentSerializer(serializers.Serializer[dict[str, object]]):
    id = serializers.IntegerField()
    longest_sleep_minutes = serializers.FloatField(
        help_text="The longest stretch of the night window free of this parent's wakings."
    )
    minutes_awake = serializers.FloatField(help_text="Their care, plus the resettling allowance per waking.")
    wakings_handled = serializers.IntegerField()


class ReportNightSerializer(serializers.Serializer[dict[str, object]]):
    date = serializers.DateField(help_text="The local day on whose evening the night starts.")
    start = serializers.DateTimeField()
    end = serializers.DateTimeField()
    complete = serializers.BooleanField(help_text="Whether the night has ended.")
    wakings = serializers.IntegerField()
    parents = ReportNightParentSerializer(many=True)


class ReportShareSerializer(serializers.Serializer[dict[str, object]]):
    id = serializers.IntegerField()
    percent = serializers.FloatField(allow_null=True, help_text="null in a week with no night wakings.")


class ReportTrendPointSerializer(serializers.Serializer[dict[str, object]]):
    week = serializers.CharField()
    wakings = serializers.IntegerField()
    night_share = ReportShareSerializer(many=True)


class ReportThresholdsSerializer(serializers.Serializer[dict[str, object]]):
    resettle_allowance_minutes = serializers.IntegerField()
    short_sleep_minutes = serializers.IntegerField()
    short_sleep_nights = serializers.IntegerField()
    waking_gap_minutes = serializers.IntegerField()
    source = serializers.CharField(  # type: ignore[assignment]  # the API field is named "source"; the stubs type Field.source as a string
        help_text="Where the numbers come from: Twofold's own, not clinical cut-offs."
    )


class WeekReportSerializer(serializers.Serializer[dict[str, object]]):
    household = ReportHouseholdSerializer()
    week = ReportWeekSerializer()
    night_window = ReportNightWindowSerializer()
    sentences = serializers.ListField(child=serializers.CharField(), help_text="The week in plain words.")
    totals = ReportTotalsSerializer()
    people = ReportPersonSerializer(many=True, help_text="Everyone who has been a member; parents first.")
    parents = ReportParentSerializer(many=True)
    nights = ReportNightSerializer(many=True, help_text="This week's nights that have begun, in order.")
    trend = ReportTrendPointSerializer(many=True, help_text="Night wakings over the 8 weeks up to this one.")
    thresholds = ReportThresholdsSerializer()


class WeekReportView(APIView):
    @extend_schema(
        summary="The weekly report (parents only)",
        description=(
            "One week of the household, as the Us page shows it: who handled the night wakings, each "
            "parent's longest sleep, shares of care, an 8-week trend and the thresholds behind them. "
            "Helpers and other households get 404."
        ),
        parameters=[WeekReportQuerySerializer],
        responses={
            200: OpenApiResponse(WeekReportSerializer, description="The week's report."),
            400: OpenApiResponse(
                description="A week that is malformed or still to come (under `week`), or no `household` "
                "given by someone in several households (under `household`)."
            ),
            404: OpenApiResponse(description="Not a parent of that household, or no such household."),
        },
        tags=["insights"],
    )
    def get(self, request: Request) -> Response:
        query = WeekReportQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        household = parent_household_for(
            user=request.user, household_id=query.validated_data.get("household"), not_yours=NOT_YOURS
        )
        now = timezone.now()
        try:
            monday = requested_week(
                query.validated_data.get("week"), today=now.astimezone(household.zone).date()
            )
        except ValueError as error:
            raise serializers.ValidationError({"week": [str(error)]}) from None
        report = week_report_for(household=household, monday=monday, now=now)
        return Response(report_document(report, household))
