"""The settling trend for each caregiver, week by week, and an honest reading of it.

No study measures "settling success by caregiver" (EVIDENCE.md §5.1), so there is no norm to compare a
parent with: the reading compares a parent with their own earlier weeks, and says that crying falls with age
whoever holds the baby (§3.1). The thresholds below are Twofold's own, not clinical cut-offs.
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction
from zoneinfo import ZoneInfo

from twofold.bonding.evidence import (
    CDC_AHT,
    CHENG_2011,
    ERLANDSSON_2007,
    HUNZIKER_BARR_1986,
    KAUR_BURPING,
    KUO_2021,
    NO_CAREGIVER_STUDY,
    WOLKE_2017,
    Source,
)
from twofold.bonding.rounding import whole_minutes
from twofold.care import kinds
from twofold.insights.percent import half_up, shown

CALM_OR_SETTLED = frozenset({"calm", "settled"})
# Twofold's own: a week with fewer sessions than this is too few to compare with another.
MIN_SESSIONS_TO_COMPARE = 3
# Twofold's own: after this many weeks of logging with no change, the reading suggests more to try.
NO_PROGRESS_AFTER_WEEKS = 4
# Twofold's own: a change smaller than these is noise in a handful of sessions, not a change.
SHARE_CHANGE = Fraction(10, 100)  # ten percentage points of sessions ending calm or settled
MINUTES_CHANGE = 2  # minutes of median time to settle
# Twofold's own: with this share or more ending calm or settled, weeks without change are going well.
GOING_WELL = Fraction(3, 4)
# Twofold's own scope (the same as the bonding plan's, plan.PLAN_AGE_WEEKS): the things to try and the
# crying curve come from studies of young babies, so past the first year the reading leaves them out.
BABY_UNTIL_WEEKS = 52


class Reading(StrEnum):
    TOO_EARLY = "too_early"
    CALMER = "calmer"
    GOING_WELL = "going_well"
    NOT_YET = "not_yet"
    LESS_SETTLED = "less_settled"
    NO_PROGRESS = "no_progress"


@dataclass(frozen=True)
class SettlingSession:
    """One time a caregiver comforted the baby, with the one-tap response and, if known, how long it took."""

    member_id: int
    start: dt.datetime
    response: str = ""  # calm, fussy, crying, settled, or "" when not recorded
    settled_after_minutes: int | None = None


@dataclass(frozen=True)
class WeekPoint:
    monday: dt.date  # the household-local week
    sessions: int
    with_response: int
    calm_or_settled: int
    median_minutes_to_settle: float | None

    @property
    def share(self) -> Fraction | None:
        """Share of sessions with a response that were calm or settled."""
        return Fraction(self.calm_or_settled, self.with_response) if self.with_response else None


@dataclass(frozen=True)
class Paragraph:
    text: str
    source: Source | None = None  # None: Twofold's own wording about the parent's numbers


@dataclass(frozen=True)
class TrendReading:
    reading: Reading
    paragraphs: tuple[Paragraph, ...]


@dataclass(frozen=True)
class Voice:
    """Whose reading it is: the viewer's own reads "you"; another caregiver's reads their name, so Sam never
    sees Alex's numbers as "your earlier weeks"."""

    name: str | None = None  # None: the viewer

    @property
    def own(self) -> bool:
        return self.name is None

    def say(self, you: str, them: str) -> str:
        return you if self.name is None else them.format(name=self.name, names=possessive(self.name))


YOU = Voice()


def possessive(name: str) -> str:
    return f"{name}'s"


def no_norm(voice: Voice = YOU) -> Paragraph:
    return Paragraph(
        "No study has measured how quickly babies settle with each parent, so there is no “normal” to hold "
        + voice.say(
            "you against. Twofold compares you only with your own earlier weeks.",
            "{name} against. Twofold compares {name} only with {names} own earlier weeks.",
        ),
        NO_CAREGIVER_STUDY,
    )


