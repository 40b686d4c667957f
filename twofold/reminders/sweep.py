"""One pass of the worker: what is worth a reminder at this minute, for whom, written down once.

Households are read in batches with a fixed number of queries per batch, and every read of the log is bounded
in time (the last 14 days of feeds through the (child, kind, start) index, running timers through their own
partial index), so a pass costs the same per household whatever the length of its log
(benchmarks/reminders.py measures it).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from django.db.models import Count, Max, Min, Q
from django.urls import reverse

from twofold.care.models import CareEvent, Kind
from twofold.households.models import Child, Household, Member
from twofold.nights.models import NightPlan
from twofold.nights.selectors import tonight
from twofold.reminders import circle, doses, feeds, parents, routing, timers, words
from twofold.reminders.models import FeedInterval, Notification, ReminderSettings
from twofold.reminders.selectors import running_timers
from twofold.reminders.topics import Topic

BATCH = 500
SHIFT_STALE = dt.timedelta(minutes=30)
NOUNS = {"feed": "feed", "sleep": "sleep", "settle": "crying"}


def sweep(now: dt.datetime) -> int:
    """Make this minute's notifications; returns how many occasions were found (made or made before)."""
    found = 0
    for batch in _batches():
        found += _sweep_batch(batch, now)
    return found


def _batches() -> Iterator[list[Household]]:
    last = 0
    while True:
        batch = list(Household.objects.filter(pk__gt=last).order_by("pk")[:BATCH])
        if not batch:
            return
        yield batch
        last = batch[-1].pk


Plans = dict[int, dict[dt.date, routing.Tonight]]


@dataclass(frozen=True)
class Batch:
    """What a pass reads once for a batch of households, shared by every kind of reminder (KINDS)."""

    households: dict[int, Household]
    children: dict[int, Child]
    feed_logs: dict[int, feeds.FeedLog]
    plans: Plans
    now: dt.datetime


def _read(households: list[Household], now: dt.datetime) -> Batch:
    children = {c.pk: c for c in Child.objects.filter(household_id__in=[h.pk for h in households])}
    return Batch(
        households={h.pk: h for h in households},
        children=children,
        feed_logs=_feed_logs(list(children), now),
        plans=_plans(households, now),
        now=now,
    )


def _sweep_batch(households: list[Household], now: dt.datetime) -> int:
    batch = _read(households, now)
    reminders = [reminder for kind in KINDS for reminder in kind(batch)]
    if not reminders:
        return 0
    people = _people({r.household_id for r in reminders})
    rows = []
    for reminder in reminders:
        household = batch.households[reminder.household_id]
        plan = batch.plans.get(household.pk, {}).get(tonight(household, now))
        rows += _notifications(reminder, household, people[household.pk], plan, now)
    Notification.objects.bulk_create(rows, ignore_conflicts=True)
    return len(reminders)


def _feed_logs(child_ids: list[int], now: dt.datetime) -> dict[int, feeds.FeedLog]:
    if not child_ids:
        return {}
    rows = (
        CareEvent.objects.filter(
            child_id__in=child_ids,
            kind=Kind.FEED,
            start__gte=now - feeds.LEARN_FROM,
            start__lte=now,
            deleted_at__isnull=True,
        )
        .values("child_id")
        .annotate(
            first=Min("start"), last=Max("start"), count=Count("id"), running=Count("id", Q(running=True))
        )
    )
    return {r["child_id"]: feeds.FeedLog(r["first"], r["last"], r["count"], r["running"] > 0) for r in rows}


def _feed_reminders(batch: Batch) -> Iterator[words.Reminder]:
    logs, children, by_id, now = batch.feed_logs, batch.children, batch.households, batch.now
    if not logs:
        return
    set_minutes = dict(
        FeedInterval.objects.filter(household_id__in=list(by_id)).values_list("household_id", "minutes")
    )
    for child_id, log in logs.items():
        child = children[child_id]
        interval = feeds.interval_for(log, set_minutes.get(child.household_id))
        if interval is None or not feeds.is_due(log, interval, now):
            continue
        title, body = words.feed_due(child.name, log.last, interval, by_id[child.household_id].zone)
        yield words.Reminder(
            household_id=child.household_id,
            topic=Topic.FEED,
            key=f"feed:{child_id}:{log.last.isoformat()}",
            title=title,
            body=body,
            url=reverse("care:quick_log"),
            tag=f"feed-{child_id}",
        )


