"""The support circle's reminders (issue 18, point 6): a helper is told of a request asked of them, whoever
took a night is reminded the day before, and the parents are told when someone gives a request back.

Who is told is decided by pure functions over the circle's plain values (`told_of_request`,
`remind_night_now`, `told_of_drop`); `reminders` reads a batch of households in a fixed number of queries,
each bounded in time, and words each occasion once per member and key, as every other reminder.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from django.urls import reverse

from twofold.circle import rules
from twofold.circle.models import HelpRequest, Kind, StandingOffer, Taking
from twofold.households.models import Household, Member, Role
from twofold.reminders import words
from twofold.reminders.models import Notification
from twofold.reminders.topics import Topic

# Twofold's own choices: a request is worth telling about for a day after it is asked (long enough to wait
# out the night window and someone's quiet hours, short enough that the worker's read stays small); a
# night's reminder goes out from ten the morning before, as the check-in's does; a request given back is
# worth telling the parents about for a day.
ASKED_FOR = dt.timedelta(days=1)
NIGHT_REMINDER_AT = dt.time(10, 0)
DROPPED_FOR = dt.timedelta(days=1)
KIND_WORDS = {k.value: str(k.label) for k in Kind}


@dataclass(frozen=True)
class Helper:
    """Someone who takes requests (a helper, or a parent living elsewhere) and their standing offers as
    (kind, weekdays) pairs."""

    member_id: int
    offers: tuple[tuple[str, str], ...] = ()


def told_of_request(
    ask: rules.Ask,
    promises: Sequence[rules.Promise],
    weekday: int,
    helpers: Iterable[Helper],
    now: dt.datetime,
) -> frozenset[int]:
    """Who is told of a request: those who could take it now (they see it, it is open, it has not begun)
    and either offered that kind on that weekday or were asked by name. A request for everyone that fits
    nobody's offer is left to Today: the circle is not buzzed for everything."""
    told = set()
    for helper in helpers:
        viewer = rules.Viewer(helper.member_id, is_parent=False)
        if rules.take_problem(viewer, ask, promises, now) is not None:
            continue
        named = not ask.for_everyone and helper.member_id in ask.shown_to
        fits = any(rules.fits_offer(kind, days, ask.kind, weekday) for kind, days in helper.offers)
        if named or fits:
            told.add(helper.member_id)
    return frozenset(told)


def night_reminder_from(night: dt.date, zone: ZoneInfo) -> dt.datetime:
    """When a night's reminder may go out: ten in the morning of the day before, on that day's clock."""
    return dt.datetime.combine(night - dt.timedelta(days=1), NIGHT_REMINDER_AT, zone)


def remind_night_now(
    night: dt.date, starts: dt.datetime, taken_at: dt.datetime, zone: ZoneInfo, now: dt.datetime
) -> bool:
    """From ten the morning before a promised night until it starts, for a promise made before then (a
    night taken the day before needs no reminder of what was just said)."""
    opens = night_reminder_from(night, zone)
    return taken_at < opens <= now < starts


def told_of_drop(parent_ids: Iterable[int], dropped_by: int) -> frozenset[int]:
    """The parents, but not a parent living elsewhere who gave it back themselves."""
    return frozenset(p for p in parent_ids if p != dropped_by)


def _when(starts: dt.datetime, ends: dt.datetime, zone: ZoneInfo) -> str:
    a, b = starts.astimezone(zone), ends.astimezone(zone)
    return f"{a:%a} {a.day} {a:%b}, {a:%H:%M}–{b:%H:%M}"


def asked_words(asker: str, kind: str, when: str, place: str) -> tuple[str, str]:
    what = KIND_WORDS.get(kind, "Some help")
    where = f" at {place}" if place else ""
    return f"{asker} asked the circle: {what.lower()}", f"{when}{where}. Open it to say you'll do it."


def night_words(when: str) -> tuple[str, str]:
    return (
        "Tomorrow night is the one you took",
        f"{when}. Thank you. If you can't after all, say so on the request so the parents can plan.",
    )


