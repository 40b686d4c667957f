"""Writes for bonding plans. Activities are logged through the care log's own service, as care events."""

from __future__ import annotations

import datetime as dt
import uuid

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from twofold.bonding.models import BondingPlan, DayStatus, PlanDay
from twofold.bonding.plan import BY_KEY, care_shape
from twofold.care import services as care
from twofold.care.models import CareEvent, Kind, Response
from twofold.households.models import Child, Member

PARENTS_ONLY = "Bonding plans are for parents."
ALREADY_OPEN = "You already have a plan with {child}: pause, resume or end it instead of starting another."
NOT_YOURS = "Only {name} can change their own plan."
ENDED = "This plan has ended: start a new one."
NOT_PAUSED = "This plan is not paused."
ALREADY_PAUSED = "This plan is already paused."
NOT_ACTIVE = "This plan is paused: resume it first."
ALREADY_DECIDED = "Today's suggestion is already {status}: undo that first if you want to change it."
UNKNOWN_ACTIVITY = "Unknown activity."
NOT_A_CRYING_TIMER = "This is not a crying timer that is still running."
RESPONSE_CHOICES = tuple(Response.values)


def today_for(member: Member, now: dt.datetime) -> dt.date:
    return now.astimezone(member.household.zone).date()


def start_plan(*, member: Member, child: Child, now: dt.datetime | None = None) -> BondingPlan:
    """A parent starts a plan for themselves with one child."""
    now = now or timezone.now()
    if not member.is_parent:
        raise PermissionDenied(PARENTS_ONLY)
    if child.household_id != member.household_id:
        raise ValidationError({"child": "Choose a child in this household."})
    if BondingPlan.objects.filter(member=member, child=child, ended_at__isnull=True).exists():
        raise ValidationError({"child": ALREADY_OPEN.format(child=child.name)})
    plan = BondingPlan(
        household_id=member.household_id,
        member=member,
        child=child,
        started_on=today_for(member, now),
        created_by=member,
        created_at=now,
    )
    try:
        with transaction.atomic():
            plan.save()
    except IntegrityError:  # two taps raced past the check above
        raise ValidationError({"child": ALREADY_OPEN.format(child=child.name)}) from None
    return plan


def check_own(member: Member, plan: BondingPlan) -> None:
    if plan.household_id != member.household_id:
        raise PermissionDenied("Not your household's plan.")
    if plan.member_id != member.pk:
        raise PermissionDenied(NOT_YOURS.format(name=plan.member.display_name))
    if plan.ended_at is not None:
        raise ValidationError({"status": ENDED})


def pause_plan(*, member: Member, plan: BondingPlan, now: dt.datetime | None = None) -> BondingPlan:
    check_own(member, plan)
    if plan.paused_at is not None:
        raise ValidationError({"status": ALREADY_PAUSED})
    plan.paused_at = now or timezone.now()
    plan.save(update_fields=["paused_at"])
    return plan


def resume_plan(*, member: Member, plan: BondingPlan) -> BondingPlan:
    check_own(member, plan)
    if plan.paused_at is None:
        raise ValidationError({"status": NOT_PAUSED})
    plan.paused_at = None
    plan.save(update_fields=["paused_at"])
    return plan


def end_plan(*, member: Member, plan: BondingPlan, now: dt.datetime | None = None) -> BondingPlan:
    """Ending keeps the plan and its days (the care events were always the log's); a new one can start."""
    check_own(member, plan)
    plan.ended_at = now or timezone.now()
    plan.save(update_fields=["ended_at"])
    return plan


def set_status(*, member: Member, plan: BondingPlan, status: str) -> BondingPlan:
    """The API's one field for pausing, resuming and ending."""
    if status == "paused":
        return pause_plan(member=member, plan=plan)
    if status == "active":
        return resume_plan(member=member, plan=plan)
    if status == "ended":
        return end_plan(member=member, plan=plan)
    raise ValidationError({"status": "Choose active, paused or ended."})