def _timer_reminders(batch: Batch) -> Iterator[words.Reminder]:
    children, now = batch.children, batch.now
    running = running_timers(list(batch.households))
    for pk, household_id, child_id, kind, start in running:
        if kind not in timers.USUAL or not timers.longer_than_usual(kind, start, now):
            continue
        name = children[child_id].name
        title, body = words.timer_long(name, NOUNS[kind], timers.QUESTION[kind], now - start)
        yield words.Reminder(
            household_id=household_id,
            topic=Topic.TIMER,
            key=f"timer:{pk}",
            title=title,
            body=body,
            url=reverse("care:quick_log"),
            tag=f"timer-{pk}",
            actions=(
                {"action": "stop", "title": "Stop the timer", "url": reverse("care:timer_stop", args=[pk])},
                {"action": "keep", "title": "Keep it going", "url": reverse("care:quick_log")},
            ),
        )


def _plans(households: Sequence[Household], now: dt.datetime) -> Plans:
    """Each household's plans for the night in progress (or starting this evening) and the one before
    it, whose last shift may end now, as routing reads them: two queries for the batch."""
    tonights = {h.pk: tonight(h, now) for h in households}
    nights = set(tonights.values()) | {n - dt.timedelta(days=1) for n in tonights.values()}
    plans = NightPlan.objects.filter(household_id__in=list(tonights), night__in=nights).prefetch_related(
        "shifts"
    )
    found: dict[int, dict[dt.date, routing.Tonight]] = defaultdict(dict)
    for plan in plans.only("pk", "household_id", "night", "protected"):
        if plan.night not in (
            tonights[plan.household_id],
            tonights[plan.household_id] - dt.timedelta(days=1),
        ):
            continue
        shifts = tuple(routing.Stretch(s.member_id, s.start, s.end) for s in plan.shifts.all())
        found[plan.household_id][plan.night] = routing.Tonight(
            shifts=shifts, protected=_blocks(plan.protected)
        )
    return found


def _blocks(protected: list[dict[str, object]]) -> tuple[routing.Stretch, ...]:
    return tuple(
        routing.Stretch(int(str(b["member"])), _instant(b["start"]), _instant(b["end"]))
        for b in protected
        if b.get("start") and b.get("end")
    )


def _instant(value: object) -> dt.datetime:
    return dt.datetime.fromisoformat(str(value))


def _shift_reminders(batch: Batch) -> list[words.Reminder]:
    children, logs, now = batch.children, batch.feed_logs, batch.now
    found: list[words.Reminder] = []
    for household_id, nightly in batch.plans.items():
        zone = batch.households[household_id].zone
        shifts = [s for plan in nightly.values() for s in plan.shifts]
        for shift in shifts:
            if shift.start <= now < shift.start + SHIFT_STALE:
                found.append(_shift_start(household_id, shift, zone, children, logs, now))
            if shift.end <= now < shift.end + SHIFT_STALE:
                following = [s for s in shifts if s.holds(shift.end) and s.member_id != shift.member_id]
                found.append(_shift_end(household_id, shift, zone, following))
    return found


def _shift_start(
    household_id: int,
    shift: routing.Stretch,
    zone: dt.tzinfo,
    children: dict[int, Child],
    logs: dict[int, feeds.FeedLog],
    now: dt.datetime,
) -> words.Reminder:
    title, body = words.shift_starts(shift.start, zone, _handover(household_id, children, logs, zone, now))  # type: ignore[arg-type]
    return words.Reminder(
        household_id=household_id,
        topic=Topic.SHIFT,
        key=f"shift:{shift.member_id}:{shift.start.isoformat()}:start",
        title=title,
        body=body,
        url=reverse("nights:home"),
        tag=f"shift-{household_id}",
        actions=({"action": "plan", "title": "Open the plan", "url": reverse("nights:home")},),
        only=frozenset({shift.member_id}),
    )


def _shift_end(
    household_id: int, shift: routing.Stretch, zone: dt.tzinfo, following: list[routing.Stretch]
) -> words.Reminder:
    names = dict(
        Member.objects.filter(pk__in=[s.member_id for s in following]).values_list("pk", "display_name")
    )
    next_name = names.get(following[0].member_id) if following else None
    title, body = words.shift_ends(shift.end, zone, next_name)  # type: ignore[arg-type]
    return words.Reminder(
        household_id=household_id,
        topic=Topic.SHIFT,
        key=f"shift:{shift.member_id}:{shift.end.isoformat()}:end",
        title=title,
        body=body,
        url=reverse("nights:home"),
        tag=f"shift-{household_id}",
        only=frozenset({shift.member_id}),
    )


