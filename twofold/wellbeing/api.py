"""Screening results over the API: the caller's own finished results, and those another parent shared.

The same privacy as the pages: helpers see none, another household's id is a 404, and the answers go only
to the parent who gave them, never to a partner a result was shared with. A result with a self-harm answer
or in the top band carries the same resources the result page shows: the emergency number and the lines
for the household's country.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Exists, F, OuterRef, Q, QuerySet
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response

from twofold.households import crisis
from twofold.households.api import ScopedViewSet
from twofold.households.models import Role
from twofold.households.professionals import in_local_words
from twofold.households.selectors import active_memberships, still_a_member
from twofold.sealing import SEALED_WITH_ANOTHER_KEY, CannotUnseal
from twofold.wellbeing.instruments import SAFETY_MESSAGE, SCORABLE, SCREEN_NOT_DIAGNOSIS
from twofold.wellbeing.models import EarlierResults, Screening
from twofold.wellbeing.selectors import stored_result
from twofold.wellbeing.services import answers_of
from twofold.wellbeing.viewing import note_shown


def screenings_for_user(*, user: AbstractBaseUser | AnonymousUser) -> QuerySet[Screening]:
    """Finished results the user may read: their own, as a current parent or from a household they are no
    longer in, and those shared with them by another current parent of the same household (results shared
    before the user joined only once the sharer shows them). Helpers see none of others'."""
    parent_of = active_memberships(user_id=user.pk).filter(role=Role.PARENT)
    # One's own results stay one's own after leaving or being removed (user.pk is None for the anonymous).
    former = Q(member__user_id=user.pk, member__left_at__isnull=False) if user.pk else Q(pk__in=[])
    # Shared since the user joined that household, or earlier and then shown to them by the sharer.
    since_joining = Exists(
        parent_of.filter(household_id=OuterRef("household_id"), joined_at__lte=OuterRef("shared_at"))
    )
    shown_earlier = Exists(
        EarlierResults.objects.filter(
            sharer=OuterRef("member"),
            joiner__in=parent_of.values("pk"),
            joined_at=F("joiner__joined_at"),
            show=True,
        )
    )
    shared = (
        still_a_member("member")
        & Q(household_id__in=parent_of.values("household_id"), shared=True, member__role=Role.PARENT)
        & (Q(since_joining) | Q(shown_earlier))
    )
    return (
        Screening.objects.filter(finished_at__isnull=False)
        .filter(Q(member__in=parent_of.values("pk")) | former | shared)
        .select_related("member", "household")
        .order_by("-finished_at", "-id")
    )


# --- Shapes -------------------------------------------------------------------------------------------


class ContactSerializer(serializers.Serializer[dict[str, Any]]):
    how = serializers.ChoiceField(choices=sorted(crisis.CONTACT_KINDS))
    value = serializers.CharField(help_text="A number, address or link; for `advice`, what to do.")
    dial = serializers.CharField(help_text="Digits only, for tel: and sms: links; empty otherwise.")
    note = serializers.CharField(allow_blank=True)


class LineSerializer(serializers.Serializer[dict[str, Any]]):
    name = serializers.CharField()
    kind = serializers.ChoiceField(choices=[kind.value for kind in crisis.Kind])
    # The API's field is called label, which shadows Field.label (a str) in the stubs; DRF keeps them apart.
    label = serializers.CharField(  # type: ignore[assignment]
        help_text="What it is for; support lines say they are not crisis lines."
    )
    is_crisis_line = serializers.BooleanField()
    purpose = serializers.CharField()
    hours = serializers.CharField(allow_null=True)
    contacts = ContactSerializer(many=True)


class ResourcesSerializer(serializers.Serializer[dict[str, Any]]):
    country = serializers.CharField(help_text="The household's country code, or `other` for the fallback.")
    country_name = serializers.CharField()
    emergency_number = serializers.CharField(help_text="The emergency number(s), such as 999 or 112 or 999.")
    safety_message = serializers.CharField(
        allow_null=True, help_text="Set when a self-harm answer was above 0: talk to someone today."
    )
    if_you_ever_feel_unsafe = serializers.CharField()
    lines = LineSerializer(many=True, help_text="Emergency first, then crisis lines, then support lines.")


class SharedBySerializer(serializers.Serializer[dict[str, Any]]):
    id = serializers.IntegerField(help_text="The member who took it and shared it with you.")
    name = serializers.CharField()


class AnswerSerializer(serializers.Serializer[dict[str, Any]]):
    item = serializers.IntegerField(help_text="The question's number.")
    position = serializers.IntegerField(help_text="The answer's position down the page, 0 at the top.")
    label = serializers.CharField()  # type: ignore[assignment]  # shadows Field.label, as in LineSerializer
    score = serializers.IntegerField()


class ScreeningSerializer(serializers.Serializer[dict[str, Any]]):
    id = serializers.IntegerField()
    household = serializers.IntegerField()
    instrument = serializers.CharField(help_text="phq2, phq9, gad2, gad7 or epds.")
    instrument_name = serializers.CharField()
    started_at = serializers.DateTimeField()
    finished_at = serializers.DateTimeField()
    total = serializers.IntegerField(allow_null=True, help_text="null when `sealed_note` is set.")
    max_total = serializers.IntegerField(allow_null=True)
    band = serializers.CharField(allow_null=True, help_text="The band's key; null when `sealed_note` is set.")
    band_label = serializers.CharField(allow_null=True)
    sealed_note = serializers.CharField(
        allow_null=True,
        help_text=(
            "Set when this result was sealed with a key the server no longer has (or is damaged): it cannot "
            "be opened, the result's fields are null and this says what to do. null otherwise."
        ),
    )
    safety_flag = serializers.BooleanField(help_text="A self-harm answer above 0, whatever the total.")
    top_band = serializers.BooleanField(
        help_text="In the instrument's top band: talk to a professional soon."
    )
    follow_up = serializers.CharField(
        allow_null=True, help_text="The longer questionnaire to take next (after a PHQ-2 or GAD-2), if any."
    )
    not_a_diagnosis = serializers.CharField()
    shared_by = SharedBySerializer(allow_null=True, help_text="null for your own results.")
    resources = ResourcesSerializer(
        allow_null=True, help_text="Present when safety_flag or top_band is set; null otherwise."
    )


