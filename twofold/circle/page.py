"""What the circle page, its Today card and its Us part show, put together from the selectors' rows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from twofold.circle import rules, selectors
from twofold.circle.models import Kind, StandingOffer
from twofold.households.models import Member
from twofold.nights.models import NightPlan
from twofold.nights.selectors import night_ahead
from twofold.nights.services import Replanned

KIND_WORDS = dict(Kind.choices)
SUGGEST_NIGHTS = 7  # Twofold's own choice: the planner's suggestions look a week ahead, as its week plan does


def when(starts: dt.datetime, ends: dt.datetime, zone: ZoneInfo) -> str:
    a, b = starts.astimezone(zone), ends.astimezone(zone)
    return f"{a:%a} {a.day} {a:%b}, {a:%H:%M}–{b:%H:%M}"


@dataclass(frozen=True)
class Shown:
    """One request as a line on a page."""

    row: selectors.Row
    what: str
    when: str
    state: str
    takers: str
    soon: bool
    fits_offer: bool

    @property
    def request(self) -> Any:
        return self.row.request


def shown(
    rows: list[selectors.Row],
    names: dict[int, str],
    zone: ZoneInfo,
    now: dt.datetime,
    offers: list[StandingOffer] = (),  # type: ignore[assignment]
) -> list[Shown]:
    lines = []
    for row in rows:
        r = row.request
        local_day = r.starts.astimezone(zone).weekday()
        lines.append(
            Shown(
                row,
                KIND_WORDS.get(r.kind, r.kind),
                when(r.starts, r.ends, zone),
                rules.STATE_WORDS[row.state],
                ", ".join(names.get(t.member_id, "Someone who left") for t in row.holders),
                now < r.starts <= now + rules.SOON,
                any(rules.fits_offer(o.kind, o.weekdays, r.kind, local_day) for o in offers),
            )
        )
    return lines


def suggestions(
    member: Member, offers: list[StandingOffer], now: dt.datetime, asked: set[dt.date]
) -> list[dict[str, Any]]:
    """Nights ahead whose plan could not give both parents their block, when someone offers nights: the
    planner's suggestion to ask them (one query)."""
    offering = [o for o in offers if o.kind == Kind.NIGHT]
    if not member.is_parent or not offering:
        return []
    first = night_ahead(member.household, now)  # a night under way can no longer be asked for
    plans = (
        NightPlan.objects.filter(
            household_id=member.household_id,
            night__gte=first,
            night__lt=first + dt.timedelta(days=SUGGEST_NIGHTS),
        )
        .exclude(unmet="")
        .values_list("night", flat=True)
    )
    return [
        {
            "night": night,
            "offers": [
                o for o in offering if rules.fits_offer(o.kind, o.weekdays, Kind.NIGHT, night.weekday())
            ],
        }
        for night in sorted(plans)
        if night not in asked
    ]


def ask_for_night(member: Member, night: dt.date, now: dt.datetime) -> tuple[str, dict[str, Any]] | None:
    """The night planner's suggestion, on a plan that cannot give each parent their block: ask whoever offers
    nights on that weekday, unless the night is asked for already or over (two queries)."""
    if not member.is_parent or night < night_ahead(member.household, now):
        return None
    offers = [
        o
        for o in selectors.offers_of(member.household_id)
        if rules.fits_offer(o.kind, o.weekdays, Kind.NIGHT, night.weekday())
    ]
    if not offers or selectors.night_asked(member.household_id, night):
        return None
    return "circle/_ask_for_night.html", {"night": night, "offers": offers}


def circle_context(member: Member, now: dt.datetime) -> dict[str, Any]:
    household = member.household
    zone = household.zone
    since = now - dt.timedelta(weeks=rules.TALLY_WEEKS)
    rows = selectors.rows_for(member, now, since=since)
    names = selectors.names_of(household.pk)
    all_offers = list(selectors.offers_of(household.pk))
    mine_offers = [o for o in all_offers if o.member_id == member.pk]
    lines = shown(rows, names, zone, now, mine_offers)
    coming = [s for s in lines if s.request.ends > now and s.row.state != rules.RequestState.WITHDRAWN]
    context: dict[str, Any] = {
        "member": member,
        "tallies": selectors.tallies(member, rows, names, now),
        "to_mark": [
            s
            for s in lines
            if s.row.state == rules.RequestState.UNMARKED
            and (member.is_parent or (s.row.mine and not s.row.mine.dropped_at))
        ],
        "past": [s for s in lines if s.request.ends <= now or s.row.state == rules.RequestState.WITHDRAWN],
        "takes_requests": selectors.viewer_of(member).takes_requests,
    }
    if member.is_parent:
        asked = {s.request.night for s in coming if s.request.night}
        context |= {
            "coming": coming,
            "given_back": [
                (s, names.get(t.member_id, "Someone who left"))
                for s in coming
                if s.row.state == rules.RequestState.OPEN
                for t in s.row.dropped
            ],
            "offers": all_offers,
            "suggestions": suggestions(member, all_offers, now, asked),
            "parents": list(household.members.current().filter(role="parent").order_by("joined_at", "id")),
        }
    else:
        context |= {
            "open": [s for s in coming if s.row.take_problem is None],
            "promised": [s for s in coming if s.row.mine and s.row.mine.dropped_at is None],
            "offers": mine_offers,
        }
    return context


def _days(nights: Sequence[dt.date]) -> str:
    names = [f"{d:%a} {d.day} {d:%b}" for d in nights]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def moved_words(name: str, apart: bool, replanned: Replanned) -> str:
    """What a parent is told after marking someone as living elsewhere or back home, and what became of the
    nights already planned. Neutral: where someone sleeps, never why."""
    text = f"{name} is {'living elsewhere for now' if apart else 'back home'}."
    if replanned.remade:
        count = len(replanned.remade)
        text += f" {count} planned night{'s' if count > 1 else ''} made again to follow it."
    if replanned.kept:
        one = len(replanned.kept) == 1
        was, stays, it = ("was", "stays", "it is") if one else ("were", "stay", "they are")
        text += (
            f" The night{'' if one else 's'} of {_days(replanned.kept)} {was} set by hand "
            f"and {stays} as {it}: plan again from Nights when it suits you."
        )
    return text
