"""The API's shapes. Serializers check shape and scope only; the care services decide what is plausible.

Each kind's details are an optional nested object named after the kind (`feed`, `nappy`, ...): the one
matching the event's kind is filled, the others are null. Whether a kind's details are complete is the
service's call, so a page and the API give the same answer.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Model
from django.utils import timezone
from rest_framework import serializers

from twofold.care.details import SETTLE_TECHNIQUES, detail_of
from twofold.care.models import CareEvent, Feed, Kind, Medicine, Nappy, Play, Pumping, Settle, Sleep
from twofold.care.models import Response as BabyResponse
from twofold.care.rules import TIMER_KINDS
from twofold.care.services import NOT_A_TIMER
from twofold.households.api import child_field, member_field
from twofold.households.models import Child, Member

DETAILS_OF_ANOTHER_KIND = "These details belong to a {detail} event, and this is a {kind} event."
KIND_IS_FIXED = "The kind cannot be changed: delete this event and log it again."


# --- Households ---------------------------------------------------------------------------------------


class ChildSerializer(serializers.ModelSerializer[Child]):
    age_days = serializers.SerializerMethodField(help_text="Days since birth, in the household's time zone.")

    class Meta:
        model = Child
        fields = ["id", "household", "name", "birth_date", "feeding_method", "age_days"]
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

    def get_attribute(self, instance: CareEvent) -> Model | None:
        return detail_of(instance) if instance.kind == self.field_name else None


class FeedSerializer(KindDetailSerializer):
    class Meta:
        model = Feed
        fields = ["method", "side", "amount_ml"]
        extra_kwargs = {
            "side": {"help_text": "Breastfeeds only; defaults to both."},
            "amount_ml": {"coerce_to_string": False, "help_text": "Bottle feeds only, in millilitres."},
        }


class NappySerializer(KindDetailSerializer):
    class Meta:
        model = Nappy
        fields = ["contents"]


class SleepSerializer(KindDetailSerializer):
    class Meta:
        model = Sleep
        fields = ["place"]


class SettleSerializer(KindDetailSerializer):
    tried = serializers.ListField(
        child=serializers.ChoiceField(choices=list(SETTLE_TECHNIQUES.items())),
        required=False,
        help_text="What was tried to soothe the baby, in any order.",
    )

    class Meta:
        model = Settle
        fields = ["tried", "outcome"]


class PlaySerializer(KindDetailSerializer):
    class Meta:
        model = Play
        fields = ["activity"]


class PumpingSerializer(KindDetailSerializer):
    class Meta:
        model = Pumping
        fields = ["amount_ml"]
        extra_kwargs = {"amount_ml": {"coerce_to_string": False, "help_text": "In millilitres."}}


class MedicineSerializer(KindDetailSerializer):
    class Meta:
        model = Medicine
        fields = ["name", "dose"]


# Keyed like care.details.DETAIL_MODELS; a test keeps the two in step when a kind is added.
DETAIL_SERIALIZERS: dict[str, type[KindDetailSerializer]] = {
    Kind.FEED: FeedSerializer,
    Kind.NAPPY: NappySerializer,
    Kind.SLEEP: SleepSerializer,
    Kind.SETTLE: SettleSerializer,
    Kind.PLAY: PlaySerializer,
    Kind.PUMPING: PumpingSerializer,
    Kind.MEDICINE: MedicineSerializer,
}


def detail(kind: str) -> KindDetailSerializer:
    """The optional nested field for one kind's details."""
    return DETAIL_SERIALIZERS[kind](required=False, allow_null=True, help_text=f"Only with kind “{kind}”.")


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
    *(str(kind) for kind in DETAIL_SERIALIZERS),
]


class EventSerializer(serializers.ModelSerializer[CareEvent]):
    """A care event to read, or a new one to log (`by` defaults to you, `start` to now)."""

    child = child_field()
    by = member_field(required=False, help_text="Who did the care; defaults to you.")
    client_id = serializers.UUIDField(
        required=False, help_text="Generated by the client: sending the same one again logs nothing new."
    )
    start = serializers.DateTimeField(required=False, help_text="Defaults to now.")
    feed = detail(Kind.FEED)
    nappy = detail(Kind.NAPPY)
    sleep = detail(Kind.SLEEP)
    settle = detail(Kind.SETTLE)
    play = detail(Kind.PLAY)
    pumping = detail(Kind.PUMPING)
    medicine = detail(Kind.MEDICINE)

    class Meta:
        model = CareEvent
        fields = EVENT_FIELDS
        read_only_fields = ["household", "logged_by", "running", "created_at", "updated_at"]
        # The service is the one place that checks uniqueness (a repeated client_id is a retry, not an
        # error) and the one running sleep per child.
        validators: list[Any] = []

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        check_details_match(attrs, attrs["kind"])
        return attrs


class EventUpdateSerializer(EventSerializer):
    """Changes to an event. PUT sends child, by and start; PATCH sends only what changes."""

    child = child_field()
    by = member_field(help_text="Who did the care.")
    start = serializers.DateTimeField()

    class Meta(EventSerializer.Meta):
        read_only_fields = [*EventSerializer.Meta.read_only_fields, "client_id", "kind"]

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        event: CareEvent = self.instance  # type: ignore[assignment]
        if "kind" in self.initial_data and self.initial_data["kind"] != event.kind:
            raise serializers.ValidationError({"kind": KIND_IS_FIXED})
        check_details_match(attrs, event.kind)
        return attrs


# --- Timers -------------------------------------------------------------------------------------------

TIMER_CHOICES = [(kind, label) for kind, label in Kind.choices if kind in TIMER_KINDS]


class TimerStartSerializer(serializers.Serializer[CareEvent]):
    child = child_field()
    kind = serializers.ChoiceField(choices=TIMER_CHOICES, error_messages={"invalid_choice": NOT_A_TIMER})
    by = member_field(required=False, help_text="Who is doing it; defaults to you.")
    client_id = serializers.UUIDField(required=False)
    start = serializers.DateTimeField(required=False, help_text="Defaults to now; earlier if you forgot.")
    feed = detail(Kind.FEED)
    sleep = detail(Kind.SLEEP)
    settle = detail(Kind.SETTLE)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        check_details_match(attrs, attrs["kind"])
        return attrs


class TimerStopSerializer(serializers.Serializer[CareEvent]):
    end = serializers.DateTimeField(required=False, help_text="Defaults to now.")
    response = serializers.ChoiceField(choices=BabyResponse.choices, required=False, allow_blank=True)
    settled_after_minutes = serializers.IntegerField(
        required=False, allow_null=True, min_value=0, max_value=600
    )
    feed = detail(Kind.FEED)
    sleep = detail(Kind.SLEEP)
    settle = detail(Kind.SETTLE)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        check_details_match(attrs, self.context["event"].kind)
        return attrs
