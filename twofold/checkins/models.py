"""A weekly check-in: each parent's private answers, the agreements they make, and how those went.

Answers are private to their author until the week is revealed (see reveal.py); agreements are shared with
the other parents as soon as they are written; a review of an agreement is an answer of the next week's
check-in, so it stays private until that check-in is revealed. Answers and reviews are sealed at rest
(twofold/sealing.py): only who answered, for which week and when is in the clear.
"""

from __future__ import annotations

from functools import cached_property

from django.db import models
from django.utils import timezone

from twofold.checkins.answers import ANSWERS_SEALED, REVIEW_SEALED, Answers
from twofold.households.models import Household, Member
from twofold.sealing import CannotUnseal, seal, unseal

AGREEMENT_LIMIT = 200


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


class Checkin(models.Model):
    """One parent's answers for one check-in week (`week` is its Monday, household-local)."""

    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="checkins")
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="checkins")
    week = models.DateField()
    sealed_answers = models.TextField(help_text="Encrypted: the shares, ratings and words answered.")
    answered_at = models.DateTimeField(default=timezone.now)
    changed_at = models.DateTimeField(default=timezone.now)
    # Set on every answer of the week when the last current parent answers: a parent who joins later
    # does not hide what was already shown.
    revealed_at = models.DateTimeField(null=True, blank=True)
    # When the author first read the revealed check-in: the Today card stops saying it is ready.
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = "check-in answer"
        ordering = ["-week", "answered_at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["member", "week"], name="one_checkin_per_parent_and_week"),
        ]
        indexes = [models.Index(fields=["household", "week"])]

    def __str__(self) -> str:
        return f"{self.member} · {self.week}"

    @cached_property
    def opened(self) -> Answers | None:
        """The answers, or None when no configured key opens them: pages say so in their place."""
        return opened_answers(self.sealed_answers)

    @property
    def answers(self) -> Answers:
        """The answers; CannotUnseal when no configured key opens them (pages read `opened` instead)."""
        if self.opened is None:
            raise CannotUnseal(ANSWERS_SEALED)
        return self.opened

    def seal(self, answers: Answers) -> None:
        self.sealed_answers = seal(answers.document())
        self.__dict__["opened"] = answers


def opened_answers(sealed: str) -> Answers | None:
    """Sealed answers opened, or None when no configured key opens them."""
    try:
        return Answers.from_document(unseal(sealed))
    except CannotUnseal:
        return None


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
    sealed_outcome = models.TextField(help_text="Encrypted: kept, partly kept or not kept.")
    answered_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["agreement_id", "answered_at", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "reviewer"], name="one_review_per_agreement_and_parent"
            )
        ]

    def __str__(self) -> str:
        return f"{self.reviewer}: {self.outcome_label}"

    @cached_property
    def outcome(self) -> Outcome | None:
        """How it went, or None when no configured key opens it."""
        return opened_outcome(self.sealed_outcome)

    @property
    def outcome_label(self) -> str:
        """“Partly kept”, or a short note in its place when it cannot be opened."""
        return REVIEW_SEALED if self.outcome is None else self.outcome.label

    def seal(self, outcome: Outcome) -> None:
        self.sealed_outcome = seal(outcome.value)
        self.__dict__["outcome"] = outcome


def opened_outcome(sealed: str) -> Outcome | None:
    try:
        return Outcome(unseal(sealed))
    except (CannotUnseal, ValueError):
        return None
