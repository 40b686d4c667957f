"""The Edinburgh Postnatal Depression Scale (EPDS) as scoring logic only: item numbers, topics, reverse keys,
cut-offs and the EPDS-3A anxiety items. No question or answer wording is in this repository.

Why: the Royal College of Psychiatrists requires written permission to republish the EPDS, online included
(EVIDENCE.md §7 and "Decisions for the product"). A deployment that holds a licence points
TWOFOLD_EPDS_TEXT_FILE at its own copy of the wording (see licensed.py); only then is the EPDS offered.
`EPDS_SCORING` can still score stored answers without the wording.
"""

from __future__ import annotations

from .base import AnswerOption, Band, BandSet, Cutoff, Group, Instrument, Item, Loinc, Subscale
from .texts import LOINC_NOTICE, NOTHING_TO_DO_NOW

# §1.1: 10 items, each 0–3, recall window "the past 7 days" [V].
EPDS_ITEM_COUNT = 10
EPDS_ANSWER_COUNT = 4
RECALL_WINDOW = "the past 7 days"

# §1.1 [V]: items 1, 2, 4 score 0->3 down the page; items 3, 5–10 (marked * on the form) score 3->0.
EPDS_REVERSE_SCORED: tuple[int, ...] = (3, 5, 6, 7, 8, 9, 10)

# §1.1 / Decisions: any score above 0 on item 10 opens the safety path, independent of the total.
EPDS_SELF_HARM_ITEM = 10

# Topics, paraphrased in EVIDENCE.md §1.1 for internal labelling (exports, logs, the lead's admin views).
# They are not the item wording and must never be shown to a parent as the question.
EPDS_TOPICS: tuple[str, ...] = (
    "able to laugh and see the funny side",
    "looked forward to things with enjoyment",
    "blamed self unnecessarily",
    "anxious or worried for no good reason",
    "scared or panicky for no good reason",
    "things getting on top of me, coping",
    "so unhappy it was hard to sleep",
    "sad or miserable",
    "so unhappy I have been crying",
    "thought of harming myself",
)

ATTRIBUTION = (
    "Edinburgh Postnatal Depression Scale (EPDS): Cox, J.L., Holden, J.M. and Sagovsky, R. (1987), "
    "Detection of postnatal depression: development of the 10-item Edinburgh Postnatal Depression Scale, "
    "British Journal of Psychiatry 150:782–786. © 1987 The Royal College of Psychiatrists."
)

# Decisions: without the licensed file "the product explains, in one line, why the EPDS is not offered and
# uses the PHQ-9/GAD-7".
EPDS_NOT_OFFERED = (
    "The Edinburgh Postnatal Depression Scale (EPDS) is not offered here: its wording may only be shown "
    "online with written permission from the Royal College of Psychiatrists, and this Twofold has no "
    "licensed copy, so it uses the PHQ-9 and GAD-7 instead."
)

_FOR_YOU_TOO = "For you, this score can reflect worry and stress as well as low mood."

_GAVE_BIRTH_SOURCE = (
    "Cox, Holden & Sagovsky 1987; RCPsych scoring guidance: 13 or more, assess for depression; 10 or more "
    "when more sensitivity is wanted (EVIDENCE.md §1.1)."
)
_DID_NOT_GIVE_BIRTH_SOURCE = (
    "Matthey and colleagues 2001; Edmondson and colleagues 2010; Shafian and colleagues 2022 (meta-analysis "
    "of 7 studies, 2,393 fathers); Massoudi, Hwang & Wickberg 2013 (EVIDENCE.md §1.2)."
)

_BELOW = "Your answers are below the lines used to screen for depression."
_TALK_SOON = (
    "Talk to your GP, health visitor or midwife soon, so they can ask you more. Asking for help early is a "
    "strong thing to do, not a failure."
)
_WORTH_MENTIONING = (
    "Worth mentioning to your GP, health visitor or midwife, or to someone you trust. If it lasts or gets "
    "heavier, ask for an appointment."
)

# Decisions: a parent who gave birth: 10–12 possible depression, >= 13 probable.
EPDS_BANDS_GAVE_BIRTH = BandSet(
    group=Group.GAVE_BIRTH,
    bands=(
        Band("below", "Below the screening lines", 0, 9, 0, _BELOW, NOTHING_TO_DO_NOW),
        Band(
            "possible",
            "Possible depression",
            10,
            12,
            1,
            "Your answers over the past 7 days are in the range where depression is possible.",
            _WORTH_MENTIONING,
        ),
        Band(
            "probable",
            "Probable depression",
            13,
            30,
            2,
            "Your answers over the past 7 days are in the range where depression is probable.",
            _TALK_SOON,
        ),
    ),
    explanation=(
        "These are the lines for a parent who gave birth: 10 to 12 means depression is possible, and 13 or "
        "more that it is probable."
    ),
    source=_GAVE_BIRTH_SOURCE,
)