def dropped_words(helper: str, kind: str, when: str) -> tuple[str, str]:
    what = KIND_WORDS.get(kind, "some help").lower()
    return f"{helper} can't do {when} after all", f"The request ({what}) is open for the circle again."


def reminders(households: Sequence[Household], now: dt.datetime) -> list[words.Reminder]:
    """This minute's circle reminders for a batch of households, without those already made: a request is
    worth telling about for a day, so most minutes find again what an earlier minute made, and skipping it
    here spares routing and writing it again. Plain rows, no model instances: a batch costs eight queries."""
    ids = [h.pk for h in households]
    asked: list[Any] = list(
        HelpRequest.objects.filter(
            household_id__in=ids, asked_at__gte=now - ASKED_FOR, starts__gt=now, withdrawn_at__isnull=True
        ).values_list(
            "pk", "household_id", "kind", "starts", "ends", "helpers_needed", "for_everyone", "asked_by_id",
            "place", named=True,
        )
    )  # fmt: skip
    nights = _promised_nights(households, now)
    drops: list[Any] = list(
        Taking.objects.filter(
            request__household_id__in=ids,
            dropped_at__gte=now - DROPPED_FOR,
            dropped_at__lte=now,
            request__starts__gt=now,
            request__withdrawn_at__isnull=True,
        ).values_list(
            "pk", "member_id", "dropped_at", "request_id", "request__household_id", "request__kind",
            "request__starts", "request__ends", named=True,
        )
    )  # fmt: skip
    if not (asked or nights or drops):
        return []
    members: list[Any] = list(
        Member.objects.current()
        .filter(household_id__in=ids)
        .values_list("pk", "household_id", "role", "lives_apart", "display_name", named=True)
    )
    zones = {h.pk: h.zone for h in households}
    url = _request_url()
    made = _made([m.pk for m in members], now)
    return [
        *_asks(asked, members, zones, url, made, now),
        *_nights(nights, zones, url, made, now),
        *_drops(drops, members, zones, url, made),
    ]


def _request_url() -> Callable[[int], str]:
    """A request's address, reversed once a pass rather than once a reminder."""
    pattern = reverse("circle:request", args=[2_000_000_001])
    return lambda pk: pattern.replace("2000000001", str(pk))


Made = set[tuple[int, str]]


def _made(member_ids: list[int], now: dt.datetime) -> Made:
    """(member, key) of the circle's notifications made in the last two days: one query, bounded in time."""
    return set(
        Notification.objects.filter(
            member_id__in=member_ids, key__startswith="circle-", created_at__gte=now - 2 * ASKED_FOR
        ).values_list("member_id", "key")
    )


def _fresh(told: Iterable[int], key: str, made: Made) -> frozenset[int]:
    return frozenset(m for m in told if (m, key) not in made)