def less_familiar(voice: Voice = YOU) -> Paragraph:
    return Paragraph(
        voice.say(
            "If your baby seems to fuss more with you than with someone else, it is not a verdict on you "
            "or on your bond: nobody has measured settling by caregiver, and the time you spend together "
            "now is how you get to know each other.",
            "If the baby seems to fuss more with {name} than with someone else, it is not a verdict on "
            "{name} or on their bond: nobody has measured settling by caregiver, and the time they spend "
            "together now is how they get to know each other.",
        ),
        NO_CAREGIVER_STUDY,
    )


def age_curve(voice: Voice = YOU) -> Paragraph:
    return Paragraph(
        "Crying falls with age, whoever holds the baby: in diary studies, typical crying in weeks 10–12 "
        "(about 68 minutes a day) is around half that of weeks 1–6 (117–133 minutes). "
        + voice.say(
            "Part of any change you see is your baby growing.",
            "Part of any change in {names} weeks is the baby growing.",
        ),
        WOLKE_2017,
    )


def going_well(voice: Voice = YOU) -> Paragraph:
    return Paragraph(
        voice.say(
            "Most of your time together ends calm or settled, week after week: that is good news, and "
            "nothing needs changing.",
            "Most of {names} time with the baby ends calm or settled, week after week: that is good news, "
            "and nothing needs changing.",
        )
    )


def too_early(voice: Voice = YOU) -> Paragraph:
    return Paragraph(
        "Too early for a trend: once "
        + voice.say("you have", "{name} has")
        + f" two weeks with at least {MIN_SESSIONS_TO_COMPARE} settling sessions each, Twofold will compare "
        "them."
    )


NO_NORM = no_norm()
LESS_FAMILIAR = less_familiar()
AGE_CURVE = age_curve()
TOO_EARLY = too_early()
TRY_SKIN_TO_SKIN = Paragraph(
    "Skin-to-skin: in trials, term babies held skin-to-skin on a father's chest cried less than babies "
    "in a cot or incubator.",
    KUO_2021,
)
TRY_SKIN_TO_SKIN_CALMED = Paragraph(
    "In one trial, babies on their father's chest calmed within about 15 minutes.", ERLANDSSON_2007
)
TRY_CARRYING = Paragraph(
    "Extra carrying: in a trial with mothers, carrying the baby for 3 or more extra hours a day went with "
    "less crying at 6 weeks. It has not been tested with fathers.",
    HUNZIKER_BARR_1986,
)
TRY_COMFORT = Paragraph(
    "Other comfort the CDC suggests: swaddling, a dummy, rocking, a walk or a drive.", CDC_AHT
)
TRY_MASSAGE = Paragraph(
    "Learning infant massage lowered fathers' parenting stress in a small pilot study.", CHENG_2011
)
WINDING_IS_NOT_A_CURE = Paragraph(
    "Winding is not a cure for colic: in one trial, routine burping did not reduce colic and roughly doubled "
    "spitting up.",
    KAUR_BURPING,
)

THINGS_TO_TRY = (
    TRY_SKIN_TO_SKIN,
    TRY_SKIN_TO_SKIN_CALMED,
    TRY_CARRYING,
    TRY_COMFORT,
    TRY_MASSAGE,
    WINDING_IS_NOT_A_CURE,
)


def when_to_ask(voice: Voice = YOU) -> Paragraph:
    return Paragraph(
        voice.say(
            "Ask a health professional if the crying worries you, if the colic check matches, or if "
            "anything on the red-flags page applies, which is urgent. If the crying is getting to you, open "
            "the coping card: it is safe to put your baby down on their back in the cot and step away for a "
            "few minutes.",
            "Ask a health professional if the crying worries {name} or you, if the colic check matches, or "
            "if anything on the red-flags page applies, which is urgent. If the crying is getting to "
            "{name}, the coping card says what helps: it is safe to put the baby down on their back in the "
            "cot and step away for a few minutes.",
        )
    )


