"""The care log: who did what, for which child, when. Kind-specific fields live in one small table each."""

from __future__ import annotations

import uuid

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.db.models.functions import Coalesce
from django.utils import timezone

from twofold.households.models import Child, Household, Member


class Kind(models.TextChoices):
    FEED = "feed", "Feed"
    NAPPY = "nappy", "Nappy"
    SLEEP = "sleep", "Sleep"
    SETTLE = "settle", "Crying"
    BATH = "bath", "Bath"
    SKIN_TO_SKIN = "skin_to_skin", "Skin-to-skin"
    PLAY = "play", "Play"
    PUMPING = "pumping", "Pumping"
    MEDICINE = "medicine", "Medicine"
    TEMPERATURE = "temperature", "Temperature"
    WEIGHT = "weight", "Weight"
    LENGTH = "length", "Length"
    HEAD = "head", "Head circumference"
    NOTE = "note", "Note"


class Response(models.TextChoices):
    """How the baby responded: recorded in one tap on every kind that involves the baby's mood."""

    CALM = "calm", "Calm"
    FUSSY = "fussy", "Fussy"
    CRYING = "crying", "Crying"
    SETTLED = "settled", "Settled"


class CareEvent(models.Model):
    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="events")
    child = models.ForeignKey(Child, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(max_length=16, choices=Kind.choices)
    by = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="care_done")
    logged_by = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="care_logged")
    start = models.DateTimeField()
    end = models.DateTimeField(null=True, blank=True)
    running = models.BooleanField(default=False, help_text="A timer still going.")
    response = models.CharField(max_length=8, choices=Response.choices, blank=True)
    settled_after_minutes = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(600)]
    )
    note = models.TextField(blank=True, max_length=2000)
    client_id = models.UUIDField(default=uuid.uuid4)
    clock_note = models.CharField(
        max_length=200,
        blank=True,
        help_text="Why the server's time was used instead of the phone's time of the tap; empty otherwise.",
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)
    deleted_at = models.DateTimeField(null=True, blank=True)
    # Who deleted it, so a parent whose change arrives after the delete is told who and when.
    deleted_by = models.ForeignKey(
        Member, on_delete=models.SET_NULL, null=True, blank=True, related_name="care_deleted"
    )

    class Meta:
        ordering = ["-start", "-id"]
        indexes = [
            models.Index(fields=["household", "child", "start"], name="event_scope_start"),
            # History pages through a household's log newest first; deleted events are not in it.
            models.Index(
                fields=["household", "-start", "-id"],
                condition=Q(deleted_at__isnull=True),
                name="event_household_recent",
            ),
            # Quick log and Today look up the running timers of a household.
            models.Index(
                fields=["household", "start"],
                condition=Q(running=True, deleted_at__isnull=True),
                name="event_running",
            ),
            # Today asks for each child's latest feed, nappy and sleep.
            models.Index(fields=["child", "kind", "-start"], name="event_child_kind_recent"),
            # A list of one kind, newest first (the API's ?kind=, Baby Buddy's changes and notes): one range.
            models.Index(
                fields=["household", "kind", "-start", "-id"],
                condition=Q(deleted_at__isnull=True),
                name="event_kind_recent",
            ),
            # Baby Buddy's feedings, sleep and pumping come newest first by their end (an event without
            # one ends at its start): twofold/babybuddy/selectors.py orders by exactly this expression.
            # `running` and `deleted_at` at the end make the `count` of each of Baby Buddy's lists an
            # index-only read (SQLite covers a query only with every column it names in the index).
            models.Index(
                F("household"),
                F("kind"),
                Coalesce("end", "start").desc(),
                F("id").desc(),
                F("running"),
                F("deleted_at"),
                condition=Q(deleted_at__isnull=True),
                name="event_kind_recent_end",
            ),
        ]
        constraints = [
            models.UniqueConstraint(fields=["household", "client_id"], name="one_event_per_client_id"),
            # One running feed, sleep and crying timer per child: two phones starting one together make
            # one timer, whichever arrives second is told (care/services.py).
            models.UniqueConstraint(
                fields=["child", "kind"],
                condition=Q(running=True, deleted_at__isnull=True),
                name="one_running_timer_per_child_and_kind",
            ),
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")),
                name="event_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} for {self.child_id} at {self.start:%Y-%m-%d %H:%M}"

    @property
    def minutes(self) -> int | None:
        if self.end is None:
            return None
        return int((self.end - self.start).total_seconds() // 60)


class KindDetail(models.Model):
    """The fields one kind adds to its event."""

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return f"{type(self).__name__} of event {self.event_id}"  # type: ignore[attr-defined]


class FeedMethod(models.TextChoices):
    BREAST = "breast", "Breast"
    EXPRESSED = "expressed", "Bottle of expressed milk"
    FORMULA = "formula", "Bottle of formula"


class Side(models.TextChoices):
    LEFT = "left", "Left"
    RIGHT = "right", "Right"
    BOTH = "both", "Both"


# Volumes a form or an import can be given with no unit beside the number, so the messages name it.
FEED_TOO_MUCH = "Twofold takes up to 500 ml (16.9 fl oz) for one feed: check the number and the unit."
PUMPED_TOO_MUCH = "Twofold takes up to 800 ml (27 fl oz) for one session: check the number and the unit."
TOO_LITTLE = "An amount is at least 1 ml (0.04 fl oz): check the number and the unit."


class Feed(KindDetail):
    event = models.OneToOneField(CareEvent, on_delete=models.CASCADE, related_name="feed")
    method = models.CharField(max_length=10, choices=FeedMethod.choices)
    side = models.CharField(max_length=5, choices=Side.choices, blank=True)
    amount_ml = models.DecimalField(
        max_digits=5,
        decimal_places=1,
        null=True,
        blank=True,
        validators=[MinValueValidator(1, message=TOO_LITTLE), MaxValueValidator(500, message=FEED_TOO_MUCH)],
    )


class NappyContents(models.TextChoices):
    WET = "wet", "Wet"
    DIRTY = "dirty", "Dirty"
    BOTH = "both", "Wet and dirty"


class Nappy(KindDetail):
    event = models.OneToOneField(CareEvent, on_delete=models.CASCADE, related_name="nappy")
    contents = models.CharField(max_length=5, choices=NappyContents.choices)


class SleepPlace(models.TextChoices):
    COT = "cot", "Cot or crib"
    MOSES_BASKET = "moses_basket", "Moses basket or bassinet"
    PRAM = "pram", "Pram or stroller"
    CARRIER = "carrier", "Sling or carrier"
    ARMS = "arms", "In arms"
    CAR_SEAT = "car_seat", "Car seat"
    OTHER = "other", "Somewhere else"


class Sleep(KindDetail):
    event = models.OneToOneField(CareEvent, on_delete=models.CASCADE, related_name="sleep")
    # Blank until someone says: a timer started in the dark records no guess about where.
    place = models.CharField(max_length=12, choices=SleepPlace.choices, blank=True)


class SettleOutcome(models.TextChoices):
    SETTLED = "settled", "Settled"
    ASLEEP = "asleep", "Fell asleep"
    HANDED_OVER = "handed_over", "Handed to someone else"
    STILL_CRYING = "still_crying", "Still crying"


class Settle(KindDetail):
    """A crying episode: what was tried (a list of technique keys) and how it ended."""

    event = models.OneToOneField(CareEvent, on_delete=models.CASCADE, related_name="settle")
    tried = models.JSONField(default=list, blank=True)
    outcome = models.CharField(max_length=12, choices=SettleOutcome.choices, blank=True)


class PlayActivity(models.TextChoices):
    READING = "reading", "Reading"
    TALKING = "talking", "Talking and singing"
    TUMMY_TIME = "tummy_time", "Tummy time"
    WALK = "walk", "Walk"
    MASSAGE = "massage", "Massage"


class Play(KindDetail):
    event = models.OneToOneField(CareEvent, on_delete=models.CASCADE, related_name="play")
    activity = models.CharField(max_length=10, choices=PlayActivity.choices)


class Pumping(KindDetail):
    event = models.OneToOneField(CareEvent, on_delete=models.CASCADE, related_name="pumping")
    amount_ml = models.DecimalField(
        max_digits=5,
        decimal_places=1,
        validators=[
            MinValueValidator(1, message=TOO_LITTLE),
            MaxValueValidator(800, message=PUMPED_TOO_MUCH),
        ],
    )


# What a label can say about spacing doses (EVIDENCE.md §9.3: copied by the parent, never suggested here). The
# ranges only catch typing slips: a gap from 15 minutes to 3 days, at most 24 doses a day.
SHORTEST_GAP_MINUTES = 15
LONGEST_GAP_MINUTES = 72 * 60
MOST_DOSES_A_DAY = 24
GAP_TOO_SHORT = "A gap under 15 minutes between doses is not one a label gives: check the number."
GAP_TOO_LONG = "A gap over 72 hours between doses is not one a label gives: check the number."
TOO_FEW_DOSES = "The most doses in 24 hours is at least 1."
TOO_MANY_DOSES = "More than 24 doses in 24 hours is not one a label gives: check the number."


class Medicine(KindDetail):
    event = models.OneToOneField(CareEvent, on_delete=models.CASCADE, related_name="medicine")
    name = models.CharField(max_length=80)
    # As the parent writes it ("2.5 ml"): Twofold never suggests or checks a dose (§9.3).
    dose = models.CharField(max_length=40, blank=True)
    # From the label or prescription, when the parent gives them: the next allowed time and the day's count.
    min_gap_minutes = models.PositiveIntegerField(
        null=True,
        blank=True,
        validators=[
            MinValueValidator(SHORTEST_GAP_MINUTES, message=GAP_TOO_SHORT),
            MaxValueValidator(LONGEST_GAP_MINUTES, message=GAP_TOO_LONG),
        ],
    )
    max_per_24h = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[
            MinValueValidator(1, message=TOO_FEW_DOSES),
            MaxValueValidator(MOST_DOSES_A_DAY, message=TOO_MANY_DOSES),
        ],
    )


class TemperatureMethod(models.TextChoices):
    """How it was taken (EVIDENCE.md §9.1): UK guidance says the armpit, US guidance rectal, for babies."""

    ARMPIT = "armpit", "Armpit"
    EAR = "ear", "Ear"
    RECTAL = "rectal", "Rectal"
    FOREHEAD = "forehead", "Forehead"


# Plausible readings of a living baby, only to catch typing slips (a °F number typed as °C reads 100).
COLDEST_CELSIUS = 30
HOTTEST_CELSIUS = 44
TOO_COLD = "A temperature under 30 °C (86 °F) is not a plausible reading: check the number and the unit."
TOO_HOT = "A temperature over 44 °C (111.2 °F) is not a plausible reading: check the number and the unit."


class Temperature(KindDetail):
    """A temperature, in °C to the hundredth whatever unit it was entered in, so °F round-trips."""

    event = models.OneToOneField(CareEvent, on_delete=models.CASCADE, related_name="temperature")
    celsius = models.DecimalField(
        max_digits=4,
        decimal_places=2,
        validators=[
            MinValueValidator(COLDEST_CELSIUS, message=TOO_COLD),
            MaxValueValidator(HOTTEST_CELSIUS, message=TOO_HOT),
        ],
    )
    # Empty when it was not said: a reading from Baby Buddy's API, whose clients have no field for it.
    method = models.CharField(max_length=8, choices=TemperatureMethod.choices, blank=True)


# A baby's plausible weight in grams: a very premature newborn to a child of about eight.
LIGHTEST_GRAMS = 300
HEAVIEST_GRAMS = 30_000
TOO_LIGHT = "A weight under 0.3 kg (300 g) is not plausible for a baby: check the number."
TOO_HEAVY = "A weight over 30 kg (30,000 g) is not plausible for a baby: check the number."


class Weight(KindDetail):
    """A weighing, in whole grams whatever unit it was entered in."""

    event = models.OneToOneField(CareEvent, on_delete=models.CASCADE, related_name="weight")
    grams = models.PositiveIntegerField(
        validators=[
            MinValueValidator(LIGHTEST_GRAMS, message=TOO_LIGHT),
            MaxValueValidator(HEAVIEST_GRAMS, message=TOO_HEAVY),
        ]
    )


# A baby's plausible length (or height) and head circumference in millimetres: wide bounds that only catch a
# slip of the finger (a unit mixed up, a digit too many); the growth charts judge what is unusual.
SHORTEST_MM, TALLEST_MM = 200, 1400
SMALLEST_HEAD_MM, LARGEST_HEAD_MM = 150, 650


class Length(KindDetail):
    """A length (lying down) or height (standing), in whole millimetres whatever unit it was entered in."""

    event = models.OneToOneField(CareEvent, on_delete=models.CASCADE, related_name="length")
    mm = models.PositiveIntegerField(
        validators=[
            MinValueValidator(SHORTEST_MM, message="A length under 20 cm (8 in) is not plausible: check it."),
            MaxValueValidator(TALLEST_MM, message="A length over 140 cm (55 in) is not plausible: check it."),
        ]
    )


class Head(KindDetail):
    """A head circumference, in whole millimetres."""

    event = models.OneToOneField(CareEvent, on_delete=models.CASCADE, related_name="head")
    mm = models.PositiveIntegerField(
        validators=[
            MinValueValidator(
                SMALLEST_HEAD_MM,
                message="A head circumference under 15 cm (6 in) is not plausible: check it.",
            ),
            MaxValueValidator(
                LARGEST_HEAD_MM, message="A head circumference over 65 cm (26 in) is not plausible: check it."
            ),
        ]
    )
