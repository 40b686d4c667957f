"""A weekly check-in: each parent's private answers, the agreements they make, and how those went.

Answers are private to their author until the week is revealed (see reveal.py); agreements are shared with
the other parents as soon as they are written; a review of an agreement is an answer of the next week's
check-in, so it stays private until that check-in is revealed.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone

from twofold.households.models import Household, Member

SHARE_ERROR = "Give a whole number from 0 to 100."
RATING_ERROR = "Choose a number from 0 to 10."
TEXT_LIMIT = 300
AGREEMENT_LIMIT = 200

SHARE_FIELDS = ("care_share", "night_share")
RATING_FIELDS = ("fairness", "sleep", "mood", "connection")
TEXT_FIELDS = ("appreciated", "needed")
ANSWER_FIELDS = SHARE_FIELDS + RATING_FIELDS + TEXT_FIELDS


class Weekday(models.IntegerChoices):
    MONDAY = 0, "Monday"
    TUESDAY = 1, "Tuesday"
    WEDNESDAY = 2, "Wednesday"
    THURSDAY = 3, "Thursday"
    FRIDAY = 4, "Friday"
    SATURDAY = 5, "Saturday"
    SUNDAY = 6, "Sunday"


class CheckinSettings(models.Model):
    """The household's check-in day. Households without a row use the default."""

    household = models.OneToOneField(Household, on_delete=models.CASCADE, related_name="checkin_settings")
    day = models.PositiveSmallIntegerField(choices=Weekday.choices, default=Weekday.SUNDAY)

    class Meta:
        verbose_name_plural = "check-in settings"

    def __str__(self) -> str:
        return f"{self.household}: {self.get_day_display()}"


def _share() -> models.PositiveSmallIntegerField[int, int]:
    return models.PositiveSmallIntegerField(
        validators=[
            MinValueValidator(0, message=SHARE_ERROR),
            MaxValueValidator(100, message=SHARE_ERROR),
        ]
    )


def _rating() -> models.PositiveSmallIntegerField[int, int]:
    return models.PositiveSmallIntegerField(
        validators=[
            MinValueValidator(0, message=RATING_ERROR),
            MaxValueValidator(10, message=RATING_ERROR),
        ]
    )


class Checkin(models.Model):
    """One parent's answers for one check-in week (`week` is its Monday, household-local)."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="checkins")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="checkins")
    week = models.DateField()
    care_share = _share()
    night_share = _share()
    fairness = _rating()
    sleep = _rating()
    mood = _rating()
    connection = _rating()
    appreciated = models.CharField(max_length=TEXT_LIMIT, blank=True)
    needed = models.CharField(max_length=TEXT_LIMIT, blank=True)
    answered_at = models.DateTimeField(default=timezone.now)
    changed_at = models.DateTimeField(default=timezone.now)
    # Set on every answer of the week when the last current parent answers: a parent who joins later
    # does not hide what was already shown.
    revealed_at = models.DateTimeField(null=True, blank=True)
    # When the author first read the revealed check-in: the Today card stops saying it is ready.
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-week", "answered_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["member", "week"], name="one_checkin_per_parent_and_week"),
            models.CheckConstraint(
                condition=Q(care_share__lte=100) & Q(night_share__lte=100), name="checkin_shares_in_range"
            ),
            models.CheckConstraint(
                condition=Q(fairness__lte=10) & Q(sleep__lte=10) & Q(mood__lte=10) & Q(connection__lte=10),
                name="checkin_ratings_in_range",
            ),
        ]
        indexes = [models.Index(fields=["household", "week"])]

    def __str__(self) -> str:
        return f"{self.member} · {self.week}"


class Agreement(models.Model):
    """Something one parent will do, made in the check-in of `week`, to be kept the week after."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="agreements")
    author = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="agreements")
    week = models.DateField()
    text = models.CharField(max_length=AGREEMENT_LIMIT)
    created_at = models.DateTimeField(default=timezone.now)
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-week", "created_at", "id"]
        indexes = [models.Index(fields=["household", "week"])]

    def __str__(self) -> str:
        return self.text


class Outcome(models.TextChoices):
    KEPT = "kept", "Kept"
    PARTLY = "partly", "Partly kept"
    NOT_KEPT = "not_kept", "Not kept"


class AgreementReview(models.Model):
    """A parent's answer, in the next week's check-in, to "was it kept?"."""

    agreement = models.ForeignKey(Agreement, on_delete=models.CASCADE, related_name="reviews")
    reviewer = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="agreement_reviews")
    outcome = models.CharField(max_length=8, choices=Outcome.choices)
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["agreement_id", "answered_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "reviewer"], name="one_review_per_agreement_and_parent"
            )
        ]

    def __str__(self) -> str:
        return f"{self.reviewer}: {self.get_outcome_display()}"