WHEN_TO_ASK = when_to_ask()


# What counts as a settling session (Twofold's own choice): every crying episode, and the time together the
# bonding plan is made of (skin-to-skin, a bath, play), whoever logged it; a feed or a nappy counts only when
# it was logged from a bonding plan's suggestion.
SESSION_KINDS = kinds.keys_where(reading=kinds.Reading.SETTLING_SESSION)
SETTLED_OUTCOMES = frozenset({"settled", "asleep"})
UNSETTLED_OUTCOMES = frozenset({"still_crying", "handed_over"})


def session_from(
    *,
    member_id: int,
    kind: str,
    start: dt.datetime,
    end: dt.datetime | None,
    response: str,
    settled_after_minutes: int | None,
    outcome: str = "",
) -> SettlingSession:
    """One logged event as a session. A crying episode without a one-tap response reads its outcome
    (settled or asleep: settled; still crying or handed over: crying); one that settled and has an end but
    no "settled after" takes its length as the time to settle."""
    if not response and kind == "settle":
        if outcome in SETTLED_OUTCOMES:
            response = "settled"
        elif outcome in UNSETTLED_OUTCOMES:
            response = "crying"
    if kind == "settle" and response == "settled" and settled_after_minutes is None and end is not None:
        settled_after_minutes = round((end - start).total_seconds() / 60)
    return SettlingSession(member_id, start, response, settled_after_minutes)


