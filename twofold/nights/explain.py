"""Plain words for a plan: why it looks as it does, and which targets it cannot meet and why."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from twofold.nights.evidence import MAX_SHIFTS, NOT_PROVEN, SAFE_SLEEP
from twofold.nights.learn import SLOT_MINUTES, NightPattern
from twofold.nights.plans import Block, Fairness, Person, Plan, PlanRequest, Shift

NO_FEEDER = "The plan is for breastfeeding, but nobody is marked as the parent who breastfeeds."
# §4: "Expect 2–4 night wakings in the first 8–12 weeks" (EVIDENCE.md, Nights and sleep).
NO_PATTERN = (
    "Nothing was logged in the last 14 nights, so the plan can't weigh when the baby tends to wake; "
    "2 to 4 wakings a night are usual in the first 8 to 12 weeks."
)
TRY_AGAIN = "Change someone's free times, or ask a helper to take part of the night, and plan again."


def clock(moment: dt.datetime, request: PlanRequest) -> str:
    return moment.astimezone(request.zone).strftime("%H:%M")


def duration(length: dt.timedelta) -> str:
    minutes = round(length.total_seconds() / 60)
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h" if not rest else f"{hours} h {rest} min"


def roughly(count: float) -> str:
    """An expected count as words: "about 2", "about 1", "under 1". Expected counts are averages from the
    log, so a decimal ("1.9") would read as more precise than it is; API fields keep the raw numbers."""
    if count < 0.5:
        return "under 1"
    return f"about {int(count + 0.5)}"  # half up: round() would make 2.5 into 2


def about(count: float, noun: str) -> str:
    """ "about 2 wakings", "about 1 feed", "under 1 feed"."""
    return f"{roughly(count)} {noun}{'s' if count >= 1.5 else ''}"


def _night_lines(request: PlanRequest) -> list[str]:
    night = request.night
    start, end = clock(night.start, request), clock(night.end, request)
    lines = [f"The night runs from {start} to {end} ({duration(night.length)})."]
    local_start, local_end = night.start.astimezone(request.zone), night.end.astimezone(request.zone)
    by_clock = dt.datetime.combine(local_end.date(), local_end.time()) - dt.datetime.combine(
        local_start.date(), local_start.time()
    )
    if by_clock != night.length:
        lines.append(
            f"The clocks change tonight, so the night is {duration(night.length)}, not {duration(by_clock)}."
        )
    return lines


def _pattern_line(request: PlanRequest, pattern: NightPattern) -> str:
    if not pattern.nights:
        return NO_PATTERN
    busiest = max(range(len(pattern.wakings)), key=lambda i: (pattern.wakings[i], -i))
    start = pattern.night_start.hour * 60 + pattern.night_start.minute + busiest * SLOT_MINUTES
    around = f"{start // 60 % 24:02d}:{start % 60:02d}"
    return (
        f"From the last {pattern.nights} logged nights: {about(pattern.per_night, 'waking')} a night, "
        f"most often around {around}, each taking about {duration(pattern.median_waking)}; "
        f"{pattern.feed_share:.0%} of them were feeds."
    )


def _feeding_lines(request: PlanRequest, shifts: Sequence[Shift]) -> list[str]:
    feeder = request.feeder
    if feeder is None:
        return ["Feeds are by bottle (formula or expressed milk), so whoever is on duty feeds."]
    name = feeder.name
    off_duty_feeds = sum(s.expected_feeds for s in shifts if s.member_id != feeder.member_id)
    lines = [
        f"{name} is breastfeeding. Whoever is on duty brings the baby to {name}, then changes, winds and "
        f"settles; {name} only feeds and goes back to sleep ({about(off_duty_feeds, 'feed')} expected "
        "while someone else is on duty).",
    ]
    if any(s.member_id == feeder.member_id for s in shifts):
        lines.append(f"During {name}'s own shift, {name} does everything.")
    lines.append(f"{name}'s protected block is the longest stretch off duty where no feed is expected.")
    return lines


def _fairness_line(request: PlanRequest) -> str:
    if request.fairness is Fairness.ALTERNATE:
        turn = request.turn if request.turn is not None else request.parents[0].member_id
        return f"Alternate nights: tonight is {request.name_of(turn)}'s night on."
    if request.fairness is Fairness.PROTECT_LOWER:
        known = [p for p in request.parents if p.recent_sleep is not None]
        if known:
            tired = min(known, key=lambda p: p.recent_sleep or dt.timedelta(0))
            return (
                f"Where plans were equally good, the longer block went to {tired.name}, "
                "who has slept least lately."
            )
        return "Nobody's recent sleep is known yet, so where plans were equally good, duty was shared evenly."
    return "Where plans were equally good, night duty was shared as evenly as possible between the parents."


def _alone(request: PlanRequest, shifts: Sequence[Shift]) -> bool:
    """One parent, and nobody else on duty tonight: there is no night to share."""
    parents = request.parents
    return len(parents) == 1 and all(s.member_id == parents[0].member_id for s in shifts)


def _alone_line(request: PlanRequest) -> str:
    name = request.parents[0].name
    return (
        f"{name} is on duty all night: nobody else shares it tonight. A helper who can take nights "
        f"(Night preferences) can take a night, or part of one, and the plan then gives {name} a "
        "protected block."
    )


def _objective_line(request: PlanRequest, blocks: Sequence[Block]) -> str:
    """The search's objective (nights.search), said for tonight."""
    said = (
        f"Of every way to share the night in up to {MAX_SHIFTS} shifts (one person may take two), handing "
        "over on the quarter hour, this one"
    )
    parents = request.parents
    share, person, block = min(
        ((b.length / p.min_block, p, b) for p, b in zip(parents, blocks, strict=True)),
        key=lambda s: (s[0], parents.index(s[1])),
    )
    if share >= 1:
        return f"{said} gives each parent the most it can against their own aim: every parent's aim is met."
    return (
        f"{said} brings whoever is furthest from their own aim as close to it as it can: {person.name} gets "
        f"{duration(block.length)} of a {duration(person.min_block)} aim."
    )


