"""Writes for households: creating one, children, invitations, joining and leaving."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from dataclasses import dataclass

from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from twofold.households.invitations import InvitationUnusable
from twofold.households.models import Child, Household, Invitation, Member, Role
from twofold.households.signals import member_removed

INVITATION_LIFETIME = dt.timedelta(days=7)

# What went wrong with a link; the pages add whom to ask for a new one (invitations.whom_to_ask).
INVITATION_NOT_FOUND = "This invitation link is not valid: check that the whole link was copied."
INVITATION_USED = "This invitation has already been used: each link works once."
INVITATION_EXPIRED = "This invitation has expired: invitation links last 7 days."
INVITATION_REVOKED = "This invitation was withdrawn."
ALREADY_MEMBER = "You are already a member of this household."
ONLY_PARENTS = "Only parents can do this."
LAST_PARENT = (
    "You are the last parent here. Invite another parent first, or remove the helpers, "
    "so the household is never left without a parent."
)
LAST_PARENT_REMOVED = (
    "{name} is the last parent here, so they cannot be removed: a household always keeps a parent."
)
REMOVE_YOURSELF = "To remove yourself, leave the household instead."
NO_LONGER_HERE = "You are no longer a member of this household."


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def require_parent(member: Member) -> None:
    if not member.is_parent:
        raise PermissionDenied(ONLY_PARENTS)


@transaction.atomic
def create_household(
    *,
    user: User,
    name: str,
    display_name: str,
    time_zone: str = "Europe/London",
    country: str = "GB",
    locale: str = "en-GB",
    volume_unit: str = "ml",
    mass_unit: str = "kg",
    length_unit: str = "cm",
    temperature_unit: str = "C",
    night_start: dt.time = dt.time(22, 0),
    night_end: dt.time = dt.time(7, 0),
    relationship: str = "",
    gave_birth: bool | None = None,
) -> Member:
    household = Household(
        name=name,
        time_zone=time_zone,
        country=country,
        locale=locale,
        volume_unit=volume_unit,
        mass_unit=mass_unit,
        length_unit=length_unit,
        temperature_unit=temperature_unit,
        night_start=night_start,
        night_end=night_end,
    )
    household.full_clean()
    household.save()
    member = Member(
        household=household,
        user=user,
        display_name=display_name,
        relationship=relationship,
        role=Role.PARENT,
        gave_birth=gave_birth,
    )
    member.full_clean()
    member.save()
    return member


def update_household(*, member: Member, **fields: object) -> Household:
    require_parent(member)
    household = member.household
    for name, value in fields.items():
        setattr(household, name, value)
    household.full_clean()
    household.save()
    return household


def add_child(
    *,
    member: Member,
    name: str,
    birth_date: dt.date,
    feeding_method: str,
    sex: str = "",
    gestation_weeks: int | None = None,
    gestation_days: int | None = None,
) -> Child:
    require_parent(member)
    child = Child(
        household=member.household,
        name=name,
        birth_date=birth_date,
        feeding_method=feeding_method,
        sex=sex,
        gestation_weeks=gestation_weeks,
        gestation_days=gestation_days,
    )
    validate_birth_date(birth_date, today=timezone.localdate(timezone=member.household.zone))
    child.full_clean()
    child.save()
    return child


def update_child(*, member: Member, child: Child, **fields: object) -> Child:
    require_parent(member)
    for name, value in fields.items():
        setattr(child, name, value)
    validate_birth_date(child.birth_date, today=timezone.localdate(timezone=member.household.zone))
    child.full_clean()
    child.save()
    return child


def validate_birth_date(birth_date: dt.date, *, today: dt.date) -> None:
    if birth_date > today:
        raise ValidationError({"birth_date": "The birth date is in the future: check the year."})
    if birth_date < today - dt.timedelta(days=366 * 6):
        raise ValidationError(
            {"birth_date": "Twofold is for young children: the birth date is over six years ago."}
        )


@dataclass(frozen=True)
class NewInvitation:
    invitation: Invitation
    token: str


def invite(*, member: Member, role: str, now: dt.datetime | None = None) -> NewInvitation:
    """Make a single-use link; the plain token is returned once and never stored."""
    require_parent(member)
    if role not in Role.values:
        raise ValidationError({"role": "Choose parent or helper."})
    now = now or timezone.now()
    token = secrets.token_urlsafe(24)
    invitation = Invitation.objects.create(
        household=member.household,
        role=role,
        token_hash=hash_token(token),
        created_by=member,
        created_at=now,
        expires_at=now + INVITATION_LIFETIME,
    )
    return NewInvitation(invitation=invitation, token=token)


def find_invitation(*, token: str, now: dt.datetime | None = None) -> Invitation:
    """The open invitation for a token, or InvitationUnusable (a ValidationError) saying what went wrong."""
    now = now or timezone.now()
    invitation = (
        Invitation.objects.select_related("household", "created_by")
        .filter(token_hash=hash_token(token))
        .first()
    )
    if invitation is None:
        raise InvitationUnusable(INVITATION_NOT_FOUND)
    if invitation.accepted_at is not None:
        raise InvitationUnusable(INVITATION_USED, invitation)
    if invitation.revoked_at is not None:
        raise InvitationUnusable(INVITATION_REVOKED, invitation)
    if now >= invitation.expires_at:
        raise InvitationUnusable(INVITATION_EXPIRED, invitation)
    return invitation


@transaction.atomic
def accept_invitation(
    *,
    user: User,
    token: str,
    display_name: str,
    relationship: str = "",
    gave_birth: bool | None = None,
    now: dt.datetime | None = None,
) -> Member:
    now = now or timezone.now()
    invitation = find_invitation(token=token, now=now)
    # Lock the row so two people racing for one link cannot both join with it (on SQLite, the IMMEDIATE
    # transaction this runs in does the same: settings.py).
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    if invitation.accepted_at is not None:
        raise InvitationUnusable(INVITATION_USED, invitation)
    member = Member.objects.filter(household=invitation.household, user=user).first()
    if member is not None and member.is_active:
        raise ValidationError(ALREADY_MEMBER)
    if member is None:
        member = Member(household=invitation.household, user=user)
    member.display_name = display_name
    member.relationship = relationship
    member.role = invitation.role
    member.gave_birth = gave_birth
    member.joined_at = now
    member.left_at = None
    member.removed_by_name = ""
    member.removal_seen_at = None
    member.full_clean()
    member.save()
    invitation.accepted_at = now
    invitation.accepted_by = member
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return member


def revoke_invitation(*, member: Member, invitation: Invitation) -> None:
    require_parent(member)
    if invitation.accepted_at is None and invitation.revoked_at is None:
        invitation.revoked_at = timezone.now()
        invitation.save(update_fields=["revoked_at"])


def _other_active_parents(member: Member) -> int:
    return (
        Member.objects.current()
        .parents()
        .filter(household_id=member.household_id)
        .exclude(pk=member.pk)
        .count()
    )


def _other_active_members(member: Member) -> int:
    return Member.objects.current().filter(household_id=member.household_id).exclude(pk=member.pk).count()


def _removal_refusal(by: Member, member: Member) -> str | None:
    """Why `by` may not remove `member` now, read afresh inside the lock; None when they may."""
    if not by.is_active:
        return NO_LONGER_HERE
    if member.household_id != by.household_id or not member.is_active:
        return f"{member.display_name} is no longer in this household."
    if member.is_parent and _other_active_parents(member) == 0:
        return LAST_PARENT_REMOVED.format(name=member.display_name)
    return None


@transaction.atomic
def remove_member(*, by: Member, member: Member, now: dt.datetime | None = None) -> Member:
    """A parent removes someone. Their past care stays in the log under their name, and they are told the
    next time they come in. Only parents remove; anyone may leave by themselves."""
    require_parent(by)
    if member.pk == by.pk:
        raise ValidationError(REMOVE_YOURSELF)
    # One removal at a time per household, so two parents removing each other at once cannot leave it with
    # none: the second finds its remover gone (on SQLite the IMMEDIATE transaction does the same).
    list(Household.objects.select_for_update().filter(pk=by.household_id).values_list("pk", flat=True))
    by = Member.objects.select_related("household").get(pk=by.pk)
    member = Member.objects.get(pk=member.pk)
    refusal = _removal_refusal(by, member)
    if refusal is not None:
        raise ValidationError(refusal)
    member.left_at = now or timezone.now()
    member.removed_by_name = by.display_name
    member.removal_seen_at = None
    member.save(update_fields=["left_at", "removed_by_name", "removal_seen_at"])
    member_removed.send(sender=Member, member=member, by=by)
    return member


def leave_household(*, member: Member) -> None:
    if member.is_parent and _other_active_parents(member) == 0 and _other_active_members(member):
        raise ValidationError(LAST_PARENT)
    member.left_at = timezone.now()
    member.removed_by_name = ""
    member.save(update_fields=["left_at", "removed_by_name"])


def update_member(*, member: Member, **fields: object) -> Member:
    """A member edits their own name, relationship label and gave_birth."""
    for name, value in fields.items():
        setattr(member, name, value)
    member.full_clean()
    member.save()
    return member


def add_former_member(*, member: Member, display_name: str, relationship: str, now: dt.datetime) -> Member:
    """Someone named in an imported log who has no account here: kept as a former member with no account, so
    the log says who did each thing without giving them a way in. Parents only."""
    require_parent(member)
    former = Member(
        household=member.household,
        user=None,
        display_name=display_name.strip()[:40],
        relationship=relationship[:40],
        role=Role.HELPER,
        joined_at=now,
        left_at=now,
    )
    former.full_clean(exclude=["user"])
    former.save()
    return former