def settling_trend(sessions: Iterable[SettlingSession], zone: ZoneInfo) -> dict[int, tuple[WeekPoint, ...]]:
    """Each caregiver's weeks, from their first week with a session to their last, quiet weeks included."""
    grouped: dict[int, dict[dt.date, list[SettlingSession]]] = defaultdict(lambda: defaultdict(list))
    for session in sessions:
        local_day = session.start.astimezone(zone).date()
        monday = local_day - dt.timedelta(days=local_day.weekday())
        grouped[session.member_id][monday].append(session)
    trend: dict[int, tuple[WeekPoint, ...]] = {}
    for member_id, weeks in sorted(grouped.items()):
        first, last = min(weeks), max(weeks)
        mondays = [first + dt.timedelta(weeks=i) for i in range((last - first).days // 7 + 1)]
        trend[member_id] = tuple(_point(monday, weeks.get(monday, [])) for monday in mondays)
    return trend


def _point(monday: dt.date, sessions: Sequence[SettlingSession]) -> WeekPoint:
    responses = [s.response for s in sessions if s.response]
    minutes = [s.settled_after_minutes for s in sessions if s.settled_after_minutes is not None]
    return WeekPoint(
        monday=monday,
        sessions=len(sessions),
        with_response=len(responses),
        calm_or_settled=sum(r in CALM_OR_SETTLED for r in responses),
        median_minutes_to_settle=statistics.median(minutes) if minutes else None,
    )


def pooled(points: Sequence[WeekPoint]) -> WeekPoint:
    """Several weeks as one, for "your earlier weeks"; the median is of the weekly medians."""
    medians = [p.median_minutes_to_settle for p in points if p.median_minutes_to_settle is not None]
    return WeekPoint(
        monday=points[0].monday,
        sessions=sum(p.sessions for p in points),
        with_response=sum(p.with_response for p in points),
        calm_or_settled=sum(p.calm_or_settled for p in points),
        median_minutes_to_settle=statistics.median(medians) if medians else None,
    )


def reading_for(
    points: Sequence[WeekPoint], voice: Voice = YOU, age_weeks: int | None = None
) -> TrendReading:
    """The reading of one caregiver's weeks: the latest week against their own earlier weeks, told to the
    caregiver themselves ("you") or about them by name. `age_weeks` is the baby's age in completed weeks."""
    comparable = [p for p in points if p.with_response >= MIN_SESSIONS_TO_COMPARE]
    if len(comparable) < 2:
        return TrendReading(
            Reading.TOO_EARLY, (too_early(voice), no_norm(voice), less_familiar(voice), age_curve(voice))
        )
    latest, earlier = comparable[-1], pooled(comparable[:-1])
    numbers = Paragraph(own_numbers(latest, earlier, voice))
    baby = age_weeks is None or age_weeks < BABY_UNTIL_WEEKS
    curve = (age_curve(voice),) if baby else ()
    tips = THINGS_TO_TRY if baby else ()
    if is_less_settled(latest, earlier):
        return TrendReading(
            Reading.LESS_SETTLED, (numbers, less_familiar(voice), *curve, *tips, when_to_ask(voice))
        )
    if is_calmer(latest, earlier):
        return TrendReading(Reading.CALMER, (numbers, *curve, no_norm(voice)))
    if is_going_well(latest, earlier):
        return TrendReading(Reading.GOING_WELL, (numbers, going_well(voice), no_norm(voice)))
    weeks_logged = (latest.monday - comparable[0].monday).days // 7 + 1
    if weeks_logged < NO_PROGRESS_AFTER_WEEKS:
        return TrendReading(Reading.NOT_YET, (numbers, less_familiar(voice), *curve, no_norm(voice)))
    return TrendReading(
        Reading.NO_PROGRESS, (numbers, less_familiar(voice), *curve, *tips, when_to_ask(voice))
    )


def _share_change(latest: WeekPoint, earlier: WeekPoint) -> Fraction:
    if latest.share is None or earlier.share is None:
        return Fraction(0)
    return latest.share - earlier.share


def is_less_settled(latest: WeekPoint, earlier: WeekPoint) -> bool:
    """Less settled: the share of calm or settled sessions down by SHARE_CHANGE or more, whatever the
    minutes did."""
    return _share_change(latest, earlier) <= -SHARE_CHANGE


def is_calmer(latest: WeekPoint, earlier: WeekPoint) -> bool:
    """Calmer: a share of calm or settled sessions up by SHARE_CHANGE or more, or (with that share about
    the same) a median time to settle shorter by MINUTES_CHANGE or more. A fall in the share is never
    calmer, however the minutes moved."""
    change = _share_change(latest, earlier)
    if change >= SHARE_CHANGE:
        return True
    if change <= -SHARE_CHANGE:
        return False
    return (
        latest.median_minutes_to_settle is not None
        and earlier.median_minutes_to_settle is not None
        and earlier.median_minutes_to_settle - latest.median_minutes_to_settle >= MINUTES_CHANGE
    )


def is_going_well(latest: WeekPoint, earlier: WeekPoint) -> bool:
    """Steady and good: most sessions ended calm or settled, this week and before."""
    return (
        latest.share is not None
        and earlier.share is not None
        and latest.share >= GOING_WELL
        and earlier.share >= GOING_WELL
    )


def own_numbers(latest: WeekPoint, earlier: WeekPoint, voice: Voice = YOU) -> str:
    """What one caregiver's numbers show, in one or two sentences."""
    text = (
        f"Week of {latest.monday.day} {latest.monday:%B}: {latest.calm_or_settled} of "
        f"{latest.with_response} sessions ended calm or settled ({_percent(latest.share)}), against "
        f"{_percent(earlier.share)} in {voice.say('your', '{names}')} earlier weeks."
    )
    if latest.median_minutes_to_settle is not None and earlier.median_minutes_to_settle is not None:
        text += (
            f" Median time to settle: {_minutes(latest.median_minutes_to_settle)}, against "
            f"{_minutes(earlier.median_minutes_to_settle)} before."
        )
    return text


def _percent(share: Fraction | None) -> str:
    return "no answers" if share is None else shown(half_up(share))


def _minutes(value: float) -> str:
    whole = whole_minutes(value)
    return "1 minute" if whole == 1 else f"{whole} minutes"
