"""Scoped reads for check-ins. What a parent may see is decided here, with the rule from reveal.py."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from fractions import Fraction

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Prefetch, QuerySet
from django.http import Http404

from twofold.checkins import reveal
from twofold.checkins.gaps import LogShares
from twofold.checkins.models import Agreement, AgreementReview, Checkin, CheckinSettings, Weekday
from twofold.checkins.schedule import Window, current_window, first_week, window
from twofold.db import Prepared
from twofold.households.models import Household, Member, Role
from twofold.households.selectors import active_memberships
from twofold.insights.selectors import week_report_for

NO_SUCH_AGREEMENT = "No such agreement in your household."


def checkin_day_of(household: Household) -> int:
    day = CheckinSettings.objects.filter(household=household).values_list("day", flat=True).first()
    return Weekday.SUNDAY if day is None else day


def current_parents(household: Household) -> list[Member]:
    return list(Member.objects.current().parents().filter(household=household))


@dataclass
class WeekState:
    """One check-in week of a household: its window, who is expected, who answered, whether revealed."""

    window: Window
    parents: list[Member]
    answers: list[Checkin]  # every answer of the week, former parents' included
    now: dt.datetime
    revealed: bool = field(init=False)

    def __post_init__(self) -> None:
        self.revealed = reveal.is_revealed(
            answered=[c.member_id for c in self.answers],
            parents=[p.pk for p in self.parents],
            closes_at=self.window.closes_at,
            now=self.now,
            recorded=any(c.revealed_at is not None for c in self.answers),
        )

    @property
    def monday(self) -> dt.date:
        return self.window.monday

    @property
    def solo(self) -> bool:
        """One parent: the check-in is their own look at the week beside the log, with nobody to wait for."""
        return len(self.parents) == 1

    @property
    def is_open(self) -> bool:
        return self.window.is_open(self.now)

    @property
    def can_change(self) -> bool:
        return self.window.opens_at <= self.now and reveal.can_change(
            revealed=self.revealed, closes_at=self.window.closes_at, now=self.now
        )

    def own(self, member: Member) -> Checkin | None:
        return next((c for c in self.answers if c.member_id == member.pk), None)

    def visible_to(self, member: Member) -> list[Checkin]:
        return [
            c
            for c in self.answers
            if reveal.can_see(viewer=member.pk, author=c.member_id, revealed=self.revealed)
        ]

    def others_answered(self, member: Member) -> list[Member]:
        """Other current parents who have answered: only the fact, never what."""
        answered = {c.member_id for c in self.answers}
        return [p for p in self.parents if p.pk != member.pk and p.pk in answered]

    def others_waiting(self, member: Member) -> list[Member]:
        answered = {c.member_id for c in self.answers}
        return [p for p in self.parents if p.pk != member.pk and p.pk not in answered]


def week_state(
    *, household: Household, monday: dt.date, now: dt.datetime, day: int | None = None
) -> WeekState:
    """Three queries: the check-in day (unless given), the current parents and the week's answers."""
    day = checkin_day_of(household) if day is None else day
    answers = list(
        Checkin.objects.filter(household=household, week=monday)
        .select_related("member")
        .order_by("member_id")
    )
    return WeekState(window(monday, day, household.zone), current_parents(household), answers, now)


def current_state(*, household: Household, now: dt.datetime) -> WeekState:
    day = checkin_day_of(household)
    win = current_window(now, day, household.zone, first_week(household.created_at, household.zone))
    return week_state(household=household, monday=win.monday, now=now, day=day)


@dataclass(frozen=True)
class TodayCard:
    answered: bool
    revealed: bool
    read: bool
    others: tuple[str, ...]  # the other current parents' names


