"""The API's shapes. Serializers check shape and scope only; the care services decide what is plausible.

A time sent without an offset is the household's clock time, as in the pages' forms: read in the zone of
the child's household (or the event's) once the serializer knows which (`in_household_time`).

Each kind's details are an optional nested object named after the kind (`feed`, `nappy`, ...): the one
matching the event's kind is filled, the others are null. Whether a kind's details are complete is the
service's call, so a page and the API give the same answer.
"""

from __future__ import annotations

from typing import Any

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models import DecimalField, Model
from django.utils import timezone
from rest_framework import serializers

from twofold.api.doubts import checked_field
from twofold.care.details import detail_of
from twofold.care.kinds import DETAILED, KindDefinition
from twofold.care.models import CareEvent, Kind
from twofold.care.models import Response as BabyResponse
from twofold.care.rules import TIMER_KINDS
from twofold.care.services import NOT_A_TIMER
from twofold.households.api import HouseholdDateTimeField, child_field, in_household_time, member_field
from twofold.households.models import Child, Member

LOCAL_TIME_HELP = "Without a UTC offset, the household's clock time."
DETAILS_OF_ANOTHER_KIND = "These details belong to a {detail} event, and this is a {kind} event."
KIND_IS_FIXED = "The kind cannot be changed: delete this event and log it again."


# --- Households ---------------------------------------------------------------------------------------


class ChildSerializer(serializers.ModelSerializer[Child]):
    age_days = serializers.SerializerMethodField(help_text="Days since birth, in the household's time zone.")

    class Meta:
        model = Child
        fields = [
            "id",
            "household",
            "name",
            "birth_date",
            "feeding_method",
            "sex",
            "gestation_weeks",
            "gestation_days",
            "age_days",
        ]
        read_only_fields = fields

    def get_age_days(self, child: Child) -> int:
        return (timezone.localdate(timezone=child.household.zone) - child.birth_date).days


class MemberSerializer(serializers.ModelSerializer[Member]):
    active = serializers.BooleanField(source="is_active", read_only=True, help_text="False once they left.")

    class Meta:
        model = Member
        fields = ["id", "household", "display_name", "relationship", "role", "active"]
        read_only_fields = fields


# --- Each kind's details ------------------------------------------------------------------------------


class KindDetailSerializer(serializers.ModelSerializer[Model]):
    """A kind's details, read from the event only when the event is of that kind (no extra queries)."""

    def get_attribute(self, instance: Model) -> Model | None:
        if not isinstance(instance, CareEvent) or instance.kind != self.field_name:
            return None
        return detail_of(instance)


def _range_messages(model_field: Any) -> dict[str, str]:
    """The table's own messages for a number out of range. DRF turns range validators into min_value and
    max_value with its generic wording; the page and the API say the same thing."""
    messages: dict[str, str] = {}
    for validator in model_field.validators:
        if "message" not in vars(validator):  # the validator's default wording
            continue
        if isinstance(validator, MinValueValidator):
            messages.setdefault("min_value", str(validator.message))
        elif isinstance(validator, MaxValueValidator):
            messages.setdefault("max_value", str(validator.message))
    return messages


def _detail_serializer(kind: KindDefinition) -> type[KindDetailSerializer]:
    """A kind's details as a serializer, from its definition: the table's fields, amounts as numbers, lists
    of choices as lists. Named after the table (`Feed`), which names its schema component."""
    assert kind.detail is not None  # noqa: S101 - only kinds with a detail table are passed in
    extra: dict[str, dict[str, Any]] = {}
    for name in kind.detail_fields:
        options: dict[str, Any] = {}
        model_field = kind.detail._meta.get_field(name)
        if isinstance(model_field, DecimalField):
            options["coerce_to_string"] = False
        if messages := _range_messages(model_field):
            options["error_messages"] = messages
        if name in kind.api_help and name not in kind.choice_lists:
            options["help_text"] = kind.api_help[name]
        if options:
            extra[name] = options
    declared = {
        name: serializers.ListField(
            child=serializers.ChoiceField(choices=list(choices.items())),
            required=False,
            help_text=kind.api_help.get(name, ""),
        )
        for name, choices in kind.choice_lists.items()
    }
    meta = type("Meta", (), {"model": kind.detail, "fields": list(kind.detail_fields), "extra_kwargs": extra})
    name = f"{kind.detail.__name__}Serializer"
    return type(name, (KindDetailSerializer,), {**declared, "Meta": meta, "__module__": __name__})


# One per kind with a detail table, in the registry's order.
DETAIL_SERIALIZERS: dict[str, type[KindDetailSerializer]] = {d.key: _detail_serializer(d) for d in DETAILED}


def detail(kind: str) -> KindDetailSerializer:
    """The optional nested field for one kind's details."""
    return DETAIL_SERIALIZERS[kind](required=False, allow_null=True, help_text=f"Only with kind “{kind}”.")