def _handover(
    household_id: int,
    children: dict[int, Child],
    logs: dict[int, feeds.FeedLog],
    zone: dt.tzinfo,
    now: dt.datetime,
) -> list[str]:
    """Last feed, last nappy and what is running, per child: read only when a shift starts (rare)."""
    kids = [c for c in children.values() if c.household_id == household_id]
    nappies = dict(
        CareEvent.objects.filter(
            child_id__in=[c.pk for c in kids],
            kind=Kind.NAPPY,
            deleted_at__isnull=True,
            start__gte=now - dt.timedelta(days=1),
            start__lte=now,
        )
        .values("child_id")
        .annotate(last=Max("start"))
        .values_list("child_id", "last")
    )
    running = defaultdict(list)
    for child_id, kind, start in CareEvent.objects.filter(
        household_id=household_id, running=True, deleted_at__isnull=True
    ).values_list("child_id", "kind", "start"):
        running[child_id].append(f"{NOUNS.get(kind, kind)} since {words.clock(start, zone)}")  # type: ignore[arg-type]
    lines = []
    for child in kids:
        log = logs.get(child.pk)
        parts = []
        if log is not None and now - log.last < dt.timedelta(days=1):
            parts.append(f"last feed {words.clock(log.last, zone)}")  # type: ignore[arg-type]
        if child.pk in nappies:
            parts.append(f"last nappy {words.clock(nappies[child.pk], zone)}")  # type: ignore[arg-type]
        parts += [f"running: {r}" for r in running[child.pk]]
        if parts:
            lines.append(f"{child.name}: {', '.join(parts)}.")
    return lines


def _doses(batch: Batch) -> Iterator[words.Reminder]:
    return doses.reminders(list(batch.households.values()), batch.children, batch.now)


def _parents(batch: Batch) -> list[words.Reminder]:
    return parents.reminders(list(batch.households.values()), batch.children, batch.now)


def _circle(batch: Batch) -> list[words.Reminder]:
    return circle.reminders(list(batch.households.values()), batch.now)


# Every kind of reminder, each a function of the batch read once.
KINDS: tuple[Callable[[Batch], Iterable[words.Reminder]], ...] = (
    _feed_reminders,
    _timer_reminders,
    _shift_reminders,
    _doses,
    _parents,
    _circle,
)


def _people(household_ids: set[int]) -> dict[int, list[routing.Person]]:
    members = list(Member.objects.current().filter(household_id__in=household_ids, user__isnull=False))
    settings = {s.member_id: s for s in ReminderSettings.objects.filter(member__in=members)}
    people: dict[int, list[routing.Person]] = defaultdict(list)
    for member in members:
        people[member.household_id].append(person_of(member, settings.get(member.pk)))
    return people


def person_of(member: Member, choice: ReminderSettings | None) -> routing.Person:
    choice = choice if choice is not None else ReminderSettings(member=member)
    quiet = (choice.quiet_from, choice.quiet_until) if choice.quiet_from and choice.quiet_until else None
    return routing.Person(
        member_id=member.pk,
        topics=frozenset(Topic(t) for t in choice.topics),
        night_reminders=choice.night_reminders,
        in_my_block=frozenset(Topic(t) for t in choice.in_my_block),
        quiet=quiet,
        paused_until=choice.paused_until,
    )


def _notifications(
    reminder: words.Reminder,
    household: Household,
    people: list[routing.Person],
    plan: routing.Tonight | None,
    now: dt.datetime,
) -> list[Notification]:
    where = routing.Household(household.zone, household.night_start, household.night_end)
    chosen = routing.recipients(reminder.topic, now, where, people, plan)
    return [
        Notification(
            household_id=household.pk,
            member_id=member_id,
            topic=reminder.topic,
            key=reminder.key,
            title=reminder.title,
            body=reminder.body,
            url=reminder.url,
            tag=reminder.tag,
            actions=list(reminder.actions),
            created_at=now,
        )
        for member_id in chosen
        if reminder.only is None or member_id in reminder.only
    ]
