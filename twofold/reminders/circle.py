"""The support circle's reminders (issue 18, point 6): a helper is told of a request asked of them, whoever
took a night is reminded the day before, and the parents are told when someone gives a request back.

Who is told is decided by pure functions over the circle's plain values (`told_of_request`,
`remind_night_now`, `told_of_drop`); `reminders` reads a batch of households in a fixed number of queries,
each bounded in time, and words each occasion once per member and key, as every other reminder.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.db.models import Prefetch
from django.urls import reverse

from twofold.circle import rules
from twofold.circle.models import HelpRequest, Kind, StandingOffer, Taking
from twofold.households.models import Household, Member, Role
from twofold.reminders import words
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
    """This minute's circle reminders for a batch of households."""
    by_id = {h.pk: h for h in households}
    asked = list(
        HelpRequest.objects.filter(
            household_id__in=list(by_id),
            asked_at__gte=now - ASKED_FOR,
            starts__gt=now,
            withdrawn_at__isnull=True,
        ).prefetch_related(Prefetch("takings", queryset=Taking.objects.order_by("id")), "shown_to")
    )
    nights = _promised_nights(by_id, now)
    drops = list(
        Taking.objects.filter(
            request__household_id__in=list(by_id),
            dropped_at__gte=now - DROPPED_FOR,
            dropped_at__lte=now,
            request__starts__gt=now,
            request__withdrawn_at__isnull=True,
        ).select_related("request")
    )
    if not (asked or nights or drops):
        return []
    members = list(Member.objects.current().filter(household_id__in=list(by_id)))
    names = {m.pk: m.display_name for m in members}
    return [
        *_asks(asked, members, by_id, names, now),
        *_nights(nights, by_id, now),
        *_drops(drops, members, by_id, names),
    ]


def _asks(
    asked: list[HelpRequest],
    members: list[Member],
    by_id: dict[int, Household],
    names: dict[int, str],
    now: dt.datetime,
) -> list[words.Reminder]:
    if not asked:
        return []
    offers: dict[int, list[tuple[str, str]]] = {}
    for member_id, kind, days in StandingOffer.objects.filter(
        household_id__in={r.household_id for r in asked}
    ).values_list("member_id", "kind", "weekdays"):
        offers.setdefault(member_id, []).append((kind, days))
    helpers: dict[int, list[Helper]] = {}
    for m in members:
        if m.role != Role.PARENT or m.lives_apart:
            helpers.setdefault(m.household_id, []).append(Helper(m.pk, tuple(offers.get(m.pk, ()))))
    found = []
    for request in asked:
        zone = by_id[request.household_id].zone
        ask = rules.Ask(
            request.kind,
            request.starts,
            request.ends,
            request.helpers_needed,
            request.for_everyone,
            frozenset(m.pk for m in request.shown_to.all()),
        )
        promises = [rules.Promise(t.member_id, t.dropped_at is not None) for t in request.takings.all()]
        weekday = request.starts.astimezone(zone).weekday()
        told = told_of_request(ask, promises, weekday, helpers.get(request.household_id, ()), now)
        if not told:
            continue
        asker = names.get(request.asked_by_id or 0, "A parent")
        title, body = asked_words(
            asker, request.kind, _when(request.starts, request.ends, zone), request.place
        )
        found.append(_reminder(request, Topic.CIRCLE_ASK, f"circle-ask:{request.pk}", title, body, told))
    return found


def _promised_nights(by_id: dict[int, Household], now: dt.datetime) -> list[Taking]:
    """Takings of the nights that begin tomorrow evening on each household's clock, held and not withdrawn."""
    tomorrow = {now.astimezone(h.zone).date() + dt.timedelta(days=1) for h in by_id.values()}
    return list(
        Taking.objects.filter(
            request__household_id__in=list(by_id),
            request__kind=Kind.NIGHT,
            request__night__in=tomorrow,
            request__withdrawn_at__isnull=True,
            dropped_at__isnull=True,
            member__left_at__isnull=True,
        ).select_related("request")
    )


def _nights(takings: list[Taking], by_id: dict[int, Household], now: dt.datetime) -> list[words.Reminder]:
    found = []
    for taking in takings:
        request = taking.request
        zone = by_id[request.household_id].zone
        night = request.night
        if night is None or not remind_night_now(night, request.starts, taking.taken_at, zone, now):
            continue
        title, body = night_words(_when(request.starts, request.ends, zone))
        found.append(
            _reminder(
                request, Topic.CIRCLE_NIGHT, f"circle-night:{taking.pk}", title, body, {taking.member_id}
            )
        )
    return found


def _drops(
    drops: list[Taking], members: list[Member], by_id: dict[int, Household], names: dict[int, str]
) -> list[words.Reminder]:
    found = []
    for taking in drops:
        request = taking.request
        parents = [m.pk for m in members if m.household_id == request.household_id and m.role == Role.PARENT]
        told = told_of_drop(parents, taking.member_id)
        if not told or taking.dropped_at is None:
            continue
        zone = by_id[request.household_id].zone
        helper = names.get(taking.member_id, "Someone")
        title, body = dropped_words(helper, request.kind, _when(request.starts, request.ends, zone))
        key = f"circle-drop:{taking.pk}:{int(taking.dropped_at.timestamp())}"
        found.append(_reminder(request, Topic.CIRCLE_DROP, key, title, body, told))
    return found


def _reminder(
    request: HelpRequest, topic: Topic, key: str, title: str, body: str, only: Iterable[int]
) -> words.Reminder:
    url = reverse("circle:request", args=[request.pk])
    return words.Reminder(
        household_id=request.household_id,
        topic=topic,
        key=key,
        title=title,
        body=body,
        url=url,
        tag=f"circle-{request.pk}",
        only=frozenset(only),
    )
