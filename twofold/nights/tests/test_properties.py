"""Properties for any request: shifts tile the night, constraints hold, infeasible is explained, same in,
same out."""

import datetime as dt
import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from twofold.insights.periods import Night, night_of
from twofold.nights.evidence import MAX_SHIFTS
from twofold.nights.learn import NightPattern
from twofold.nights.planner import plan_night
from twofold.nights.plans import Fairness, Feeding, Person, Plan, PlanRequest

from .build import LONDON, M

DAYS = [dt.date(2026, 3, 28), dt.date(2026, 10, 24), dt.date(2026, 11, 16), dt.date(2026, 6, 1)]
QUARTER = dt.timedelta(minutes=15)


def _clock(start: dt.time, quarters: int) -> dt.time:
    minutes = (start.hour * 60 + start.minute + 15 * quarters) % (24 * 60)
    return dt.time(minutes // 60, minutes % 60)


@st.composite
def requests(draw) -> tuple[PlanRequest, NightPattern]:
    start = dt.time(draw(st.sampled_from([20, 21, 22, 23])))
    end = dt.time(draw(st.sampled_from([5, 6, 7])))
    quarters = ((end.hour + 24 - start.hour) % 24) * 4
    night = night_of(draw(st.sampled_from(DAYS)), LONDON, start, end)
    people = []
    for member_id, name, role in [(1, "Alex", "parent"), (2, "Sam", "parent"), (3, "Pat", "helper")]:
        if role == "helper" and not draw(st.booleans()):
            continue
        free = None
        if draw(st.booleans()):
            lo = draw(st.integers(0, quarters - 1))
            free = (_clock(start, lo), _clock(start, draw(st.integers(lo + 1, quarters))))
        people.append(
            Person(
                member_id,
                name,
                role=role,
                available_from=free and free[0],
                available_until=free and free[1],
                work_morning=draw(st.booleans()),
                min_block=dt.timedelta(minutes=draw(st.integers(8, 24)) * 15),
                can_feed=role == "parent" and draw(st.booleans()),
                recent_sleep=draw(st.one_of(st.none(), st.integers(60, 400).map(lambda m: m * M))),
            )
        )
    slots = -(-quarters // 2)
    rates = st.lists(st.sampled_from([0.0, 0.0, 0.25, 0.5, 1.0]), min_size=slots, max_size=slots)
    wakes = tuple(draw(rates))
    pattern = NightPattern(start, end, 14, wakes, tuple(w / 2 for w in wakes), 20 * M, 0.5)
    request = PlanRequest(
        night,
        LONDON,
        tuple(people),
        feeding=draw(st.sampled_from(list(Feeding))),
        fairness=draw(st.sampled_from(list(Fairness))),
        helper_night=draw(st.booleans()),
        turn=draw(st.sampled_from([None, 1, 2])),
    )
    return request, pattern


def _person(request: PlanRequest, member_id: int) -> Person:
    return next(p for p in request.people if p.member_id == member_id)


def _minutes_after(clock: dt.time | dt.datetime, first: dt.time) -> int:
    """How far into the night a clock time is, counted from the night's first clock time."""
    return (clock.hour * 60 + clock.minute - first.hour * 60 - first.minute) % (24 * 60)


def _lived_stretch(person: Person, night: Night) -> tuple[dt.datetime, dt.datetime]:
    """When a person's free time begins and ends as the night is lived minute by minute, independently of
    how the planner converts clock times: it begins the first time the local clock has reached
    `available_from` (a repeated hour does not begin it again; a skipped time begins it at the jump) and
    ends the first time after that the clock has reached `available_until`."""
    available_from, available_until = person.available_from, person.available_until
    if available_from is None or available_until is None:  # requests() sets both or neither
        return night.start, night.end
    first = night.start.astimezone(LONDON).time()
    begins = ends = None
    moment = night.start
    while moment < night.end and ends is None:
        into = _minutes_after(moment.astimezone(LONDON).time(), first)
        if begins is None and into >= _minutes_after(available_from, first):
            begins = moment
        if begins is not None and into >= _minutes_after(available_until, first):
            ends = moment
        moment += dt.timedelta(minutes=1)
    return begins or night.end, ends or night.end


def _free_at(person: Person, moment: dt.datetime, night: Night) -> bool:
    begins, ends = _lived_stretch(person, night)
    return begins <= moment < ends


def _plan(drawn) -> tuple[PlanRequest, Plan]:
    request, pattern = drawn
    return request, plan_night(request, pattern)


@settings(max_examples=80, deadline=None)
@given(requests())
def test_shifts_never_overlap_and_cover_the_whole_night(drawn):
    request, plan = _plan(drawn)
    if not plan.feasible:
        return
    assert plan.shifts[0].start == request.night.start
    assert plan.shifts[-1].end == request.night.end
    for one, two in zip(plan.shifts, plan.shifts[1:], strict=False):
        assert one.end == two.start  # half-open: one ends exactly where the next begins
    assert all(s.start < s.end for s in plan.shifts)
    assert sum((s.end - s.start for s in plan.shifts), dt.timedelta(0)) == request.night.length


@settings(max_examples=80, deadline=None)
@given(requests())
def test_a_feasible_plan_respects_every_constraint(drawn):
    request, plan = _plan(drawn)
    if not plan.feasible:
        return
    assert not _person(request, plan.shifts[-1].member_id).work_morning
    on_duty = [s.member_id for s in plan.shifts]
    assert len(on_duty) <= MAX_SHIFTS
    assert all(a != b for a, b in itertools.pairwise(on_duty))  # two in a row would be one shift
    for shift in plan.shifts:
        person = _person(request, shift.member_id)
        assert person.is_parent or request.helper_night
        if request.fairness is Fairness.ALTERNATE and person.is_parent:
            assert shift.member_id == (request.turn or 1)
        moment = shift.start
        while moment < shift.end:
            assert _free_at(person, moment, request.night)
            moment += QUARTER
    for block in plan.protected:
        assert request.night.start <= block.start <= block.end <= request.night.end
        assert all(
            block.end <= s.start or s.end <= block.start or block.length == dt.timedelta(0)
            for s in plan.shifts
            if s.member_id == block.member_id
        )


@settings(max_examples=80, deadline=None)
@given(requests())
def test_every_missed_target_and_every_infeasible_request_is_explained(drawn):
    request, plan = _plan(drawn)
    if not plan.feasible:
        assert plan.unmet and plan.protected == ()
        return
    short = [p for p in request.parents if plan.block_for(p.member_id).length < p.min_block]
    assert len(plan.unmet) == len(short)
    for person, reason in zip(short, plan.unmet, strict=True):
        assert reason.startswith(person.name)


@settings(max_examples=40, deadline=None)
@given(requests())
def test_the_same_request_gives_the_same_plan(drawn):
    request, pattern = drawn
    assert plan_night(request, pattern) == plan_night(request, pattern)


@settings(max_examples=30, deadline=None)
@given(st.sampled_from(DAYS), st.sampled_from([20, 21, 22, 23]), st.sampled_from([5, 6, 7]))
def test_two_free_parents_always_get_a_plan_that_halves_the_night(day, start, end):
    night = night_of(day, LONDON, dt.time(start), dt.time(end))
    request = PlanRequest(night, LONDON, (Person(1, "Alex"), Person(2, "Sam")))
    pattern = NightPattern(dt.time(start), dt.time(end), 0, (0.0,) * 22, (0.0,) * 22, 0 * M, 0.0)
    plan = plan_night(request, pattern)
    half = (night.length // 2 // QUARTER) * QUARTER  # the best a quarter-hour handover can do
    assert min(b.length for b in plan.protected) == half
