"""Every write of the support circle: pages, API and demo share these.

A taken night is agreed with the night planner (nights.services.agree_night), which makes or re-makes that
night's plan with the taker on duty; giving it back, or withdrawing the request, releases it again.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from twofold.circle import rules
from twofold.circle.models import MOST_HELPERS, HelpRequest, Kind, Outcome, StandingOffer, Taking
from twofold.circle.selectors import ask_of, circle_people, promise_of, viewer_of
from twofold.households.models import Member
from twofold.nights.selectors import tonight
from twofold.nights.services import Replanned, agree_night, release_night, replan_after_move

# Twofold's own choice: the circle is asked for the weeks ahead, not the months.
AHEAD = dt.timedelta(weeks=12)
# Twofold's own choices: a request may start a little before it is made (company, now), and lasts at most a
# day; longer help is several requests, each of which can be taken and given on its own.
GRACE = dt.timedelta(hours=1)
LONGEST = dt.timedelta(hours=24)
TOO_LONG = "Ask for at most a day at a time; for longer, ask for each day."
ENDS_BEFORE = "Make it end after it starts."
IN_THE_PAST = "That time has passed: ask for something still to come."
TOO_FAR = "Ask up to 12 weeks ahead; the circle can be asked again nearer the time."
CHOOSE_PEOPLE = "Choose who sees it, or show it to everyone in the circle."
NOT_IN_CIRCLE = "Choose people in your circle: helpers, or a parent living elsewhere."
HELPERS_RANGE = f"Ask for between 1 and {MOST_HELPERS} people."
NOT_A_PARENT_HERE = "Choose a parent of your household."
WRITE_SOMETHING = "Say what you can give, such as “Tuesday evenings”."


def _must_be_parent(member: Member) -> None:
    if not member.is_parent:
        raise PermissionDenied(rules.PARENTS_ONLY)


def _refuse(problem: str | None, field: str = "request") -> None:
    if problem:
        raise ValidationError({field: problem})


def night_of_start(member: Member, starts: dt.datetime) -> dt.date:
    """The night (the evening's date) a night request's start falls in, as the planner names nights."""
    return tonight(member.household, starts)


@transaction.atomic
def ask(
    *,
    member: Member,
    kind: str,
    starts: dt.datetime,
    ends: dt.datetime,
    place: str = "",
    note: str = "",
    helpers_needed: int = 1,
    for_everyone: bool = True,
    shown_to: Sequence[Member] = (),
    now: dt.datetime | None = None,
) -> HelpRequest:
    """A parent asks the circle for something; raises ValidationError keyed by field."""
    _must_be_parent(member)
    now = now or timezone.now()
    errors: dict[str, str] = {}
    if ends <= starts:
        errors["ends"] = ENDS_BEFORE
    elif starts < now - GRACE:
        errors["starts"] = IN_THE_PAST
    elif ends - starts > LONGEST:
        errors["ends"] = TOO_LONG
    elif starts > now + AHEAD:
        errors["starts"] = TOO_FAR
    if not 1 <= helpers_needed <= MOST_HELPERS:
        errors["helpers_needed"] = HELPERS_RANGE
    circle = {m.pk for m in circle_people(member.household_id)}
    if any(m.pk not in circle for m in shown_to):
        errors["shown_to"] = NOT_IN_CIRCLE
    elif not for_everyone and not shown_to:
        errors["shown_to"] = CHOOSE_PEOPLE
    if kind not in Kind.values:
        errors["kind"] = "Choose what you are asking for."
    if errors:
        raise ValidationError(errors)
    request = HelpRequest.objects.create(
        household_id=member.household_id,
        kind=kind,
        starts=starts,
        ends=ends,
        night=night_of_start(member, starts) if kind == Kind.NIGHT else None,
        place=place.strip(),
        note=note.strip(),
        helpers_needed=helpers_needed,
        for_everyone=for_everyone,
        asked_by=member,
        asked_at=now,
    )
    if not for_everyone:
        request.shown_to.set(shown_to)
    return request


def _locked(request: HelpRequest) -> HelpRequest:
    """The request again under a row lock, so two helpers taking the last place cannot both have it."""
    HelpRequest.objects.select_for_update().filter(pk=request.pk).first()
    return HelpRequest.objects.prefetch_related("takings", "shown_to").get(pk=request.pk)


def _asker(request: HelpRequest) -> Member | None:
    asker = request.asked_by
    return asker if asker is not None and asker.is_active else None


@transaction.atomic
def take(*, member: Member, request: HelpRequest, now: dt.datetime | None = None) -> Taking:
    now = now or timezone.now()
    request = _locked(request)
    takings = list(request.takings.all())
    _refuse(rules.take_problem(viewer_of(member), ask_of(request), [promise_of(t, {}) for t in takings], now))
    taking = next((t for t in takings if t.member_id == member.pk), None)
    if taking is None:
        taking = Taking.objects.create(request=request, member=member, taken_at=now)
    else:  # taken again after giving it back
        taking.dropped_at, taking.taken_at = None, now
        taking.save(update_fields=["dropped_at", "taken_at"])
    stretch = rules.planner_night(request.kind, request.night, ask_of(request), promise_of(taking, {}))
    if stretch is not None:
        agree_night(
            about=member,
            day=stretch.night,
            start=stretch.start,
            end=stretch.end,
            asked_by=_asker(request),
            now=now,
        )
    return taking


def _taking_of(request: HelpRequest, member: Member) -> Taking | None:
    return next((t for t in request.takings.all() if t.member_id == member.pk), None)


@transaction.atomic
def give_back(*, member: Member, request: HelpRequest, now: dt.datetime | None = None) -> Taking:
    """The helper changes their mind before it starts; the parents see it on Today and the circle page."""
    now = now or timezone.now()
    request = _locked(request)
    taking = _taking_of(request, member)
    if taking is None:
        raise ValidationError({"request": rules.NOT_TAKEN})
    _refuse(rules.drop_problem(promise_of(taking, {}), ask_of(request), now))
    taking.dropped_at = now
    taking.save(update_fields=["dropped_at"])
    if request.kind == Kind.NIGHT and request.night is not None:
        release_night(about=member, day=request.night, asked_by=_asker(request), now=now)
    return taking


@transaction.atomic
def mark(
    *, member: Member, request: HelpRequest, taker: Member, outcome: str, now: dt.datetime | None = None
) -> Taking:
    """Mark what became of someone's part: "given", "not_given", or "" to take the mark back."""
    now = now or timezone.now()
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": "Say whether it happened."})
    request = _locked(request)
    taking = _taking_of(request, taker)
    if taking is None:
        raise ValidationError({"request": rules.NOT_TAKEN})
    _refuse(rules.mark_problem(viewer_of(member), promise_of(taking, {}), ask_of(request), now))
    taking.outcome = outcome
    taking.marked_by, taking.marked_at = (member, now) if outcome else (None, None)
    taking.save(update_fields=["outcome", "marked_by", "marked_at"])
    return taking


@transaction.atomic
def withdraw(*, member: Member, request: HelpRequest, now: dt.datetime | None = None) -> HelpRequest:
    """A parent no longer needs it: whoever took a night is released from it."""
    now = now or timezone.now()
    _must_be_parent(member)
    _refuse(rules.withdraw_problem(viewer_of(member), ask_of(request), now))
    request = _locked(request)
    request.withdrawn_at = now
    request.save(update_fields=["withdrawn_at"])
    if request.kind == Kind.NIGHT and request.night is not None and now < request.starts:
        for taking in request.takings.all():
            if taking.dropped_at is None:
                release_night(about=taking.member, day=request.night, asked_by=member, now=now)
    return request


@transaction.atomic
def reopen(*, member: Member, request: HelpRequest, now: dt.datetime | None = None) -> HelpRequest:
    """Undo a withdrawal before the request starts; those who had taken it have it again."""
    now = now or timezone.now()
    _must_be_parent(member)
    if now >= request.starts:
        raise ValidationError({"request": rules.STARTED})
    request = _locked(request)
    request.withdrawn_at = None
    request.save(update_fields=["withdrawn_at"])
    if request.kind == Kind.NIGHT and request.night is not None:
        for taking in request.takings.all():
            if taking.dropped_at is None:
                agree_night(
                    about=taking.member,
                    day=request.night,
                    start=request.starts,
                    end=request.ends,
                    asked_by=member,
                    now=now,
                )
    return request


def add_offer(*, member: Member, kind: str, words: str, weekdays: str = "") -> StandingOffer:
    """What a helper (or a parent living elsewhere) can generally give."""
    if not viewer_of(member).takes_requests:
        raise PermissionDenied(rules.NOT_A_HELPER)
    errors = {}
    if not words.strip():
        errors["words"] = WRITE_SOMETHING
    if kind not in Kind.values:
        errors["kind"] = "Choose what you can give."
    if any(d not in "0123456" for d in weekdays):
        errors["weekdays"] = "Choose days of the week."
    if errors:
        raise ValidationError(errors)
    days = "".join(sorted(set(weekdays)))
    return StandingOffer.objects.create(
        household_id=member.household_id, member=member, kind=kind, words=words.strip(), weekdays=days
    )


def remove_offer(*, member: Member, offer: StandingOffer) -> None:
    if offer.member_id != member.pk and not member.is_parent:
        raise PermissionDenied("Only the helper who made an offer, or a parent, can remove it.")
    offer.delete()


@transaction.atomic
def set_living_apart(
    *, member: Member, about: Member, apart: bool, now: dt.datetime | None = None
) -> Replanned:
    """Mark a parent as living elsewhere for now, or back home. Their role stays: their care counts as
    before; the night planner leaves them off duty at home unless they take a night. The coming nights already
    planned are made again to follow it, except a night they agreed and a night changed by hand (returned in
    `kept`, for a parent to plan again)."""
    _must_be_parent(member)
    if about.household_id != member.household_id or not about.is_parent or not about.is_active:
        raise ValidationError({"member": NOT_A_PARENT_HERE})
    if about.lives_apart == apart:  # said twice (a page sent again): nothing has moved, nothing to re-plan
        return Replanned((), ())
    Member.objects.filter(pk=about.pk).update(lives_apart=apart)
    about.lives_apart = apart
    return replan_after_move(about=about, made_by=member, now=now or timezone.now())