def _asks(
    asked: list[Any],
    members: list[Any],
    zones: dict[int, ZoneInfo],
    url: Callable[[int], str],
    made: Made,
    now: dt.datetime,
) -> list[words.Reminder]:
    if not asked:
        return []
    ids = [r.pk for r in asked]
    shown: dict[int, set[int]] = defaultdict(set)
    for request_id, member_id in HelpRequest.shown_to.through.objects.filter(
        helprequest_id__in=ids
    ).values_list("helprequest_id", "member_id"):
        shown[request_id].add(member_id)
    promises: dict[int, list[rules.Promise]] = defaultdict(list)
    for request_id, member_id, dropped_at in Taking.objects.filter(request_id__in=ids).values_list(
        "request_id", "member_id", "dropped_at"
    ):
        promises[request_id].append(rules.Promise(member_id, dropped_at is not None))
    offers: dict[int, list[tuple[str, str]]] = defaultdict(list)
    for member_id, kind, days in StandingOffer.objects.filter(
        household_id__in={r.household_id for r in asked}
    ).values_list("member_id", "kind", "weekdays"):
        offers[member_id].append((kind, days))
    helpers: dict[int, list[Helper]] = defaultdict(list)
    for m in members:
        if m.role != Role.PARENT or m.lives_apart:
            helpers[m.household_id].append(Helper(m.pk, tuple(offers[m.pk])))
    names = {m.pk: m.display_name for m in members}
    found = []
    for r in asked:
        zone = zones[r.household_id]
        ask = rules.Ask(r.kind, r.starts, r.ends, r.helpers_needed, r.for_everyone, frozenset(shown[r.pk]))
        key = f"circle-ask:{r.pk}"
        weekday = r.starts.astimezone(zone).weekday()
        told = _fresh(told_of_request(ask, promises[r.pk], weekday, helpers[r.household_id], now), key, made)
        if not told:
            continue
        title, body = asked_words(
            names.get(r.asked_by_id, "A parent"), r.kind, _when(r.starts, r.ends, zone), r.place
        )
        found.append(_reminder(r.household_id, r.pk, url, Topic.CIRCLE_ASK, key, (title, body), told))
    return found


def _promised_nights(households: Sequence[Household], now: dt.datetime) -> list[Any]:
    """Promises of the nights that begin tomorrow evening on each household's clock, held, not withdrawn."""
    tomorrow = {now.astimezone(h.zone).date() + dt.timedelta(days=1) for h in households}
    return list(
        Taking.objects.filter(
            request__household_id__in=[h.pk for h in households],
            request__kind=Kind.NIGHT,
            request__night__in=tomorrow,
            request__withdrawn_at__isnull=True,
            dropped_at__isnull=True,
            member__left_at__isnull=True,
        ).values_list(
            "pk", "member_id", "taken_at", "request_id", "request__household_id", "request__night",
            "request__starts", "request__ends", named=True,
        )
    )  # fmt: skip


def _nights(
    takings: list[Any], zones: dict[int, ZoneInfo], url: Callable[[int], str], made: Made, now: dt.datetime
) -> list[words.Reminder]:
    found = []
    for t in takings:
        zone = zones[t.request__household_id]
        key = f"circle-night:{t.pk}"
        told = _fresh({t.member_id}, key, made)
        if not told or not remind_night_now(t.request__night, t.request__starts, t.taken_at, zone, now):
            continue
        words_ = night_words(_when(t.request__starts, t.request__ends, zone))
        found.append(
            _reminder(t.request__household_id, t.request_id, url, Topic.CIRCLE_NIGHT, key, words_, told)
        )
    return found


def _drops(
    drops: list[Any], members: list[Any], zones: dict[int, ZoneInfo], url: Callable[[int], str], made: Made
) -> list[words.Reminder]:
    parents: dict[int, list[int]] = defaultdict(list)
    for m in members:
        if m.role == Role.PARENT:
            parents[m.household_id].append(m.pk)
    names = {m.pk: m.display_name for m in members}
    found = []
    for t in drops:
        household_id = t.request__household_id
        key = f"circle-drop:{t.pk}:{int(t.dropped_at.timestamp())}"
        told = _fresh(told_of_drop(parents[household_id], t.member_id), key, made)
        if not told:
            continue
        zone = zones[household_id]
        when = _when(t.request__starts, t.request__ends, zone)
        words_ = dropped_words(names.get(t.member_id, "Someone"), t.request__kind, when)
        found.append(_reminder(household_id, t.request_id, url, Topic.CIRCLE_DROP, key, words_, told))
    return found


def _reminder(
    household_id: int,
    request_id: int,
    url: Callable[[int], str],
    topic: Topic,
    key: str,
    words_: tuple[str, str],
    only: Iterable[int],
) -> words.Reminder:
    return words.Reminder(
        household_id=household_id,
        topic=topic,
        key=key,
        title=words_[0],
        body=words_[1],
        url=url(request_id),
        tag=f"circle-{request_id}",
        only=frozenset(only),
    )
