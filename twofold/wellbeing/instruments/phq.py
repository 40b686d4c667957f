"""PHQ-9 and PHQ-2: depression screens, free to show in full (EVIDENCE.md §1.4, §7).

Item wording: the standard published English PHQ-9, as held in CamCOPS
(github.com/ucam-department-of-psychiatry/camcops, server/camcops_server/extra_strings/phq9.xml), checked
against the item displays of the HL7 US Core PHQ-9 Questionnaire (hl7.org/fhir/us/core/
Questionnaire-phq-9-example.html). EVIDENCE.md cites both for the licence terms (§7) and codes (§1.6).
"""

from __future__ import annotations

from .base import Band, BandSet, Group, Instrument, Item, Loinc
from .quick import quick_check
from .texts import (
    FREQUENCY_ANSWERS,
    LOINC_NOTICE,
    NOTHING_TO_DO_NOW,
    PFIZER_ATTRIBUTION,
    TALK_TO_GP_SOON,
)

RECALL_WINDOW = "the last 2 weeks"
STEM = "Over the last 2 weeks, how often have you been bothered by any of the following problems?"

# EVIDENCE.md §1.4 / Decisions: PHQ-9 self-harm item is item 9; PHQ-2 >= 3 leads on to the PHQ-9.
PHQ9_SELF_HARM_ITEM = 9
PHQ2_FOLLOW_UP_AT = 3

# Item LOINC codes are [V] in EVIDENCE.md §1.6 (loinc.org LL358-3, 69729-2; HL7 US Core).
PHQ9_ITEMS: tuple[Item, ...] = (
    Item(1, "Little interest or pleasure in doing things", "interest", FREQUENCY_ANSWERS, "44250-9"),
    Item(2, "Feeling down, depressed, or hopeless", "low mood", FREQUENCY_ANSWERS, "44255-8"),
    Item(
        3,
        "Trouble falling or staying asleep, or sleeping too much",
        "sleep",
        FREQUENCY_ANSWERS,
        "44259-0",
    ),
    Item(4, "Feeling tired or having little energy", "energy", FREQUENCY_ANSWERS, "44254-1"),
    Item(5, "Poor appetite or overeating", "appetite", FREQUENCY_ANSWERS, "44251-7"),
    Item(
        6,
        "Feeling bad about yourself — or that you are a failure or have let yourself or your family down",
        "self-worth",
        FREQUENCY_ANSWERS,
        "44258-2",
    ),
    Item(
        7,
        "Trouble concentrating on things, such as reading the newspaper or watching television",
        "concentration",
        FREQUENCY_ANSWERS,
        "44252-5",
    ),
    Item(
        8,
        "Moving or speaking so slowly that other people could have noticed? Or the opposite — being so "
        "fidgety or restless that you have been moving around a lot more than usual",
        "moving slowly or restless",
        FREQUENCY_ANSWERS,
        "44253-3",
    ),
    Item(
        9,
        "Thoughts that you would be better off dead or of hurting yourself in some way",
        "thoughts of death or self-harm",
        FREQUENCY_ANSWERS,
        "44260-8",
    ),
)

# Bands: Decisions and §1.4 ([V] Kroenke 2001; LOINC LL382-3): 0–4 none or minimal, 5–9 mild,
# 10–14 moderate, 15–19 moderately severe, 20–27 severe; >= 10 is worth talking to the GP or health visitor.
PHQ9_BANDS = BandSet(
    group=Group.EVERYONE,
    bands=(
        Band(
            key="minimal",
            label="None or minimal",
            low=0,
            high=4,
            severity=0,
            meaning="Your answers show few or no signs of depression over the last 2 weeks.",
            next_steps=NOTHING_TO_DO_NOW,
        ),
        Band(
            key="mild",
            label="Mild",
            low=5,
            high=9,
            severity=1,
            meaning="Your answers show some signs of low mood over the last 2 weeks.",
            next_steps=(
                "Be gentle with yourself and tell someone you trust how you have been. If it lasts or gets "
                "heavier, talk to your GP or health visitor."
            ),
        ),
        Band(
            key="moderate",
            label="Moderate",
            low=10,
            high=14,
            severity=2,
            meaning="Your answers show a moderate level of depression symptoms over the last 2 weeks.",
            next_steps=TALK_TO_GP_SOON,
        ),
        Band(
            key="moderately_severe",
            label="Moderately severe",
            low=15,
            high=19,
            severity=3,
            meaning=(
                "Your answers show a moderately severe level of depression symptoms over the last 2 weeks."
            ),
            next_steps=TALK_TO_GP_SOON,
        ),
        Band(
            key="severe",
            label="Severe",
            low=20,
            high=27,
            severity=4,
            meaning="Your answers show a severe level of depression symptoms over the last 2 weeks.",
            next_steps=TALK_TO_GP_SOON,
        ),
    ),
    explanation="",
    source="Kroenke, Spitzer & Williams 2001, J Gen Intern Med 16:606–613 (EVIDENCE.md §1.4).",
)

PHQ9 = Instrument(
    key="phq9",
    name="Patient Health Questionnaire (PHQ-9)",
    short_name="PHQ-9",
    description="Nine questions about low mood and depression over the last 2 weeks.",
    recall_window=RECALL_WINDOW,
    stem=STEM,
    items=PHQ9_ITEMS,
    reverse_scored=(),
    band_sets=(PHQ9_BANDS,),
    attribution=PFIZER_ATTRIBUTION,
    source=PHQ9_BANDS.source,
    self_harm_item=PHQ9_SELF_HARM_ITEM,
    # Decisions / §1.6: panel 44249-1 and total 44261-6 are verified.
    loinc=Loinc(panel="44249-1", total="44261-6"),
    loinc_notice=LOINC_NOTICE,
)

# PHQ-2 = PHQ-9 items 1–2 (§1.4). Its panel (55757-9) and total (55758-7) codes are only [S] in §1.6, so
# they are left out; the items keep their verified PHQ-9 item codes.
# PHQ-2 (items 1–2, 0–6): Decisions and §1.4 ([V] Kroenke 2003): >= 3 means go on to the PHQ-9.
PHQ2 = quick_check(
    PHQ9,
    key="phq2",
    name="Patient Health Questionnaire (PHQ-2)",
    short_name="PHQ-2",
    description="The first two PHQ-9 questions: a quick check on mood and interest over the last 2 weeks.",
    follow_up_at=PHQ2_FOLLOW_UP_AT,
    more_questions="seven",
    source="Kroenke, Spitzer & Williams 2003, Med Care 41:1284–1292 (EVIDENCE.md §1.4).",
)
