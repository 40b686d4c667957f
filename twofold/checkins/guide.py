"""A few prompts for the talk, chosen from the largest gaps and the lowest ratings.

The prompts are data, in our own words, each with the part of shared/product/EVIDENCE.md it rests on.
They say "we" and "us" so that either parent can read them aloud, and they never name who is at fault.
A lone parent gets SOLO_PROMPTS instead: the same reasons, said to one person about the help around them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from twofold.checkins.gaps import RATINGS, TOP_RATING, Answer, Gap, estimates_total
from twofold.checkins.thresholds import LARGE_RATING_SPREAD, LARGE_SHARE_GAP, LOW_RATING

MOST_PROMPTS = 3  # between the opening and the closing prompt, so the talk stays short


@dataclass(frozen=True)
class Prompt:
    key: str
    text: str
    source: str


PROMPTS: dict[str, Prompt] = {
    p.key: p
    for p in (
        Prompt(
            "appreciate",
            "Let's start with what we appreciated this week. Each of us reads ours out; the other just "
            "takes it in.",
            "EVIDENCE.md §5.2: fondness and awareness of each other predicted stable or rising "
            "satisfaction after a baby (Shapiro, Gottman & Carrère 2000).",
        ),
        Prompt(
            "gentle_start",
            "When something is hard to say, let's start with what happened and how it felt (\"I was up at "
            'three and felt on my own"), not with what the other did wrong. The one listening says back '
            "what they heard before answering.",
            "EVIDENCE.md §5.2: negativity between partners predicted a fall in satisfaction after a baby "
            "(Shapiro, Gottman & Carrère 2000).",
        ),
        Prompt(
            "night_gap",
            "Our sense of the nights and the log differ. Let's go through the nights together on the Us "
            "page: which wakings did each of us handle, and which did the other not see? The log is a "
            "shared starting point, not a verdict.",
            "EVIDENCE.md §5.3: time diaries showed a gap in new parents' work that surveys hid "
            "(Yavorsky, Kamp Dush & Schoppe-Sullivan 2015).",
        ),
        Prompt(
            "care_gap",
            "Our sense of the day-to-day care and the log differ. Let's each name the jobs we do that we "
            "think the other may not notice, and look at the log together.",
            "EVIDENCE.md §5.3: time diaries showed a gap in new parents' work that surveys hid "
            "(Yavorsky, Kamp Dush & Schoppe-Sullivan 2015; Kamp Dush, Yavorsky & Schoppe-Sullivan 2018).",
        ),
        Prompt(
            "over_100",
            "Our estimates add up to more than 100 %. That is normal, not a sign that anyone is "
            "exaggerating: each of us remembers our own part more easily. Let's each name one thing the "
            "other did this week that we had not counted.",
            "EVIDENCE.md §5.3: each partner overestimates their own share, and the two estimates sum to "
            "more than 100 % (Ross & Sicoly 1979).",
        ),
        Prompt(
            "fairness",
            "How fair the split feels matters more than the exact numbers. Let's hear first from whoever "
            "finds it less fair: what would make next week feel fairer? Then swap.",
            "EVIDENCE.md §5.3: perceived unfairness, more than the split itself, went with conflict and "
            "lower relationship quality (Newkirk, Perry-Jenkins & Sayer 2017; Schieman, Ruppanner & "
            "Milkie 2018).",
        ),
        Prompt(
            "expectations",
            "We see the fairness of it differently. Let's each say what we expected sharing the care "
            "would look like before the baby came, and what has turned out differently.",
            "EVIDENCE.md §5.3: expectations about sharing childcare that were not met went with more "
            "distress and conflict (Goldberg & Perry-Jenkins 2004; Newkirk, Perry-Jenkins & Sayer 2017).",
        ),
        Prompt(
            "sleep",
            "One of us is short of sleep. Let's look at the nights and agree one protected stretch of "
            "sleep for whoever slept least: for new parents, broken sleep matters as much as the hours.",
            "EVIDENCE.md, decisions on nights and sleep (§4): for new parents the broken-ness of sleep "
            "matters more than the total.",
        ),
        Prompt(
            "connection",
            "Let's plan a little time together this week that is not about the baby or the jobs: a walk, "
            "a meal, half an hour on the sofa.",
            "EVIDENCE.md §5.3: less time together was one of the things that explained new mothers' dip "
            "in marital satisfaction (Dew & Wilcox 2011).",
        ),
        Prompt(
            "mood",
            "Let's ask each other how we have really been feeling, and just listen. If low mood has "
            "lasted, the private two-minute check on the Wellbeing page can help decide whether to talk "
            "to your GP or health visitor; it is not a diagnosis.",
            "EVIDENCE.md §5.2: in SMS4dads, a low 0–10 mood rating opened options to gauge how things "
            "were and to find support (Fletcher et al. 2017, 2019).",
        ),
        Prompt(
            "steady",
            "Nothing stands out this week. Let's each say one thing that went well and one small thing "
            "that could go better.",
            "EVIDENCE.md §5.2: couples who learned to support each other as parents did better on most "
            "measures (Family Foundations: Feinberg & Kan 2008; Feinberg et al. 2016).",
        ),
        Prompt(
            "agree",
            "Let's end with one small, concrete agreement for next week (who does what, and when) and add "
            "it below. Next week's check-in will ask each of us how it went.",
            "EVIDENCE.md §5.2: support between parents as co-parents is what the Family Foundations "
            "programme strengthened (Feinberg & Kan 2008; Feinberg et al. 2016).",
        ),
    )
}

TWOFOLD_OWN = "Twofold's own prompt, not from a study."

# For a household with one parent. Where a couple's prompt rests on a study of couples, the solo prompt
# does not borrow its source: it says it is Twofold's own.
SOLO_PROMPTS: dict[str, Prompt] = {
    p.key: p
    for p in (
        Prompt(
            "appreciate",
            "Start with what went well this week, however small, and one thing you did that nobody saw.",
            TWOFOLD_OWN,
        ),
        Prompt(
            "night_gap",
            "Your sense of the nights and the log differ. Look through the nights on the Us page: which "
            "wakings did you handle, and which did someone else? The log is a starting point, not a verdict.",
            "EVIDENCE.md §5.3: time diaries showed a gap in new parents' work that surveys hid "
            "(Yavorsky, Kamp Dush & Schoppe-Sullivan 2015).",
        ),
        Prompt(
            "care_gap",
            "Your sense of the day-to-day care and the log differ. Look at the log: the jobs nobody logs "
            "are the ones most easily missed, by you as much as anyone.",
            "EVIDENCE.md §5.3: time diaries showed a gap in new parents' work that surveys hid "
            "(Yavorsky, Kamp Dush & Schoppe-Sullivan 2015).",
        ),
        Prompt(
            "fairness",
            "The share of the care feels unfair. What could someone take on next week? Something concrete "
            "(a night, a meal, a walk with the pram while you sleep) is easier to say yes to.",
            TWOFOLD_OWN,
        ),
        Prompt(
            "sleep",
            "You are short of sleep. Look at the nights and ask a helper for one protected stretch, a night "
            "or part of one: for new parents, broken sleep matters as much as the hours.",
            "EVIDENCE.md, decisions on nights and sleep (§4): for new parents the broken-ness of sleep "
            "matters more than the total.",
        ),
        Prompt(
            "connection",
            "You feel on your own. Who could come and sit with you this week, or call? Asking is not a "
            "failure: most people are glad to be asked for something they can do.",
            TWOFOLD_OWN,
        ),
        Prompt(
            "mood",
            "Notice how you have really been feeling. If low mood has lasted, the private two-minute check "
            "on the Wellbeing page can help decide whether to talk to your GP or health visitor; it is not "
            "a diagnosis.",
            "EVIDENCE.md §5.2: in SMS4dads, a low 0–10 mood rating opened options to gauge how things "
            "were and to find support (Fletcher et al. 2017, 2019).",
        ),
        Prompt(
            "steady",
            "Nothing stands out this week. Name one thing that went well and one small thing that could go "
            "better.",
            TWOFOLD_OWN,
        ),
        Prompt(
            "agree",
            "End with one small, concrete plan for next week (something to ask someone for, or something to "
            "let go of) and add it below. Next week's check-in will ask how it went.",
            TWOFOLD_OWN,
        ),
    )
}

RATING_PROMPTS = {"fairness": "fairness", "sleep": "sleep", "mood": "mood", "connection": "connection"}
SPREAD_PROMPTS = {"fairness": "expectations"}


def _weights(gaps: Sequence[Gap], answers: Sequence[Answer]) -> dict[str, Fraction]:
    """How strongly each prompt is called for: how far past its own threshold its reason is, the scale the
    page's list of gaps is ordered by (gaps.py), so the guide follows the same order."""
    weights: dict[str, Fraction] = {}

    def want(key: str, weight: Fraction) -> None:
        weights[key] = max(weights.get(key, Fraction(0)), weight)

    for gap in gaps:
        if not gap.large:
            continue
        if gap.subject in ("night", "care"):
            want(f"{gap.subject}_gap", Fraction(gap.size, LARGE_SHARE_GAP))
        elif gap.subject in SPREAD_PROMPTS:
            want(SPREAD_PROMPTS[gap.subject], Fraction(gap.size, LARGE_RATING_SPREAD))
    for subject in RATINGS:
        lowest = min((getattr(a, subject) for a in answers), default=None)
        if lowest is not None and lowest <= LOW_RATING:
            want(RATING_PROMPTS[subject], Fraction(TOP_RATING - lowest, TOP_RATING - LOW_RATING))
    for subject in ("night", "care"):
        total = estimates_total(subject, answers)
        if total is not None and total > 100:
            want("over_100", Fraction(total - 100, LARGE_SHARE_GAP))
    return weights


def talk_guide(gaps: Sequence[Gap], answers: Sequence[Answer], *, solo: bool = False) -> list[Prompt]:
    """An opening prompt, up to three chosen by weight (a gentle start first when any is hard), and a
    closing prompt that leads to an agreement. `solo`: one parent, so no talk: prompts for one person,
    and none that needs a second answer (two estimates adding up, two ratings apart)."""
    weights = _weights(gaps, answers)
    prompts = SOLO_PROMPTS if solo else PROMPTS
    order = list(PROMPTS)
    chosen = sorted(
        (key for key in weights if key in prompts), key=lambda key: (-weights[key], order.index(key))
    )[:MOST_PROMPTS]
    middle = ([] if solo else ["gentle_start"]) + chosen if chosen else ["steady"]
    return [prompts[key] for key in ("appreciate", *middle, "agree")]
