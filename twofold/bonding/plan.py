"""A bonding plan for one parent and one child: small, graded, repeated activities, one suggestion a day.

Each how-to line carries its source from EVIDENCE.md (§4.2, §4.3, §5.1). Where the evidence file has no
source, the line is marked as Twofold's own suggestion, and safety guidance without a source is not written:
an activity that needs it (the bath) is not suggested until EVIDENCE.md has it (see MISSING_GUIDANCE).

Grading is Twofold's own design, not from a study: everyday contact first, then longer shared activities,
then settling with the other parent nearby, and only after that settling alone.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from twofold.bonding.evidence import (
    AAP_2022_SAFE_SLEEP,
    AAP_2022_SWADDLE,
    CDC_AHT,
    CHENG_2011,
    CULLEN_2000,
    DE_MONTIGNY_2004,
    ERLANDSSON_2007,
    HUNZIKER_BARR_1986,
    KAUR_BURPING,
    KUO_2021,
    NCT_EXPRESSING,
    TAIWAN_2017,
    Source,
)

TWOFOLD_OWN = Source("Twofold's own suggestion, not from a study", "none", "")

# Twofold's own: how many times the activities of one step are done before the next step opens.
TIMES_TO_OPEN_NEXT_STEP = 3


class FeedingMethod(StrEnum):
    BREAST = "breast"
    EXPRESSED = "expressed"
    FORMULA = "formula"
    MIXED = "mixed"


BOTTLE_METHODS = frozenset({FeedingMethod.EXPRESSED, FeedingMethod.FORMULA, FeedingMethod.MIXED})


@dataclass(frozen=True)
class HowTo:
    text: str
    source: Source


@dataclass(frozen=True)
class Activity:
    key: str
    title: str
    step: int  # 1 everyday contact, 2 longer shared time, 3 settling with the other parent nearby, 4 alone
    how_to: tuple[HowTo, ...]
    bottle_only: bool = False
    # Safety guidance this activity needs that EVIDENCE.md does not yet have; not suggested until it does.
    missing_guidance: tuple[str, ...] = field(default=())

    @property
    def ready(self) -> bool:
        return not self.missing_guidance


BACK_TO_SLEEP = HowTo(
    "If your baby falls asleep, lay them on their back in their own cot or Moses basket. A sofa or armchair "
    "is especially dangerous to fall asleep on with a baby.",
    AAP_2022_SAFE_SLEEP,
)
SWADDLING = HowTo(
    "If you swaddle, lay your baby only on their back, stop as soon as they show signs of trying to roll "
    "(usually at 3–4 months, sometimes earlier), and never use a weighted swaddle.",
    AAP_2022_SWADDLE,
)
WINDING = HowTo(
    "Wind your baby if it seems to help them, but it is not a cure for colic: in one trial, routine burping "
    "did not reduce colic and roughly doubled spitting up.",
    KAUR_BURPING,
)
CARRIERS_NOT_FOR_SLEEP = HowTo(
    "Slings, carriers and prams are not for routine sleep, especially under 4 months: once home, move a "
    "sleeping baby onto their back in their cot.",
    AAP_2022_SAFE_SLEEP,
)

ACTIVITIES: tuple[Activity, ...] = (
    Activity(
        "skin_to_skin",
        "Skin-to-skin",
        1,
        (
            HowTo(
                "Sit back somewhere you will stay awake, shirt off, with your baby in just a nappy on your "
                "chest.",
                TWOFOLD_OWN,
            ),
            HowTo(
                "In a trial, babies on their father's chest calmed within about 15 minutes.", ERLANDSSON_2007
            ),
            HowTo(
                "Term babies cried less skin-to-skin with a father than in a cot or incubator, and "
                "father-led and mother-led skin-to-skin had similar effects on stress markers.",
                KUO_2021,
            ),
            HowTo("In one trial, fathers did at least 15 minutes a day for 3 days.", TAIWAN_2017),
            BACK_TO_SLEEP,
        ),
    ),
    Activity(
        "talking_reading",  # the key stays (plan days keep it); logged as play "talking", so titled alike
        "Talking and singing",
        1,
        (
            HowTo(
                "Hold your baby where they can see your face and talk, sing or read aloud: anything you "
                "like.",
                TWOFOLD_OWN,
            ),
        ),
    ),
    Activity(
        "nappy_and_play",
        "A nappy change and a few minutes' play",
        1,
        (
            HowTo(
                "Take the next nappy change, then stay a few minutes: talk, let your baby watch your face.",
                TWOFOLD_OWN,
            ),
        ),
    ),
    Activity(
        "bottle_feed",
        "A bottle feed",
        1,
        (
            HowTo(
                "Expressed milk lets someone else give a feed while the parent who breastfeeds rests.",
                NCT_EXPRESSING,
            ),
            HowTo(
                "In a breastfeeding family, when to start a bottle is a choice for you both with your health "
                "visitor or lactation adviser.",
                TWOFOLD_OWN,
            ),
            WINDING,
        ),
        bottle_only=True,
    ),
    Activity(
        "massage",
        "Infant massage",
        2,
        (
            HowTo(
                "In one study, fathers massaged their baby for 15 minutes before bedtime for a month and "
                "became warmer and more playful with them.",
                CULLEN_2000,
            ),
            HowTo(
                "Being shown how lowered fathers' parenting stress in a small pilot: ask your health visitor "
                "or a local class to show you.",
                CHENG_2011,
            ),
        ),
    ),
    Activity(
        "walk",
        "A walk with the pram or a sling",
        2,
        (
            HowTo(
                "In a trial with mothers, extra carrying cut crying and fussing at 6 weeks. It has not been "
                "tested with fathers, but a walk is time together either way.",
                HUNZIKER_BARR_1986,
            ),
            HowTo("A walk or a drive is one of the comforts the CDC suggests for a crying baby.", CDC_AHT),
            CARRIERS_NOT_FOR_SLEEP,
        ),
    ),
    Activity(
        "bath",
        "Bath time",
        2,
        (HowTo("Fathers have described bathing their baby as a good moment.", DE_MONTIGNY_2004),),
        missing_guidance=(
            "Bath safety (water temperature, never leaving the baby) has no source in EVIDENCE.md.",
        ),
    ),
    Activity(
        "settle_nearby",
        "Settling, with the other parent nearby",
        3,
        (
            HowTo(
                "Take the next settle while the other parent stays in the next room: there if you want a "
                "hand, not taking over.",
                TWOFOLD_OWN,
            ),
            HowTo(
                "Comfort that may help: skin-to-skin, swaddling, a dummy, rocking, a walk. A baby may keep "
                "crying whatever you try; that is normal.",
                CDC_AHT,
            ),
            SWADDLING,
            WINDING,
        ),
    ),
    Activity(
        "settle_alone",
        "Settling on your own",
        4,
        (
            HowTo("Take a settle on your own, with the other parent out or resting.", TWOFOLD_OWN),
            HowTo(
                "If the crying gets to you, put your baby down on their back in the cot and step away for a "
                "few minutes; check on them every 5–10 minutes.",
                CDC_AHT,
            ),
            SWADDLING,
        ),
    ),
)

BY_KEY: dict[str, Activity] = {activity.key: activity for activity in ACTIVITIES}
MISSING_GUIDANCE: dict[str, tuple[str, ...]] = {
    a.key: a.missing_guidance for a in ACTIVITIES if a.missing_guidance
}


def activities_for(feeding_method: str) -> tuple[Activity, ...]:
    """The ready activities that fit the family: a bottle feed only where the baby has bottles."""
    bottles = feeding_method in BOTTLE_METHODS
    return tuple(a for a in ACTIVITIES if a.ready and (bottles or not a.bottle_only))


def open_step(activities: tuple[Activity, ...], done_so_far: Mapping[str, int]) -> int:
    """The highest step open: a step opens once the activities of the step before have been done
    TIMES_TO_OPEN_NEXT_STEP times in all."""
    step = 1
    steps = sorted({a.step for a in activities})
    for current, following in zip(steps, steps[1:], strict=False):
        done = sum(done_so_far.get(a.key, 0) for a in activities if a.step == current)
        if done < TIMES_TO_OPEN_NEXT_STEP:
            break
        step = following
    return step


def suggestion_for(
    day_index: int, age_weeks: int, feeding_method: str, done_so_far: Mapping[str, int]
) -> Activity:
    """Today's one suggestion: among the open activities, one of those done least so far, chosen by the day
    so the same inputs always give the same suggestion.

    EVIDENCE.md gives no age to start massage or a bath, so every ready activity suits a baby in the first
    year; past it (PLAN_AGE_WEEKS, Twofold's own scope) the activities made for babies are not offered."""
    if day_index < 0 or age_weeks < 0:
        raise ValueError("Days and weeks start at 0.")
    activities = activities_for(feeding_method)
    if age_weeks >= PLAN_AGE_WEEKS:
        activities = tuple(a for a in activities if a.key not in FOR_BABIES)
    step = open_step(activities, done_so_far)
    # Least done first, and among those the highest step: a newly opened step comes up next, then
    # everything open takes turns, day by day.
    candidates = [a for a in activities if a.step <= step]
    fewest = min(done_so_far.get(a.key, 0) for a in candidates)
    least_done = [a for a in candidates if done_so_far.get(a.key, 0) == fewest]
    highest = max(a.step for a in least_done)
    turns = [a for a in least_done if a.step == highest]
    return turns[day_index % len(turns)]


# ---- How an activity is logged: an ordinary care event (DESIGN.md) ----

# Twofold's own scope, not from a study: the studies in EVIDENCE.md §5.1 are of babies in their first months,
# and Twofold is made for the first year. An older child can still have a plan; the page says so plainly,
# and skin-to-skin and infant massage, studied with newborns, are no longer suggested.
PLAN_AGE_WEEKS = 52
FOR_BABIES = frozenset({"skin_to_skin", "massage"})
OLDER_CHILD = (
    "These activities were chosen for a baby's first year, and the studies behind them are of young babies. "
    "They may still suit an older child, but Twofold has no evidence for that age."
)

# A bottle feed logs the child's kind of bottle; a mixed-fed baby's parent picks one in the same tap.
BOTTLE_CHOICES: dict[str, tuple[str, ...]] = {
    FeedingMethod.EXPRESSED: ("expressed",),
    FeedingMethod.FORMULA: ("formula",),
    FeedingMethod.MIXED: ("expressed", "formula"),
}


@dataclass(frozen=True)
class CareShape:
    """The care event an activity is logged as: its kind and its kind's details."""

    kind: str
    details: tuple[tuple[str, object], ...] = ()

    def detail_dict(self) -> dict[str, object]:
        return dict(self.details)


CARE_SHAPES: dict[str, CareShape] = {
    "skin_to_skin": CareShape("skin_to_skin"),
    "talking_reading": CareShape("play", (("activity", "talking"),)),
    # The nappy itself is usually logged already from Quick log: the activity is the play after it.
    "nappy_and_play": CareShape("play", (("activity", "talking"),)),
    "bottle_feed": CareShape("feed", (("method", "expressed"),)),
    "massage": CareShape("play", (("activity", "massage"),)),
    "walk": CareShape("play", (("activity", "walk"),)),
    "bath": CareShape("bath"),
    "settle_nearby": CareShape("settle"),
    "settle_alone": CareShape("settle"),
}


def care_shape(activity_key: str, bottle: str = "") -> CareShape:
    """The care event for an activity; a bottle feed takes the bottle chosen (expressed or formula)."""
    if activity_key not in CARE_SHAPES:
        raise ValueError(f"Unknown activity: {activity_key}.")
    shape = CARE_SHAPES[activity_key]
    if activity_key == "bottle_feed" and bottle:
        if bottle not in ("expressed", "formula"):
            raise ValueError("Choose a bottle of expressed milk or of formula.")
        return CareShape("feed", (("method", bottle),))
    return shape