def _check_active(member: Member, plan: BondingPlan, day: dt.date) -> None:
    check_own(member, plan)
    if plan.paused_at is not None:
        raise ValidationError({"status": NOT_ACTIVE})
    decided = PlanDay.objects.filter(plan=plan, day=day).first()
    if decided is not None:
        raise ValidationError(
            {"activity": ALREADY_DECIDED.format(status=decided.get_status_display().lower())}
        )


def _open_day(member: Member, plan: BondingPlan, activity: str, now: dt.datetime) -> dt.date:
    """Today, for a known activity on a plan that is the member's own, active and not yet decided today."""
    if activity not in BY_KEY:
        raise ValidationError({"activity": UNKNOWN_ACTIVITY})
    day = today_for(member, now)
    _check_active(member, plan, day)
    return day


@transaction.atomic
def do_activity(
    *,
    member: Member,
    plan: BondingPlan,
    activity: str,
    bottle: str = "",
    response: str = "",
    settled_after_minutes: int | None = None,
    client_id: uuid.UUID | None = None,
    now: dt.datetime | None = None,
) -> PlanDay:
    """ "I did it": log the activity as care by the plan's parent, and mark today's suggestion done."""
    now = now or timezone.now()
    day = _open_day(member, plan, activity, now)
    try:
        shape = care_shape(activity, bottle)
    except ValueError as error:
        raise ValidationError({"bottle": str(error)}) from None
    details = shape.detail_dict() or None
    if shape.kind == Kind.SETTLE:
        details = {"outcome": "settled"} if response in ("calm", "settled") else None
    logged = care.log_care_event(
        member=member,
        child=plan.child,
        kind=shape.kind,
        by=plan.member,
        start=now,
        details=details,
        response=response,
        settled_after_minutes=settled_after_minutes if response == "settled" else None,
        client_id=client_id,
        now=now,
    )
    return PlanDay.objects.create(
        plan=plan, day=day, activity=activity, status=DayStatus.DONE, event=logged.event, created_at=now
    )


def skip_today(
    *, member: Member, plan: BondingPlan, activity: str, now: dt.datetime | None = None
) -> PlanDay:
    now = now or timezone.now()
    day = _open_day(member, plan, activity, now)
    return PlanDay.objects.create(
        plan=plan, day=day, activity=activity, status=DayStatus.SKIPPED, created_at=now
    )


def undo_skip(*, member: Member, plan: BondingPlan, now: dt.datetime | None = None) -> None:
    """Bring today's suggestion back after a skip (a done activity is undone by deleting its care event)."""
    check_own(member, plan)
    day = today_for(member, now or timezone.now())
    PlanDay.objects.filter(plan=plan, day=day, status=DayStatus.SKIPPED).delete()


def record_response(
    *, member: Member, event: CareEvent, response: str, settled_after_minutes: int | None = None
) -> CareEvent:
    """The baby's response in one tap; minutes to settle go only with "settled"."""
    if response not in RESPONSE_CHOICES:
        raise ValidationError({"response": f"Choose one of: {', '.join(RESPONSE_CHOICES)}."})
    minutes = settled_after_minutes if response == Response.SETTLED else None
    return care.update_care_event(
        member=member, event=event, fields={"response": response, "settled_after_minutes": minutes}
    )


def stop_crying(
    *, member: Member, event: CareEvent, settled: bool, now: dt.datetime | None = None
) -> CareEvent:
    """Stop a crying timer with how it ended, in one tap: settled (after its minutes) or still crying."""
    if event.kind != Kind.SETTLE or not event.running:
        raise ValidationError(NOT_A_CRYING_TIMER)
    now = now or timezone.now()
    minutes = min(600, max(0, int((now - event.start).total_seconds() // 60)))
    return care.stop_timer(
        member=member,
        event=event,
        end=now,
        details={"outcome": "settled" if settled else "still_crying"},
        response=Response.SETTLED if settled else Response.CRYING,
        settled_after_minutes=minutes if settled else None,
        now=now,
    ).event
