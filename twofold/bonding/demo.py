"""What the bonding app adds to the demo household: a plan for Sam, the less-involved parent, started four
weeks ago, with one activity logged most days and the baby's responses growing calmer week by week."""

from __future__ import annotations

import datetime as dt
import random
import uuid

from twofold.bonding.models import BondingPlan, DayStatus, PlanDay
from twofold.bonding.plan import care_shape, suggestion_for
from twofold.bonding.trend import SESSION_KINDS, SETTLED_OUTCOMES, UNSETTLED_OUTCOMES
from twofold.care.details import DETAIL_MODELS
from twofold.care.models import CareEvent, Settle, SettleOutcome
from twofold.households.demo import DemoFamily
from twofold.households.models import Child, Member

PLAN_WEEKS = 4
SEED = 7
# Chance of each response in the plan's first week and in its last: calmer as Sam and the baby get used to
# each other (a demo's story, not data).
FIRST_WEEK = {"calm": 20, "fussy": 30, "crying": 40, "settled": 10}
LAST_WEEK = {"calm": 55, "fussy": 20, "crying": 5, "settled": 20}


def _response(rng: random.Random, progress: float) -> str:
    names = list(FIRST_WEEK)
    weights = [FIRST_WEEK[k] + (LAST_WEEK[k] - FIRST_WEEK[k]) * progress for k in names]
    return rng.choices(names, weights=weights)[0]


def add_to_demo(family: DemoFamily) -> None:
    members, children, now = family.members, family.children, family.now
    sam = members.get("sam")
    if sam is None or not children:
        return
    child = children[0]
    zone = sam.household.zone
    today = now.astimezone(zone).date()
    started = max(child.birth_date, today - dt.timedelta(weeks=PLAN_WEEKS))
    plan = BondingPlan.objects.create(
        household_id=sam.household_id,
        member=sam,
        child=child,
        started_on=started,
        created_by=sam,
        created_at=dt.datetime.combine(started, dt.time(19), tzinfo=zone),
    )
    rng = random.Random(SEED)  # noqa: S311  a demo, not security
    done: dict[str, int] = {}
    events, days = [], []
    total = max((today - started).days, 1)
    for offset in range(total):  # up to yesterday: today's suggestion is still open
        day = started + dt.timedelta(days=offset)
        activity = suggestion_for(offset, (day - child.birth_date).days // 7, child.feeding_method, done)
        if rng.random() < 0.2:
            days.append(PlanDay(plan=plan, day=day, activity=activity.key, status=DayStatus.SKIPPED))
            continue
        start = dt.datetime.combine(day, dt.time(19, rng.randint(0, 50)), tzinfo=zone).astimezone(dt.UTC)
        minutes = rng.randint(10, 25)
        response = _response(rng, offset / total)
        shape = care_shape(activity.key, "expressed")
        events.append(
            (
                CareEvent(
                    household_id=sam.household_id,
                    child=child,
                    kind=shape.kind,
                    by=sam,
                    logged_by=sam,
                    start=start,
                    end=start + dt.timedelta(minutes=minutes),
                    response=response,
                    settled_after_minutes=rng.randint(3, minutes) if response == "settled" else None,
                    client_id=uuid.uuid4(),
                    created_at=start + dt.timedelta(minutes=minutes),
                ),
                shape,
            )
        )
        days.append(PlanDay(plan=plan, day=day, activity=activity.key, status=DayStatus.DONE))
        done[activity.key] = done.get(activity.key, 0) + 1
    CareEvent.objects.bulk_create([e for e, _ in events])
    details = []
    for event, shape in events:
        model = DETAIL_MODELS.get(shape.kind)
        if model is not None:
            fields = shape.detail_dict()
            if shape.kind == "settle":
                fields = {"outcome": "settled" if event.response in ("calm", "settled") else "handed_over"}
            details.append(model(event_id=event.pk, **fields))
    for model in {type(d) for d in details}:
        model.objects.bulk_create([d for d in details if type(d) is model])  # type: ignore[attr-defined]
    done_events = iter(e for e, _ in events)
    for plan_day in days:
        if plan_day.status == DayStatus.DONE:
            plan_day.event = next(done_events)
    PlanDay.objects.bulk_create(days)
    _calmer_with_time(sam, child, now, rng)


def calm_chance(progress: float) -> float:
    """The chance that one of Sam's sessions is calm or settled, `progress` (0 to 1) from FIRST_WEEK's
    weights to LAST_WEEK's."""
    first = (FIRST_WEEK["calm"] + FIRST_WEEK["settled"]) / sum(FIRST_WEEK.values())
    last = (LAST_WEEK["calm"] + LAST_WEEK["settled"]) / sum(LAST_WEEK.values())
    return first + (last - first) * min(1.0, max(0.0, progress))


def _calmer_with_time(sam: Member, child: Child, now: dt.datetime, rng: random.Random) -> None:
    """Sam's time with the baby since the birth (crying spells, skin-to-skin, baths, play, the plan's
    activities) given responses that start out unsettled and grow calmer: the story of USERS.md situation 3,
    told by the demo's numbers.

    Calm is dealt, not drawn: a running total adds each session's `calm_chance` and hands out a calm or
    settled response each time it passes one, so every week follows the curve however few sessions it has,
    and the trend rises whatever day the demo is made. Only which calm (or which unsettled) response is drawn.
    """
    birth = dt.datetime.combine(child.birth_date, dt.time.min, tzinfo=sam.household.zone)
    span = max((now - birth).total_seconds(), 1.0)
    events = list(
        CareEvent.objects.filter(child=child, by=sam, kind__in=SESSION_KINDS)
        .select_related("settle")
        .order_by("start", "id")
    )
    owed = 0.0
    settles = []
    for event in events:
        progress = (event.start - birth).total_seconds() / span
        owed += calm_chance(progress)
        calm = owed >= 1
        if calm:
            owed -= 1
        length = int(((event.end or event.start) - event.start).total_seconds() // 60)
        if event.kind == "settle":
            # A crying spell's response and outcome say the same thing (care/demo_plan.py keeps them so).
            event.response = "settled" if calm else "crying"
            event.settled_after_minutes = min(length, 600) if calm else None
            settle = getattr(event, "settle", None)
            if settle is not None:
                if calm and settle.outcome not in SETTLED_OUTCOMES:
                    settle.outcome = SettleOutcome.SETTLED
                elif not calm and settle.outcome not in UNSETTLED_OUTCOMES:
                    settle.outcome = SettleOutcome.STILL_CRYING
                settles.append(settle)
            continue
        names = ("calm", "settled") if calm else ("fussy", "crying")
        weights = [FIRST_WEEK[k] + (LAST_WEEK[k] - FIRST_WEEK[k]) * min(1.0, progress) for k in names]
        event.response = rng.choices(names, weights=weights)[0]
        event.settled_after_minutes = rng.randint(2, max(2, length)) if event.response == "settled" else None
    CareEvent.objects.bulk_update(events, ["response", "settled_after_minutes"])
    Settle.objects.bulk_update(settles, ["outcome"])
