"""Reads for the support circle, scoped to one household, in a fixed number of queries whatever the number
of requests: the requests (1), their takings (1), whom they are shown to (1), the care logged during them
(1) and the names (1)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from twofold.care.models import CareEvent
from twofold.circle import rules
from twofold.circle.models import HelpRequest, StandingOffer, Taking
from twofold.households.models import Household, Member

NO_SUCH_REQUEST = "No such request in your circle."


def viewer_of(member: Member) -> rules.Viewer:
    return rules.Viewer(member.pk, member.is_parent, member.lives_apart)


def requests_of(household: Household | int) -> QuerySet[HelpRequest]:
    return HelpRequest.objects.filter(household=household).prefetch_related(
        Prefetch("takings", queryset=Taking.objects.order_by("taken_at", "id")), "shown_to"
    )


def ask_of(request: HelpRequest) -> rules.Ask:
    """Reads the prefetched `shown_to`, so a list of requests costs no query per request."""
    return rules.Ask(
        request.kind,
        request.starts,
        request.ends,
        request.helpers_needed,
        request.for_everyone,
        frozenset(m.pk for m in request.shown_to.all()),
        request.withdrawn_at is not None,
    )


def care_during(household_id: int, requests: Sequence[HelpRequest]) -> dict[int, int]:
    """Taking id -> how many care events its taker logged between its request's start and end. One query:
    the care of the takers over the requests' whole span, matched in Python."""
    takings = [(r, t) for r in requests for t in r.takings.all() if t.dropped_at is None]
    if not takings:
        return {}
    lo = min(r.starts for r, _ in takings)
    hi = max(r.ends for r, _ in takings)
    rows = list(
        CareEvent.objects.filter(
            household_id=household_id,
            deleted_at__isnull=True,
            by_id__in={t.member_id for _, t in takings},
            start__gte=lo,
            start__lt=hi,
        ).values_list("by_id", "start")
    )
    return {
        t.pk: sum(1 for by, start in rows if by == t.member_id and r.starts <= start < r.ends)
        for r, t in takings
    }


def promise_of(taking: Taking, care: dict[int, int]) -> rules.Promise:
    return rules.Promise(
        taking.member_id, taking.dropped_at is not None, taking.outcome, care.get(taking.pk, 0)
    )


@dataclass(frozen=True)
class Row:
    """One request as a viewer sees it."""

    request: HelpRequest
    ask: rules.Ask
    promises: tuple[rules.Promise, ...]
    takings: tuple[Taking, ...]
    state: rules.RequestState
    mine: Taking | None
    take_problem: str | None

    @property
    def holders(self) -> list[Taking]:
        return [t for t in self.takings if t.dropped_at is None]

    @property
    def dropped(self) -> list[Taking]:
        return [t for t in self.takings if t.dropped_at is not None]


def rows_for(
    member: Member, now: dt.datetime, *, since: dt.datetime | None = None, until: dt.datetime | None = None
) -> list[Row]:
    """The requests this member may see, ending after `since` and starting before `until` when given."""
    found = requests_of(member.household_id)
    if since is not None:
        found = found.filter(ends__gt=since)
    if until is not None:
        found = found.filter(starts__lt=until)
    return rows_of(member, list(found), now)


def rows_of(member: Member, requests: Sequence[HelpRequest], now: dt.datetime) -> list[Row]:
    viewer = viewer_of(member)
    care = care_during(member.household_id, requests)
    rows = []
    for request in requests:
        ask = ask_of(request)
        takings = tuple(request.takings.all())
        promises = tuple(promise_of(t, care) for t in takings)
        if not rules.can_see(viewer, ask, promises):
            continue
        rows.append(
            Row(
                request,
                ask,
                promises,
                takings,
                rules.request_state(ask, promises, now),
                next((t for t in takings if t.member_id == member.pk), None),
                rules.take_problem(viewer, ask, promises, now),
            )
        )
    return rows


def request_for(*, member: Member, request_id: int) -> HelpRequest:
    """A request of the member's household that they may see; 404 otherwise (never says it exists)."""
    found = requests_of(member.household_id).filter(pk=request_id).first()
    if found is None:
        raise Http404(NO_SUCH_REQUEST)
    promises = [promise_of(t, {}) for t in found.takings.all()]
    if not rules.can_see(viewer_of(member), ask_of(found), promises):
        raise Http404(NO_SUCH_REQUEST)
    return found


def names_of(household_id: int) -> dict[int, str]:
    """Everyone who has been a member, so an old request keeps its names."""
    return dict(Member.objects.filter(household_id=household_id).values_list("pk", "display_name"))


def circle_people(household_id: int) -> list[Member]:
    """Who a request can be shown to or taken by: current helpers, and parents living elsewhere."""
    return [
        m
        for m in Member.objects.current().filter(household_id=household_id).order_by("joined_at", "id")
        if not m.is_parent or m.lives_apart
    ]


def night_asked(household_id: int, night: dt.date) -> bool:
    """Whether the circle has been asked for this night (and the request not withdrawn)."""
    return HelpRequest.objects.filter(
        household_id=household_id, kind="night", night=night, withdrawn_at__isnull=True
    ).exists()


def offers_of(household_id: int, member: Member | None = None) -> QuerySet[StandingOffer]:
    offers = StandingOffer.objects.filter(household_id=household_id, member__left_at__isnull=True)
    if member is not None:
        offers = offers.filter(member=member)
    return offers.select_related("member").order_by("member__joined_at", "created_at", "id")


@dataclass(frozen=True)
class TallyLine:
    member_id: int
    kind: str
    counts: rules.Counts
    text: str


def tallies(
    member: Member,
    rows: Sequence[Row],
    names: dict[int, str],
    now: dt.datetime,
    period: str = "in the last four weeks",
) -> list[TallyLine]:
    """Promised against given over the four weeks to `now`; a helper sees only their own lines."""
    since = now - dt.timedelta(weeks=rules.TALLY_WEEKS)
    entries = [
        (row.request.kind, row.ask, promise)
        for row in rows
        if since <= row.ask.starts < now + dt.timedelta(weeks=rules.TALLY_WEEKS) and not row.ask.withdrawn
        for promise in row.promises
        if member.is_parent or promise.member_id == member.pk
    ]
    return [
        TallyLine(
            who,
            kind,
            counts,
            rules.sentence(
                names.get(who, "Someone who left"), kind, counts, you=who == member.pk, period=period
            ),
        )
        for (who, kind), counts in rules.tally(entries, now).items()
    ]
