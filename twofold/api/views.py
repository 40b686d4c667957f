"""The REST API's views: each parses, calls one care service or scoped selector, and serializes.

Every viewset's `queryset` is an empty marker of its model (for the router, the schema and the isolation
test); the objects come from `get_queryset`, scoped to the caller's households, so a forgotten override
shows nothing rather than everything.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status
from rest_framework.decorators import action
from rest_framework.request import Request
from rest_framework.response import Response

from twofold.api.doubts import ask_before_saving
from twofold.api.errors import details_nested_under
from twofold.api.filters import EventFilterSerializer
from twofold.api.paging import UncountedPages
from twofold.api.serializers import (
    DETAIL_SERIALIZERS,
    ChildSerializer,
    EventSerializer,
    EventUpdateSerializer,
    MemberSerializer,
    TimerStartSerializer,
    TimerStopSerializer,
    details_in,
)
from twofold.care import selectors as care_selectors
from twofold.care import services
from twofold.care.models import CareEvent
from twofold.care.selectors import filter_events
from twofold.households import api as scope
from twofold.households.api import ScopedViewSet
from twofold.households.models import Child, Member


def _details_errors(kind: str) -> AbstractContextManager[None]:
    serializer = DETAIL_SERIALIZERS.get(kind)
    return details_nested_under(kind, serializer.Meta.fields if serializer else ())


def _event_response(view: ScopedViewSet, event: CareEvent, status_code: int = status.HTTP_200_OK) -> Response:
    # Fetched again through the scoped selector, so every kind's details come in one query.
    fresh = care_selectors.events_for_user(user=view.request.user).get(pk=event.pk)
    return Response(EventSerializer(fresh, context=view.get_serializer_context()).data, status=status_code)


@extend_schema_view(
    list=extend_schema(summary="Children in your households"),
    retrieve=extend_schema(summary="One child"),
)
class ChildViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    queryset = Child.objects.none()
    serializer_class = ChildSerializer

    def get_queryset(self) -> QuerySet[Child]:
        return scope.children_for_user(user=self.request.user)


@extend_schema_view(
    list=extend_schema(summary="Members of your households, including those who left"),
    retrieve=extend_schema(summary="One member"),
)
class MemberViewSet(mixins.ListModelMixin, mixins.RetrieveModelMixin, ScopedViewSet):
    queryset = Member.objects.none()
    serializer_class = MemberSerializer

    def get_queryset(self) -> QuerySet[Member]:
        return scope.members_for_user(user=self.request.user)


CREATED_OR_RETRIED = {
    201: OpenApiResponse(EventSerializer, description="Logged."),
    200: OpenApiResponse(EventSerializer, description="Already logged with this client_id: nothing new."),
}


@extend_schema_view(
    list=extend_schema(summary="The care log, newest first", parameters=[EventFilterSerializer]),
    retrieve=extend_schema(summary="One care event"),
    create=extend_schema(summary="Log care", request=EventSerializer, responses=CREATED_OR_RETRIED),
    update=extend_schema(summary="Change an event", request=EventUpdateSerializer),
    partial_update=extend_schema(summary="Change part of an event", request=EventUpdateSerializer),
    destroy=extend_schema(summary="Delete an event (restore undoes it)"),
)
class EventViewSet(mixins.RetrieveModelMixin, mixins.UpdateModelMixin, ScopedViewSet):
    queryset = CareEvent.objects.none()
    serializer_class = EventSerializer
    # The log is never counted: a page reads only its own rows, in a year's log as in a week's.
    pagination_class = UncountedPages

    def get_queryset(self) -> QuerySet[CareEvent]:
        deleted_too = self.action == "restore"
        return care_selectors.events_for_user(user=self.request.user, include_deleted=deleted_too)

    def list(self, request: Request) -> Response:
        filters = EventFilterSerializer(data=request.query_params, context=self.get_serializer_context())
        filters.is_valid(raise_exception=True)
        events = filter_events(self.get_queryset(), filters.history_filter())
        page = self.paginate_queryset(events)
        return self.get_paginated_response(self.get_serializer(page, many=True).data)

    def create(self, request: Request) -> Response:
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        child: Child = data["child"]
        ask_before_saving(
            child=child,
            kind=data["kind"],
            details=details_in(data, data["kind"]),
            at=data.get("start"),
            event_id=None,
            checked=data["checked"],
        )
        with _details_errors(data["kind"]):
            logged = services.log_care_event(
                member=scope.acting_member(user=request.user, household_id=child.household_id),
                child=child,
                kind=data["kind"],
                by=data.get("by"),
                start=data.get("start"),
                end=data.get("end"),
                details=details_in(data, data["kind"]),
                response=data.get("response", ""),
                settled_after_minutes=data.get("settled_after_minutes"),
                note=data.get("note", ""),
                client_id=data.get("client_id"),
            )
        return _event_response(
            self, logged.event, status.HTTP_201_CREATED if logged.created else status.HTTP_200_OK
        )

    def update(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        event = self.get_object()
        serializer = EventUpdateSerializer(
            event,
            data=request.data,
            partial=kwargs.get("partial", False),
            context=self.get_serializer_context(),
        )
        serializer.is_valid(raise_exception=True)
        details = details_in(serializer.validated_data, event.kind)
        fields = {
            name: value
            for name, value in serializer.validated_data.items()
            if name not in DETAIL_SERIALIZERS and name != "checked"
        }
        ask_before_saving(
            child=fields.get("child", event.child),
            kind=event.kind,
            details=details,
            at=fields.get("start", event.start),
            event_id=event.pk,
            checked=serializer.validated_data.get("checked", False),
        )
        with _details_errors(event.kind):
            services.update_care_event(
                member=scope.acting_member(user=request.user, household_id=event.household_id),
                event=event,
                fields=fields,
                details=details,
            )
        return _event_response(self, event)

    def destroy(self, request: Request, pk: int) -> Response:
        event = self.get_object()
        services.delete_care_event(
            member=scope.acting_member(user=request.user, household_id=event.household_id), event=event
        )
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(summary="Undo a delete", request=None, responses=EventSerializer)
    @action(detail=True, methods=["post"])
    def restore(self, request: Request, pk: int) -> Response:
        event = self.get_object()
        services.restore_care_event(
            member=scope.acting_member(user=request.user, household_id=event.household_id), event=event
        )
        return _event_response(self, event)


@extend_schema_view(
    list=extend_schema(summary="Running timers, oldest first"),
    create=extend_schema(summary="Start a timer", request=TimerStartSerializer, responses=CREATED_OR_RETRIED),
)
class TimerViewSet(mixins.ListModelMixin, ScopedViewSet):
    """Feeds, sleeps and crying that are still going. A timer is a care event with `running` true."""

    queryset = CareEvent.objects.none()
    serializer_class = EventSerializer

    def get_queryset(self) -> QuerySet[CareEvent]:
        if self.action == "list":
            return care_selectors.running_timers_for_user(user=self.request.user)
        # Stopping a stopped timer is found, then refused with a message, rather than a bare 404.
        return care_selectors.events_for_user(user=self.request.user)

    def create(self, request: Request) -> Response:
        serializer = TimerStartSerializer(data=request.data, context=self.get_serializer_context())
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        child: Child = data["child"]
        with _details_errors(data["kind"]):
            logged = services.start_timer(
                member=scope.acting_member(user=request.user, household_id=child.household_id),
                child=child,
                kind=data["kind"],
                by=data.get("by"),
                details=details_in(data, data["kind"]),
                client_id=data.get("client_id"),
                start=data.get("start"),
            )
        return _event_response(
            self, logged.event, status.HTTP_201_CREATED if logged.created else status.HTTP_200_OK
        )

    @extend_schema(summary="Stop a timer", request=TimerStopSerializer, responses=EventSerializer)
    @action(detail=True, methods=["post"])
    def stop(self, request: Request, pk: int) -> Response:
        event = self.get_object()
        serializer = TimerStopSerializer(
            data=request.data, context={**self.get_serializer_context(), "event": event}
        )
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        with _details_errors(event.kind):
            services.stop_timer(
                member=scope.acting_member(user=request.user, household_id=event.household_id),
                event=event,
                end=data.get("end"),
                details=details_in(data, event.kind),
                response=data.get("response"),
                settled_after_minutes=data.get("settled_after_minutes"),
            )
        return _event_response(self, event)
