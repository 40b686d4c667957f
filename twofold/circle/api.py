"""The support circle over the API: requests (ask, read, take, give back, mark, withdraw) and standing offers.

Scoped like every app's API: only the caller's current households, and within one, only the requests the
caller may see (a helper never learns that a request not shared with them exists: it is a 404).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from twofold.circle import rules, selectors, services
from twofold.circle.models import (
    MOST_HELPERS,
    NOTE_LIMIT,
    OFFER_LIMIT,
    PLACE_LIMIT,
    HelpRequest,
    Kind,
    Outcome,
    StandingOffer,
)
from twofold.households.api import (
    HouseholdDateTimeField,
    ScopedViewSet,
    acting_member,
    id_field,
    in_household_time,
    parent_household_for,
)
from twofold.households.models import Member
from twofold.households.selectors import active_memberships

REQUEST_STATES = [s.value for s in rules.RequestState]
PROMISE_STATES = [s.value for s in rules.PromiseState]
NO_SUCH_REQUEST = "No such request in your circle: use an id from GET /api/v1/circle/requests/."


class TakingSerializer(serializers.Serializer[dict[str, Any]]):
    member = serializers.IntegerField()
    name = serializers.CharField()
    state = serializers.ChoiceField(choices=PROMISE_STATES)
    taken_at = serializers.DateTimeField()
    given_back_at = serializers.DateTimeField(allow_null=True)
    care_logged = serializers.IntegerField(help_text="Care they logged during it.")


class RequestSerializer(serializers.Serializer[dict[str, Any]]):
    id = serializers.IntegerField()
    household = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=Kind.choices)
    starts = serializers.DateTimeField()
    ends = serializers.DateTimeField()
    night = serializers.DateField(allow_null=True, help_text="For a night: the evening it starts (local).")
    place = serializers.CharField(allow_blank=True)
    note = serializers.CharField(allow_blank=True)
    helpers_needed = serializers.IntegerField()
    for_everyone = serializers.BooleanField()
    shown_to = serializers.ListField(
        child=serializers.IntegerField(), help_text="Empty unless you are a parent."
    )
    asked_by = serializers.IntegerField(allow_null=True)
    state = serializers.ChoiceField(choices=REQUEST_STATES)
    can_take = serializers.BooleanField(help_text="Whether you can take it now.")
    takings = TakingSerializer(many=True)


class AskSerializer(serializers.Serializer[dict[str, Any]]):
    household = id_field(required=False, help_text="Needed only when you are in several households.")
    kind = serializers.ChoiceField(choices=Kind.choices)
    starts = HouseholdDateTimeField(help_text="With an offset, or on the household's clock without one.")
    ends = HouseholdDateTimeField()
    place = serializers.CharField(max_length=PLACE_LIMIT, required=False, allow_blank=True, default="")
    note = serializers.CharField(max_length=NOTE_LIMIT, required=False, allow_blank=True, default="")
    helpers_needed = serializers.IntegerField(min_value=1, max_value=MOST_HELPERS, default=1)
    for_everyone = serializers.BooleanField(default=True)
    shown_to = serializers.ListField(child=id_field(), required=False, default=list, max_length=50)


class MarkSerializer(serializers.Serializer[dict[str, Any]]):
    taker = id_field(required=False, help_text="Whose part; yourself when left out.")
    outcome = serializers.ChoiceField(
        choices=Outcome.choices, help_text='"given", "not_given", or "" to unmark.'
    )


def request_document(
    row: selectors.Row, names: dict[int, str], member: Member, now: dt.datetime
) -> dict[str, Any]:
    r = row.request
    return {
        "id": r.pk,
        "household": r.household_id,
        "kind": r.kind,
        "starts": r.starts,
        "ends": r.ends,
        "night": r.night,
        "place": r.place,
        "note": r.note,
        "helpers_needed": r.helpers_needed,
        "for_everyone": r.for_everyone,
        "shown_to": sorted(row.ask.shown_to) if member.is_parent else [],
        "asked_by": r.asked_by_id,
        "state": row.state.value,
        "can_take": row.take_problem is None,
        "takings": [
            {
                "member": t.member_id,
                "name": names.get(t.member_id, "Someone who left"),
                "state": rules.promise_state(p, row.ask, now).value,
                "taken_at": t.taken_at,
                "given_back_at": t.dropped_at,
                "care_logged": p.care_logged,
            }
            for t, p in zip(row.takings, row.promises, strict=True)
        ],
    }


ACTION_RESPONSES = {
    200: RequestSerializer,
    400: OpenApiResponse(description="Not possible now; the reason is given."),
}


@extend_schema_view(
    list=extend_schema(
        summary="Requests you can see in your circles", responses=RequestSerializer(many=True)
    ),
    retrieve=extend_schema(summary="One request", responses=RequestSerializer),
    create=extend_schema(
        summary="Ask the circle for something (parents)",
        request=AskSerializer,
        responses={201: RequestSerializer, 400: OpenApiResponse(description="Field errors.")},
    ),
)
@extend_schema(tags=["circle"])
class RequestViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    queryset = HelpRequest.objects.none()
    serializer_class = RequestSerializer

    def get_queryset(self) -> QuerySet[HelpRequest]:
        households = active_memberships(user_id=self.request.user.pk).values_list("household_id", flat=True)
        return (
            HelpRequest.objects.filter(household_id__in=households)
            .prefetch_related("takings", "shown_to")
            .order_by("starts", "id")
        )

    def _member(self, household_id: int) -> Member:
        return acting_member(user=self.request.user, household_id=household_id)

    def _row(self, found: HelpRequest, member: Member, now: dt.datetime) -> selectors.Row:
        rows = selectors.rows_of(member, [found], now)
        if not rows:
            raise Http404(NO_SUCH_REQUEST)
        return rows[0]

    def _respond(self, found: HelpRequest, member: Member, code: int = status.HTTP_200_OK) -> Response:
        now = timezone.now()
        fresh = self.get_queryset().get(pk=found.pk)
        document = request_document(
            self._row(fresh, member, now), selectors.names_of(member.household_id), member, now
        )
        return Response(RequestSerializer(document).data, status=code)

    def _visible(self) -> tuple[HelpRequest, Member]:
        found = self.get_object()
        member = self._member(found.household_id)
        self._row(found, member, timezone.now())
        return found, member

    def list(self, request: Request) -> Response:
        now = timezone.now()
        page = self.paginate_queryset(self.get_queryset()) or []
        members = {m.household_id: m for m in active_memberships(user_id=request.user.pk)}
        documents = []
        for household_id, member in members.items():
            mine = [r for r in page if r.household_id == household_id]
            if not mine:
                continue
            names = selectors.names_of(household_id)
            documents += [
                request_document(row, names, member, now) for row in selectors.rows_of(member, mine, now)
            ]
        documents.sort(key=lambda d: (d["starts"], d["id"]))
        return self.get_paginated_response(RequestSerializer(documents, many=True).data)  # type: ignore[arg-type]

    def retrieve(self, request: Request, pk: int) -> Response:
        found, member = self._visible()
        return self._respond(found, member)

    def create(self, request: Request) -> Response:
        data = AskSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = dict(data.validated_data)
        household = parent_household_for(user=request.user, household_id=values.pop("household", None))
        member = self._member(household.pk)
        values = in_household_time(values, household.zone)
        shown = list(Member.objects.filter(household=household, pk__in=values.pop("shown_to")))
        if len(shown) != len(set(data.validated_data["shown_to"])):
            raise serializers.ValidationError({"shown_to": [services.NOT_IN_CIRCLE]})
        made = services.ask(member=member, shown_to=shown, **values)
        return self._respond(made, member, status.HTTP_201_CREATED)

    @extend_schema(summary="Take a request: you'll do it", request=None, responses=ACTION_RESPONSES)
    @action(detail=True, methods=["post"])
    def take(self, request: Request, pk: int) -> Response:
        found, member = self._visible()
        services.take(member=member, request=found)
        return self._respond(found, member)

    @extend_schema(summary="Give a request back before it starts", request=None, responses=ACTION_RESPONSES)
    @action(detail=True, methods=["post"], url_path="give-back")
    def give_back(self, request: Request, pk: int) -> Response:
        found, member = self._visible()
        services.give_back(member=member, request=found)
        return self._respond(found, member)

    @extend_schema(summary="Mark whether it happened", request=MarkSerializer, responses=ACTION_RESPONSES)
    @action(detail=True, methods=["post"])
    def mark(self, request: Request, pk: int) -> Response:
        found, member = self._visible()
        data = MarkSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        taker_id = data.validated_data.get("taker", member.pk)
        taker = Member.objects.filter(household_id=found.household_id, pk=taker_id).first()
        if taker is None:
            raise serializers.ValidationError({"taker": ["Choose someone who took this request."]})
        services.mark(member=member, request=found, taker=taker, outcome=data.validated_data["outcome"])
        return self._respond(found, member)

    @extend_schema(summary="Withdraw a request (parents)", request=None, responses=ACTION_RESPONSES)
    @action(detail=True, methods=["post"])
    def withdraw(self, request: Request, pk: int) -> Response:
        found, member = self._visible()
        services.withdraw(member=member, request=found)
        return self._respond(found, member)


class OfferSerializer(serializers.Serializer[dict[str, Any]]):
    id = serializers.IntegerField(read_only=True)
    household = id_field(required=False, help_text="Needed only when you are in several households.")
    member = serializers.IntegerField(read_only=True)
    name = serializers.CharField(read_only=True)
    kind = serializers.ChoiceField(choices=Kind.choices)
    words = serializers.CharField(max_length=OFFER_LIMIT)
    weekdays = serializers.ListField(
        child=serializers.IntegerField(min_value=0, max_value=6),
        required=False,
        default=list,
        max_length=7,
        help_text="Weekdays (Monday 0) it fits; empty for any day.",
    )


def offer_document(offer: StandingOffer) -> dict[str, Any]:
    return {
        "id": offer.pk,
        "household": offer.household_id,
        "member": offer.member_id,
        "name": offer.member.display_name,
        "kind": offer.kind,
        "words": offer.words,
        "weekdays": [int(d) for d in offer.weekdays],
    }


@extend_schema_view(
    list=extend_schema(summary="Standing offers in your circles", responses=OfferSerializer(many=True)),
    retrieve=extend_schema(summary="One standing offer", responses=OfferSerializer),
    create=extend_schema(
        summary="Say what you can generally give (helpers)",
        request=OfferSerializer,
        responses={201: OfferSerializer, 400: OpenApiResponse(description="Field errors.")},
    ),
    destroy=extend_schema(summary="Remove a standing offer (yours, or any as a parent)"),
)
@extend_schema(tags=["circle"])
class OfferViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, mixins.DestroyModelMixin, ScopedViewSet):
    queryset = StandingOffer.objects.none()
    serializer_class = OfferSerializer

    def get_queryset(self) -> QuerySet[StandingOffer]:
        households = active_memberships(user_id=self.request.user.pk).values_list("household_id", flat=True)
        return (
            StandingOffer.objects.filter(household_id__in=households, member__left_at__isnull=True)
            .select_related("member")
            .order_by("household_id", "created_at", "id")
        )

    def list(self, request: Request) -> Response:
        page = self.paginate_queryset(self.get_queryset()) or []
        return self.get_paginated_response([offer_document(o) for o in page])

    def retrieve(self, request: Request, pk: int) -> Response:
        return Response(offer_document(self.get_object()))

    def create(self, request: Request) -> Response:
        data = OfferSerializer(data=request.data)
        data.is_valid(raise_exception=True)
        values = data.validated_data
        memberships = list(active_memberships(user_id=request.user.pk).order_by("household_id"))
        chosen = values.get("household")
        if chosen is None and len(memberships) > 1:
            raise serializers.ValidationError({"household": ["You are in several households: say which."]})
        member = next((m for m in memberships if chosen is None or m.household_id == chosen), None)
        if member is None:
            raise serializers.ValidationError({"household": ["Choose a household you belong to."]})
        offer = services.add_offer(
            member=member,
            kind=values["kind"],
            words=values["words"],
            weekdays="".join(str(d) for d in values["weekdays"]),
        )
        return Response(offer_document(offer), status=status.HTTP_201_CREATED)

    def destroy(self, request: Request, pk: int) -> Response:
        offer = self.get_object()
        services.remove_offer(
            member=acting_member(user=request.user, household_id=offer.household_id), offer=offer
        )
        return Response(status=status.HTTP_204_NO_CONTENT)