def _unmet(
    request: PlanRequest, pattern: NightPattern, shifts: Sequence[Shift], blocks: Sequence[Block]
) -> list[str]:
    reasons = []
    parents = request.parents
    if _alone(request, shifts) and not blocks[0].length:
        name = parents[0].name
        return [
            f"{name} has no protected block tonight: with nobody else on duty, {name} is up for the baby "
            f"all night. A helper taking a night, or part of one, would give {name} one."
        ]
    total_target = sum((p.min_block for p in parents), dt.timedelta(0))
    for person, block in zip(parents, blocks, strict=True):
        if block.length >= person.min_block:
            continue
        target = duration(person.min_block)
        said = f"{person.name}'s protected block is {duration(block.length)}, short of the {target} target."
        if request.fairness is Fairness.ALTERNATE and not block.length:
            said = (
                f"{person.name} has no protected block tonight: it is their night on, "
                "and the next one is theirs to sleep."
            )
        elif request.feeder is person:
            said += (
                f" Breastfeeding wakes {person.name} for feeds ({about(sum(pattern.feeds), 'feed')} "
                f"a night in the log), and no {target} stretch is free of them."
            )
        elif not request.helper_night and len(parents) > 1 and total_target > request.night.length:
            said += (
                f" The night is {duration(request.night.length)} and the targets add up to "
                f"{duration(total_target)}, so they can't all be met."
            )
        else:
            said += " Everyone's free times and work mornings don't leave a longer block."
        reasons.append(said)
    return reasons


def uncovered(request: PlanRequest, duty: Sequence[tuple[dt.datetime, dt.datetime]]) -> list[str]:
    """Each stretch of the night that no shift covers, in words."""
    gaps = []
    cursor = request.night.start
    for start, end in sorted(duty):
        if start > cursor:
            gaps.append((cursor, start))
        cursor = max(cursor, end)
    if cursor < request.night.end:
        gaps.append((cursor, request.night.end))
    return [f"Nobody is on duty from {clock(a, request)} to {clock(b, request)}." for a, b in gaps]


def feasible(
    request: PlanRequest,
    pattern: NightPattern,
    shifts: tuple[Shift, ...],
    blocks: tuple[Block, ...],
    *,
    by_hand: bool = False,
) -> Plan:
    lines = [*_night_lines(request), _pattern_line(request, pattern)]
    if request.helper_night:
        lines.append("Tonight is a helper's night.")
    for shift in shifts:
        lines.append(
            f"{request.name_of(shift.member_id)} is on duty "
            f"{clock(shift.start, request)}–{clock(shift.end, request)}: "
            f"{about(shift.expected_wakings, 'waking')} expected."
        )
    for block in blocks:
        name = request.name_of(block.member_id)
        if block.length:
            lines.append(
                f"{name}'s protected block: {clock(block.start, request)}–{clock(block.end, request)} "
                f"({duration(block.length)})."
            )
        else:
            lines.append(f"{name} has no protected block tonight.")
    lines += _feeding_lines(request, shifts)
    if _alone(request, shifts):
        lines.append(_alone_line(request))
    elif by_hand:
        shortest = min(b.length for b in blocks)
        lines.append(f"These shifts were set by hand; the shortest protected block is {duration(shortest)}.")
    else:
        lines.append(_objective_line(request, blocks))
        if len(request.parents) > 1:
            lines.append(_fairness_line(request))
    lines += [
        f"{p.name} has a work morning, so is not on duty at the end of the night."
        for p in request.people
        if p.work_morning
    ]
    lines += [NOT_PROVEN, SAFE_SLEEP]
    return Plan(request.night, shifts, blocks, tuple(lines), tuple(_unmet(request, pattern, shifts, blocks)))


def why_infeasible(
    request: PlanRequest, edges: Sequence[dt.datetime], people: Sequence[Person], reach: Mapping[int, range]
) -> list[str]:
    """Which part of the request cannot be met: a stretch nobody can cover, or the morning handover."""
    reasons = []
    if request.fairness is Fairness.ALTERNATE:
        reasons.append(_fairness_line(request))
    uncovered = [i for i in range(len(edges) - 1) if not any(i in reach[p.member_id] for p in people)]
    gaps: list[list[int]] = []
    for cell in uncovered:
        if gaps and gaps[-1][1] == cell:
            gaps[-1][1] = cell + 1
        else:
            gaps.append([cell, cell + 1])
    for lo, hi in gaps:
        reasons.append(
            f"Nobody is free to be on duty from {clock(edges[lo], request)} to {clock(edges[hi], request)}."
        )
    last = len(edges) - 2
    at_end = [p for p in people if last in reach[p.member_id]]
    if at_end and all(p.work_morning for p in at_end):
        names = " and ".join(p.name for p in at_end)
        reasons.append(
            f"Everyone free at the end of the night ({names}) has a work morning, "
            "and someone has to be up then."
        )
    if len(reasons) == (request.fairness is Fairness.ALTERNATE):
        reasons.append(
            f"No way of sharing this night in up to {MAX_SHIFTS} shifts fits everyone's free times."
        )
    return reasons


def infeasible(request: PlanRequest, reasons: Sequence[str]) -> Plan:
    lines = [*_night_lines(request), "There is no plan for tonight that fits everyone's times.", TRY_AGAIN]
    return Plan(request.night, (), (), tuple(lines), tuple(reasons))