# Today's two reads, compiled once (see twofold.db.Prepared): Today is on every parent's screen.
_TODAY_PARENTS = Prepared(
    lambda household: (
        Member.objects.current()
        .parents()
        .filter(household_id=household)
        .order_by("joined_at", "id")
        .values_list("pk", "display_name", "household__checkin_settings__day")
    ),
    household=int,
)
# Answers can only be given while their check-in is open, so the open week's answers are among those
# given since it opened (the week is checked too, in case the household has since changed its day).
_TODAY_ANSWERS = Prepared(
    lambda household, since: Checkin.objects.filter(
        household_id=household, answered_at__gte=since
    ).values_list("member_id", "week", "revealed_at", "read_at"),
    household=int,
    since=dt.datetime,
)


def today_card(*, member: Member, now: dt.datetime) -> tuple[Window, TodayCard]:
    """What Today needs, in two compiled queries: the parents (with the check-in day), then the answers."""
    household = member.household
    parents = _TODAY_PARENTS.fetch(household=household.pk)
    day = next((d for _, _, d in parents if d is not None), Weekday.SUNDAY)
    win = current_window(now, day, household.zone, first_week(household.created_at, household.zone))
    week = win.monday.isoformat()
    rows = [
        r for r in _TODAY_ANSWERS.fetch(household=household.pk, since=win.opens_at) if str(r[1])[:10] == week
    ]
    answered = {member_id for member_id, *_ in rows}
    revealed = reveal.is_revealed(
        answered=answered,
        parents=[pk for pk, _, _ in parents],
        closes_at=win.closes_at,
        now=now,
        recorded=any(r[2] is not None for r in rows),
    )
    mine = next((r for r in rows if r[0] == member.pk), None)
    others = tuple(name for pk, name, _ in parents if pk != member.pk)
    return win, TodayCard(mine is not None, revealed, bool(mine and mine[3] is not None), others)


def log_shares(*, household: Household, monday: dt.date, now: dt.datetime) -> LogShares:
    """What the log shows for the week, from the insights module: each member's share of the logged care
    and of the night wakings they handled."""
    report = week_report_for(household=household, monday=monday, now=now)
    ids = [p.id for p in report.people]
    care = {m: report.load.event_share(m) for m in ids} if report.load.events else None
    night = {m: Fraction(report.handled.get(m, 0), report.wakings) for m in ids} if report.wakings else None
    return LogShares(care, night)


def agreements_of(*, household: Household, monday: dt.date) -> list[Agreement]:
    """The agreements made in one week's check-in, with their reviews and people."""
    return list(
        Agreement.objects.filter(household=household, week=monday)
        .select_related("author")
        .prefetch_related(Prefetch("reviews", AgreementReview.objects.select_related("reviewer")))
        .order_by("created_at", "id")
    )


def get_agreement_for_member(*, member: Member, agreement_id: int) -> Agreement:
    agreement = (
        Agreement.objects.filter(household_id=member.household_id, pk=agreement_id)
        .select_related("author")
        .first()
    )
    if agreement is None or not member.is_parent:
        raise Http404(NO_SUCH_AGREEMENT)
    return agreement


def revealed_weeks(*, household: Household, now: dt.datetime, limit: int | None = None) -> list[WeekState]:
    """The household's most recent weeks with answers that are revealed, newest first."""
    day = checkin_day_of(household)
    parents = current_parents(household)
    by_week: dict[dt.date, list[Checkin]] = defaultdict(list)
    for checkin in Checkin.objects.filter(household=household).select_related("member").order_by("member_id"):
        by_week[checkin.week].append(checkin)
    states = [
        WeekState(window(monday, day, household.zone), parents, answers, now)
        for monday, answers in sorted(by_week.items(), reverse=True)
    ]
    return [s for s in states if s.revealed][:limit]


def weeks_answered_by(*, member: Member) -> list[dt.date]:
    return list(Checkin.objects.filter(member=member).order_by("-week").values_list("week", flat=True))


# --- For the API: every household where the user is a current parent ------------------------------------


def parent_memberships(*, user: AbstractBaseUser | AnonymousUser) -> list[Member]:
    return list(active_memberships(user_id=user.pk).filter(role=Role.PARENT))