# Decisions: a parent who did not give birth: 7–9 some signs, >= 10 likely; they score lower on the same
# distress (Matthey 2001, Edmondson 2010, Shafian 2022). §1.2: treat it partly as a distress and anxiety
# measure (Massoudi 2013).
EPDS_BANDS_DID_NOT_GIVE_BIRTH = BandSet(
    group=Group.DID_NOT_GIVE_BIRTH,
    bands=(
        Band("below", "Below the screening lines", 0, 6, 0, _BELOW, NOTHING_TO_DO_NOW),
        Band(
            "some_signs",
            "Some signs of depression",
            7,
            9,
            1,
            f"Your answers over the past 7 days show some signs of depression. {_FOR_YOU_TOO}",
            _WORTH_MENTIONING,
        ),
        Band(
            "likely",
            "Likely depression",
            10,
            30,
            2,
            f"Your answers over the past 7 days are in the range where depression is likely. {_FOR_YOU_TOO}",
            _TALK_SOON,
        ),
    ),
    explanation=(
        "Parents who did not give birth tend to score lower on the same distress, so the lines are lower: "
        "7 to 9 shows some signs, and 10 or more makes depression likely. The score can also reflect worry "
        "and stress, not only low mood."
    ),
    source=_DID_NOT_GIVE_BIRTH_SOURCE,
)

# When the parent has not said whether they gave birth, Twofold uses both sets of lines at once: the first
# flag comes at the lower line (7), because for a screen a missed parent costs more than an extra
# conversation with a GP; 10–12 is named for what it means in either case ("possible" for a parent who gave
# birth, "likely" for one who did not); 13 or more is in the top band for both. No new number is introduced:
# every edge below is an edge of one of the two sets above.
EPDS_BANDS_NOT_SAID = BandSet(
    group=Group.NOT_SAID,
    bands=(
        Band("below", "Below the screening lines", 0, 6, 0, _BELOW, NOTHING_TO_DO_NOW),
        Band(
            "some_signs",
            "Some signs of depression",
            7,
            9,
            1,
            "Your answers over the past 7 days show some signs of depression, by the lower line used for a "
            "parent who did not give birth.",
            _WORTH_MENTIONING,
        ),
        Band(
            "possible_or_likely",
            "Possible or likely depression",
            10,
            12,
            2,
            "Your answers over the past 7 days are in the range where depression is possible for a parent "
            "who gave birth, and likely for one who did not.",
            _TALK_SOON,
        ),
        Band(
            "probable",
            "Probable depression",
            13,
            30,
            3,
            "Your answers over the past 7 days are in the range where depression is probable.",
            _TALK_SOON,
        ),
    ),
    explanation=(
        "The lines differ for a parent who gave birth (10 and 13) and one who did not (7 and 10), and "
        "you have not said which you are. So Twofold starts at the lower line, to miss as little as "
        "possible, and names both readings between 10 and 12. You can tell Twofold in your settings to see "
        "only your lines."
    ),
    source=f"{_GAVE_BIRTH_SOURCE} {_DID_NOT_GIVE_BIRTH_SOURCE}",
)

# EPDS-3A (§1.3 [V] Matthey 2008): items 3, 4, 5; >= 6 for women and >= 4 for men at 6 weeks. The Decisions
# section applies these as "gave birth" / "did not". When not said, the lower line (4) is used, for the
# same reason as the bands above.
EPDS_3A = Subscale(
    key="epds3a",
    name="EPDS-3A (anxiety questions)",
    items=(3, 4, 5),
    cutoffs=(
        Cutoff(Group.GAVE_BIRTH, 6),
        Cutoff(Group.DID_NOT_GIVE_BIRTH, 4),
        Cutoff(Group.NOT_SAID, 4),
    ),
    flagged_meaning=(
        "Your answers to the three questions about blaming yourself, worry and feeling scared or panicky "
        "point to anxiety that is worth mentioning to your GP, health visitor or midwife."
    ),
    source="Matthey 2008, Depress Anxiety 25:926–931 (EVIDENCE.md §1.3).",
)


def epds_score_for(number: int, position: int) -> int:
    """The score of the answer at `position` (0 = top of the page) on item `number` (§1.1)."""
    top = EPDS_ANSWER_COUNT - 1
    return top - position if number in EPDS_REVERSE_SCORED else position


def epds_items(
    texts: tuple[str, ...] | None = None,
    answers: tuple[tuple[str, ...], ...] | None = None,
) -> tuple[Item, ...]:
    """The 10 items with their scoring; wording only when given (from a licensed file)."""
    items = []
    for index, topic in enumerate(EPDS_TOPICS):
        number = index + 1
        labels = answers[index] if answers is not None else ("",) * EPDS_ANSWER_COUNT
        options = tuple(
            AnswerOption(position=position, label=label, score=epds_score_for(number, position))
            for position, label in enumerate(labels)
        )
        text = texts[index] if texts is not None else ""
        items.append(Item(number=number, text=text, topic=topic, options=options))
    return tuple(items)


# The EPDS without its wording: enough to validate and score stored answers, never to show the form.
EPDS_SCORING = Instrument(
    key="epds",
    name="Edinburgh Postnatal Depression Scale (EPDS)",
    short_name="EPDS",
    description="Ten questions about how you have felt in the past 7 days.",
    recall_window=RECALL_WINDOW,
    stem="",
    items=epds_items(),
    reverse_scored=EPDS_REVERSE_SCORED,
    band_sets=(EPDS_BANDS_GAVE_BIRTH, EPDS_BANDS_DID_NOT_GIVE_BIRTH, EPDS_BANDS_NOT_SAID),
    attribution=ATTRIBUTION,
    source="Cox, Holden & Sagovsky 1987, Br J Psychiatry 150:782–786 (EVIDENCE.md §1.1, §1.2).",
    self_harm_item=EPDS_SELF_HARM_ITEM,
    subscale=EPDS_3A,
    # §1.6: only the panel is verified. The total (99046-5) is [S] and item codes are [U]: left out.
    loinc=Loinc(panel="71354-5", total=None),
    loinc_notice=LOINC_NOTICE,
    wording_available=False,
)