class WithDetails:
    """Adds the optional nested details of `detail_kinds` (every kind with details unless narrowed) after
    the declared fields, so a new kind's details appear without touching the serializers."""

    detail_kinds: tuple[str, ...] = tuple(DETAIL_SERIALIZERS)

    def get_fields(self) -> dict[str, serializers.Field]:  # type: ignore[type-arg]
        fields = super().get_fields()  # type: ignore[misc]
        for kind in self.detail_kinds:
            fields[kind] = detail(kind)
        return fields  # type: ignore[no-any-return]


def check_details_match(attrs: dict[str, Any], kind: str) -> None:
    """Details of another kind are a shape mistake (a feed sent with `nappy: {...}`)."""
    wrong = {
        detail: DETAILS_OF_ANOTHER_KIND.format(detail=detail, kind=kind)
        for detail in DETAIL_SERIALIZERS
        if detail != kind and attrs.get(detail) is not None
    }
    if wrong:
        raise serializers.ValidationError(wrong)


def details_in(attrs: dict[str, Any], kind: str) -> dict[str, Any] | None:
    """The kind's details from validated input; kinds without a detail table have none (a note's
    `note` is its text, not details)."""
    details = attrs.get(kind) if kind in DETAIL_SERIALIZERS else None
    return dict(details) if details is not None else None


# --- Care events --------------------------------------------------------------------------------------

EVENT_FIELDS = [
    "id",
    "client_id",
    "household",
    "child",
    "kind",
    "by",
    "logged_by",
    "start",
    "end",
    "running",
    "response",
    "settled_after_minutes",
    "note",
    "created_at",
    "updated_at",
]


class EventSerializer(WithDetails, serializers.ModelSerializer[CareEvent]):
    """A care event to read, or a new one to log (`by` defaults to you, `start` to now)."""

    child = child_field()
    by = member_field(required=False, help_text="Who did the care; defaults to you.")
    client_id = serializers.UUIDField(
        required=False, help_text="Generated by the client: sending the same one again logs nothing new."
    )
    start = HouseholdDateTimeField(required=False, help_text=f"Defaults to now. {LOCAL_TIME_HELP}")
    end = HouseholdDateTimeField(required=False, allow_null=True, help_text=LOCAL_TIME_HELP)
    checked = checked_field()

    class Meta:
        model = CareEvent
        fields = [*EVENT_FIELDS, "checked"]
        read_only_fields = ["household", "logged_by", "running", "created_at", "updated_at"]
        # The service is the one place that checks uniqueness (a repeated client_id is a retry, not an
        # error) and the one running sleep per child.
        validators: list[Any] = []

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        check_details_match(attrs, attrs["kind"])
        return in_household_time(attrs, attrs["child"].household.zone)


class EventUpdateSerializer(EventSerializer):
    """Changes to an event. PUT sends child, by and start; PATCH sends only what changes."""

    child = child_field()
    by = member_field(help_text="Who did the care.")
    start = HouseholdDateTimeField(help_text=LOCAL_TIME_HELP)

    class Meta(EventSerializer.Meta):
        read_only_fields = [*EventSerializer.Meta.read_only_fields, "client_id", "kind"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        event: CareEvent = self.instance  # type: ignore[assignment]
        if "kind" in self.initial_data and self.initial_data["kind"] != event.kind:
            raise serializers.ValidationError({"kind": KIND_IS_FIXED})
        check_details_match(attrs, event.kind)
        return in_household_time(attrs, event.household.zone)


# --- Timers -------------------------------------------------------------------------------------------

TIMER_CHOICES = [(kind, label) for kind, label in Kind.choices if kind in TIMER_KINDS]
# The details a timer takes when it starts or stops: those of the kinds that can be timed.
TIMER_DETAILS = tuple(kind for kind in DETAIL_SERIALIZERS if kind in TIMER_KINDS)


class TimerStartSerializer(WithDetails, serializers.Serializer[CareEvent]):
    child = child_field()
    kind = serializers.ChoiceField(choices=TIMER_CHOICES, error_messages={"invalid_choice": NOT_A_TIMER})
    by = member_field(required=False, help_text="Who is doing it; defaults to you.")
    client_id = serializers.UUIDField(required=False)
    start = HouseholdDateTimeField(
        required=False, help_text=f"Defaults to now; earlier if you forgot. {LOCAL_TIME_HELP}"
    )
    detail_kinds = TIMER_DETAILS

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        check_details_match(attrs, attrs["kind"])
        return in_household_time(attrs, attrs["child"].household.zone)


class TimerStopSerializer(WithDetails, serializers.Serializer[CareEvent]):
    end = HouseholdDateTimeField(required=False, help_text=f"Defaults to now. {LOCAL_TIME_HELP}")
    response = serializers.ChoiceField(choices=BabyResponse.choices, required=False, allow_blank=True)
    settled_after_minutes = serializers.IntegerField(
        required=False, allow_null=True, min_value=0, max_value=600
    )
    detail_kinds = TIMER_DETAILS

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        event: CareEvent = self.context["event"]
        check_details_match(attrs, event.kind)
        return in_household_time(attrs, event.household.zone)