def visible_checkin_ids(*, user: AbstractBaseUser | AnonymousUser, now: dt.datetime) -> list[int]:
    """Ids of the check-ins the user may read: their own, and revealed ones of their households' parents."""
    memberships = parent_memberships(user=user)
    if not memberships:
        return []
    households = {m.household_id: m for m in memberships}
    days = dict(
        CheckinSettings.objects.filter(household_id__in=households).values_list("household_id", "day")
    )
    parents: dict[int, list[Member]] = defaultdict(list)
    for parent in Member.objects.current().parents().filter(household_id__in=households):
        parents[parent.household_id].append(parent)
    weeks: dict[tuple[int, dt.date], list[Checkin]] = defaultdict(list)
    for checkin in Checkin.objects.filter(household_id__in=households).only(
        "id", "household_id", "member_id", "week", "revealed_at"
    ):
        weeks[(checkin.household_id, checkin.week)].append(checkin)
    visible = []
    for (household_id, monday), answers in weeks.items():
        me = households[household_id]
        day = days.get(household_id, Weekday.SUNDAY)
        state = WeekState(window(monday, day, me.household.zone), parents[household_id], answers, now)
        visible += [c.pk for c in state.visible_to(me)]
    return visible


def visible_checkins(*, user: AbstractBaseUser | AnonymousUser, now: dt.datetime) -> QuerySet[Checkin]:
    return (
        Checkin.objects.filter(pk__in=visible_checkin_ids(user=user, now=now))
        .select_related("member", "household")
        .order_by("-week", "household_id", "member_id")
    )


def agreements_for_user(*, user: AbstractBaseUser | AnonymousUser) -> QuerySet[Agreement]:
    """Agreements are shared with every current parent of the household as soon as they are made."""
    households = [m.household_id for m in parent_memberships(user=user)]
    return (
        Agreement.objects.filter(household_id__in=households)
        .select_related("author")
        .order_by("-week", "created_at", "id")
    )


def visible_review_ids(*, user: AbstractBaseUser | AnonymousUser, now: dt.datetime) -> list[int]:
    """A review is an answer of the check-in after its agreement's: its author's alone until that reveal."""
    memberships = {m.household_id: m for m in parent_memberships(user=user)}
    if not memberships:
        return []
    reviews = list(
        AgreementReview.objects.filter(agreement__household_id__in=memberships).select_related("agreement")
    )
    states: dict[tuple[int, dt.date], WeekState] = {}
    visible = []
    for review in reviews:
        household_id = review.agreement.household_id
        me = memberships[household_id]
        if review.reviewer_id == me.pk:
            visible.append(review.pk)
            continue
        key = (household_id, review.agreement.week + dt.timedelta(weeks=1))
        if key not in states:
            states[key] = week_state(household=me.household, monday=key[1], now=now)
        if states[key].revealed:
            visible.append(review.pk)
    return visible


# --- A parent's own answers, by account: they stay theirs after leaving or removal ---------------------


def checkins_of_user(*, user_id: int) -> QuerySet[Checkin]:
    """Every check-in answer the user gave, in any household, including those they have left or were
    removed from; never another parent's."""
    return (
        Checkin.objects.filter(member__user_id=user_id)
        .select_related("member", "household")
        .order_by("household__name", "household_id", "-week", "id")
    )


def reviews_of_user(*, user_id: int) -> QuerySet[AgreementReview]:
    """Every review of an agreement the user gave, in any household, with its agreement."""
    return (
        AgreementReview.objects.filter(reviewer__user_id=user_id)
        .select_related("agreement__household", "reviewer")
        .order_by("agreement__household__name", "agreement__household_id", "-agreement__week", "id")
    )


def get_checkin_of_user(*, user_id: int, checkin_id: int) -> Checkin:
    checkin = checkins_of_user(user_id=user_id).filter(pk=checkin_id).first()
    if checkin is None:
        raise Http404("No such check-in answer of yours.")
    return checkin