class ScreeningDetailSerializer(ScreeningSerializer):
    answers = AnswerSerializer(
        many=True,
        allow_null=True,
        help_text="Only for the parent who took it; null for a shared result, or when `sealed_note` is set.",
    )


def resources_document(country: str, *, safety_flag: bool) -> dict[str, Any]:
    lines = crisis.lines_for(country)
    return {
        "country": lines.code,
        "country_name": lines.name,
        "emergency_number": lines.emergency_numbers,
        "safety_message": in_local_words(SAFETY_MESSAGE, lines.code) if safety_flag else None,
        "if_you_ever_feel_unsafe": lines.unsafe_line,
        "lines": [
            {
                "name": line.name,
                "kind": line.kind.value,
                "label": line.label,
                "is_crisis_line": line.is_crisis_line,
                "purpose": line.purpose,
                "hours": line.hours,
                "contacts": [
                    {"how": c.how, "value": c.value, "dial": c.dial, "note": c.note} for c in line.contacts
                ],
            }
            for line in lines.lines
        ],
    }


def screening_document(screening: Screening, *, user_id: int | None, with_answers: bool) -> dict[str, Any]:
    """The API's document for a screening, as `user_id` may see it; None (anonymous) owns no screening."""
    try:
        result = stored_result(screening) or {}
        sealed_note = None
    except CannotUnseal:
        result, sealed_note = {}, SEALED_WITH_ANOTHER_KEY
    instrument = SCORABLE[screening.instrument]
    own = screening.member.user_id == user_id
    flagged = bool(result.get("safety_flag")) or bool(result.get("top_band"))
    document = {
        "id": screening.pk,
        "household": screening.household_id,
        "instrument": screening.instrument,
        "instrument_name": instrument.short_name,
        "started_at": screening.started_at,
        "finished_at": screening.finished_at,
        "total": result.get("total"),
        "max_total": result.get("max_total"),
        "band": result.get("band"),
        "band_label": result.get("band_label"),
        "sealed_note": sealed_note,
        "safety_flag": bool(result.get("safety_flag")),
        "top_band": bool(result.get("top_band")),
        "follow_up": result.get("follow_up"),
        "not_a_diagnosis": SCREEN_NOT_DIAGNOSIS,
        "shared_by": None if own else {"id": screening.member_id, "name": screening.member.display_name},
        "resources": (
            resources_document(screening.household.country, safety_flag=bool(result.get("safety_flag")))
            if flagged
            else None
        ),
    }
    if with_answers:
        document["answers"] = _answers(screening) if own and sealed_note is None else None
    return document


def _answers(screening: Screening) -> list[dict[str, Any]]:
    instrument = SCORABLE[screening.instrument]
    answers = answers_of(screening)
    rows = []
    for number, position in sorted(answers.items()):
        option = instrument.item(number).options[position]
        rows.append({"item": number, "position": position, "label": option.label, "score": option.score})
    return rows


def _readable(screenings: list[Screening], documents: list[dict[str, Any]]) -> list[Screening]:
    """The screenings whose result went out (one no key opens showed nothing of it)."""
    return [s for s, d in zip(screenings, documents, strict=True) if d["sealed_note"] is None]


# --- Views --------------------------------------------------------------------------------------------


@extend_schema_view(
    list=extend_schema(
        summary="Your screening results, and those shared with you",
        description=(
            "Your own finished questionnaires in the households where you are a parent (and in those you "
            "have left or were removed from, which stay yours), newest first, and "
            "the results another parent chose to share with you (`shared_by` set). Helpers get an empty "
            "list. When `safety_flag` or `top_band` is set, `resources` carries the emergency number and "
            "the lines for the household's country."
        ),
        responses=ScreeningSerializer(many=True),
        tags=["wellbeing"],
    ),
    retrieve=extend_schema(
        summary="One screening result",
        description=(
            "The same fields, plus the answers when you took it yourself (null on a result shared with "
            "you). Anyone else's result, and any other household's, is a 404."
        ),
        responses=ScreeningDetailSerializer,
        tags=["wellbeing"],
    ),
)
class ScreeningViewSet(ScopedViewSet):
    queryset = Screening.objects.none()
    serializer_class = ScreeningSerializer

    def get_queryset(self) -> QuerySet[Screening]:
        return screenings_for_user(user=self.request.user)

    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset())
        documents = [screening_document(s, user_id=request.user.pk, with_answers=False) for s in page or []]
        note_shown(user=request.user, screenings=_readable(page or [], documents))
        # drf-stubs type a plain Serializer's instance as one item, even with many=True.
        serializer = ScreeningSerializer(documents, many=True)  # type: ignore[arg-type]
        return self.get_paginated_response(serializer.data)

    def retrieve(self, request: Request, pk: int) -> Response:
        screening = self.get_object()
        document = screening_document(screening, user_id=request.user.pk, with_answers=True)
        note_shown(user=request.user, screenings=_readable([screening], [document]))
        return Response(ScreeningDetailSerializer(document).data)
