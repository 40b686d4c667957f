"""Deleting an account or a household, across every app: only the top floor knows them all.

An account's deletion forgets the person: their screenings, sharing choices, concerns, check-in answers,
agreements, night preferences, calendar link and bonding plans go. The care they gave or logged stays with
the household — it is the children's record and the other parents' too — under "a former member": the
member row stays, with no account, no name, no relationship and no birth detail. Their name is the one
thing the household might want kept, and it is the departing person's to take; so Twofold does not offer
to keep it.

A household goes whole: children, care, screenings, check-ins, plans, invitations, members. Its members'
accounts stay. Care protects the members who gave it (on_delete=PROTECT, so no member row vanishes under
the log by accident), which is why the log and the bonding plans go first, deliberately.
"""

from __future__ import annotations

from dataclasses import dataclass

from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import User
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone

from twofold.audit.models import Action
from twofold.audit.services import record
from twofold.bonding.models import BondingPlan
from twofold.care.purge import erase_log
from twofold.checkins.models import Agreement, AgreementReview, Checkin
from twofold.households.models import Household, Member
from twofold.households.selectors import active_memberships
from twofold.imports.models import ImportBatch
from twofold.intake.models import OfferAnswered, Writing
from twofold.nights.models import CalendarLink, NightPreference
from twofold.wellbeing.models import Concern, EarlierResults, Screening, SharingChoice

FORMER_MEMBER = "a former member"


@dataclass(frozen=True)
class Ending:
    """A household that ends with the account: no current parent would be left in it."""

    household: Household
    others: list[Member]  # current members who stay, with their accounts, but lose the household


@dataclass(frozen=True)
class Departure:
    """What deleting an account would do, shown before it is done."""

    staying: list[Member]  # memberships in households that carry on without this person
    endings: list[Ending]

    @property
    def households_ending(self) -> list[Household]:
        return [ending.household for ending in self.endings]


def departure_of(user: User) -> Departure:
    """Where the account is a current member, which households carry on and which end with it."""
    memberships = list(active_memberships(user_id=user.pk).order_by("joined_at", "id"))
    others_by_household: dict[int, list[Member]] = {m.household_id: [] for m in memberships}
    for other in (
        Member.objects.current()
        .filter(household_id__in=others_by_household)
        .exclude(user_id=user.pk)
        .order_by("joined_at", "id")
    ):
        others_by_household[other.household_id].append(other)
    staying, endings = [], []
    for membership in memberships:
        others = others_by_household[membership.household_id]
        if any(other.is_parent for other in others):
            staying.append(membership)
        else:
            endings.append(Ending(household=membership.household, others=others))
    return Departure(staying=staying, endings=endings)


@transaction.atomic
def delete_account(*, user: User) -> Departure:
    """Delete the account, the households it is the last parent of, and everything personal of it."""
    departure = departure_of(user)
    name = user.first_name or user.get_username()
    for ending in departure.endings:
        delete_household(household=ending.household, actor=user, actor_name=name)
    for membership in departure.staying:
        record(
            action=Action.ACCOUNT_DELETED,
            actor=user,
            actor_name=membership.display_name,
            concerns=_users_of(Member.objects.current().filter(household_id=membership.household_id)),
            household=membership.household,
            detail=f"Their care stays in the log, as “{FORMER_MEMBER}”.",
        )
    if not departure.staying:
        record(action=Action.ACCOUNT_DELETED, actor=user, actor_name=name, concerns=[])
    for member in Member.objects.filter(user=user):  # past memberships too
        forget_member(member)
    _forget_login_records(user.get_username())
    user.delete()  # takes its API tokens; its sessions no longer find a user
    return departure


def forget_member(member: Member) -> None:
    """Remove what is about the person and keep the row, nameless, under the care they gave."""
    Screening.objects.filter(member=member).delete()
    SharingChoice.objects.filter(member=member).delete()
    # Their answers about showing earlier results, and others' answers about them: both name the person.
    EarlierResults.objects.filter(Q(sharer=member) | Q(joiner=member)).delete()
    Concern.objects.filter(Q(raised_by=member) | Q(about=member)).delete()
    Checkin.objects.filter(member=member).delete()
    AgreementReview.objects.filter(reviewer=member).delete()
    Agreement.objects.filter(author=member).delete()
    NightPreference.objects.filter(member=member).delete()
    CalendarLink.objects.filter(member=member).delete()
    BondingPlan.objects.filter(member=member).delete()
    Writing.objects.filter(author=member).delete()
    OfferAnswered.objects.filter(member=member).delete()
    member.user = None
    member.display_name = FORMER_MEMBER
    member.relationship = ""
    member.gave_birth = None
    member.left_at = member.left_at or timezone.now()
    member.save(update_fields=["user", "display_name", "relationship", "gave_birth", "left_at"])


def _forget_login_records(username: str) -> None:
    # The login throttle keeps the email with each attempt and login: personal data like the rest.
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username=username).delete()


@transaction.atomic
def delete_household(*, household: Household, actor: User, actor_name: str) -> None:
    """Delete the household and everything in it; the members' accounts stay, with no place here."""
    record(
        action=Action.HOUSEHOLD_DELETED,
        actor=actor,
        actor_name=actor_name,
        concerns=_users_of(Member.objects.filter(household=household)),
        household=household,
        detail="Everything in it: children, care, screenings, check-ins and plans. Accounts stay.",
    )
    # Care protects its members and bonding plans protect whoever set them up: they go first, on purpose,
    # the plans (whose days point at events) before the log.
    BondingPlan.objects.filter(household=household).delete()
    # Each import's links point at events too, and its batch protects the parent who imported it.
    ImportBatch.objects.filter(household=household).delete()
    erase_log(household_id=household.pk)
    household.delete()


def _users_of(members: QuerySet[Member]) -> list[User]:
    return [m.user for m in members.select_related("user") if m.user is not None]
