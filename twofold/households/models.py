"""A household is the unit of privacy: members, children and invitations all belong to one."""

from __future__ import annotations

import datetime as dt
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone


def validate_time_zone(value: str) -> None:
    if value not in zoneinfo.available_timezones():
        raise ValidationError(f"“{value}” is not a time zone we know. Pick one such as Europe/London.")


# The gestations the UK-WHO preterm and term charts cover (rcpchgrowth's own limits).
SHORTEST_GESTATION_WEEKS = 22
LONGEST_GESTATION_WEEKS = 44


class Locale(models.TextChoices):
    EN_GB = "en-GB", "English (UK): nappy, cot"
    EN_US = "en-US", "English (US): diaper, crib"


class VolumeUnit(models.TextChoices):
    ML = "ml", "millilitres (ml)"
    FL_OZ = "fl_oz", "fluid ounces (fl oz)"


class MassUnit(models.TextChoices):
    KG = "kg", "kilograms (kg)"
    LB_OZ = "lb_oz", "pounds and ounces (lb, oz)"


class LengthUnit(models.TextChoices):
    CM = "cm", "centimetres (cm)"
    INCH = "in", "inches (in)"


class Sex(models.TextChoices):
    """Only for choosing the growth chart: the reference curves differ by sex."""

    UNSAID = "", "Not given"
    FEMALE = "female", "Female"
    MALE = "male", "Male"


class TemperatureUnit(models.TextChoices):
    CELSIUS = "C", "degrees Celsius (°C)"
    FAHRENHEIT = "F", "degrees Fahrenheit (°F)"


class Country(models.TextChoices):
    """Countries whose crisis lines Twofold knows (EVIDENCE.md §6); anywhere else gets the directory."""

    GB = "GB", "United Kingdom"
    US = "US", "United States"
    AU = "AU", "Australia"
    CA = "CA", "Canada"
    IE = "IE", "Ireland"
    NZ = "NZ", "New Zealand"
    OTHER = "XX", "Somewhere else"


class Household(models.Model):
    name = models.CharField(max_length=80)
    time_zone = models.CharField(max_length=64, default="Europe/London", validators=[validate_time_zone])
    country = models.CharField(max_length=2, choices=Country.choices, default=Country.GB)
    locale = models.CharField(max_length=5, choices=Locale.choices, default=Locale.EN_GB)
    volume_unit = models.CharField(max_length=5, choices=VolumeUnit.choices, default=VolumeUnit.ML)
    mass_unit = models.CharField(max_length=5, choices=MassUnit.choices, default=MassUnit.KG)
    length_unit = models.CharField(max_length=2, choices=LengthUnit.choices, default=LengthUnit.CM)
    # Temperatures are stored in °C and shown in this unit.
    temperature_unit = models.CharField(
        max_length=1, choices=TemperatureUnit.choices, default=TemperatureUnit.CELSIUS
    )
    night_start = models.TimeField(default=dt.time(22, 0))
    night_end = models.TimeField(default=dt.time(7, 0))
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return self.name

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    def clean(self) -> None:
        if self.night_start == self.night_end:
            raise ValidationError(
                {"night_end": "The night needs a length: make its end differ from its start."}
            )


class Role(models.TextChoices):
    PARENT = "parent", "Parent"
    HELPER = "helper", "Helper"


class MemberQuerySet(models.QuerySet["Member"]):
    def current(self) -> MemberQuerySet:
        """Members who have not left. Rows outlive leaving, so every read of who is here starts here."""
        return self.filter(left_at__isnull=True)

    def parents(self) -> MemberQuerySet:
        return self.filter(role=Role.PARENT)


class Member(models.Model):
    """A person's place in a household. Rows outlive leaving, so the log keeps who did what."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="members")
    # Empty once the person deleted their account: the row stays, nameless, so the care they gave stays in
    # the household's log (accounts/erasure.py).
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="memberships"
    )
    display_name = models.CharField(max_length=40)
    relationship = models.CharField(
        max_length=40, blank=True, help_text="Free text, such as Mum, Papa, Grandma or Friend."
    )
    role = models.CharField(max_length=6, choices=Role.choices, default=Role.PARENT)
    gave_birth = models.BooleanField(
        null=True,
        blank=True,
        help_text="Optional. Used only where the evidence differs, such as screening cut-offs.",
    )
    joined_at = models.DateTimeField(default=timezone.now)
    left_at = models.DateTimeField(null=True, blank=True)
    removed_by_name = models.CharField(
        max_length=40,
        blank=True,
        help_text="Who removed them, as named then; blank if they left by themselves.",
    )
    removal_seen_at = models.DateTimeField(
        null=True, blank=True, help_text="When the removed member was told; null until they next come in."
    )
    # A parent who sleeps elsewhere for now stays a parent: their care counts as before; only the night
    # planner leaves them off duty at home unless they agree a night (twofold/circle).
    lives_apart = models.BooleanField(default=False)

    objects = MemberQuerySet.as_manager()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["household", "user"], name="one_membership_per_user")]
        ordering = ["joined_at", "id"]

    def __str__(self) -> str:
        return self.display_name

    @property
    def is_active(self) -> bool:
        return self.left_at is None

    @property
    def was_removed(self) -> bool:
        return self.left_at is not None and bool(self.removed_by_name)

    @property
    def is_parent(self) -> bool:
        return self.role == Role.PARENT


class FeedingMethod(models.TextChoices):
    BREAST = "breast", "Breastfed"
    EXPRESSED = "expressed", "Expressed milk"
    FORMULA = "formula", "Formula"
    MIXED = "mixed", "Mixed"


class Child(models.Model):
    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="children")
    name = models.CharField(max_length=40)
    birth_date = models.DateField()
    feeding_method = models.CharField(
        max_length=10, choices=FeedingMethod.choices, default=FeedingMethod.MIXED
    )
    # For the growth charts only (their curves differ by sex); a chart without it is not drawn.
    sex = models.CharField(max_length=6, choices=Sex.choices, default=Sex.UNSAID, blank=True)
    # Gestation at birth, for corrected age; both empty when not given (taken as born at term).
    gestation_weeks = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        validators=[
            MinValueValidator(
                SHORTEST_GESTATION_WEEKS, message="Gestation starts at 22 weeks on the growth charts."
            ),
            MaxValueValidator(
                LONGEST_GESTATION_WEEKS, message="Gestation goes up to 44 weeks: check the weeks."
            ),
        ],
    )
    gestation_days = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MaxValueValidator(6, message="Days go from 0 to 6.")]
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["birth_date", "name", "id"]
        verbose_name_plural = "children"

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        if self.gestation_days is not None and self.gestation_weeks is None:
            raise ValidationError({"gestation_weeks": "Give the weeks too, such as 35 weeks and 4 days."})


class Invitation(models.Model):
    """A single-use link. Only a hash of the token is stored, so a database leak opens no door."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="invitations")
    role = models.CharField(max_length=6, choices=Role.choices, default=Role.PARENT)
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    accepted_by = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    accepted_at = models.DateTimeField(null=True, blank=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.get_role_display()} invitation to {self.household_id}"

    def is_open(self, now: dt.datetime) -> bool:
        return self.accepted_at is None and self.revoked_at is None and now < self.expires_at
