"""GAD-7 and GAD-2: anxiety screens, free to show in full (EVIDENCE.md §1.5, §7).

Item wording: the standard published English GAD-7, as held in CamCOPS
(github.com/ucam-department-of-psychiatry/camcops, server/camcops_server/extra_strings/gad7.xml), which
EVIDENCE.md §1.5 and §7 cite for the correct answer labels and the licence terms.
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

# Decisions / §1.5: GAD-2 >= 3 leads on to the GAD-7.
GAD2_FOLLOW_UP_AT = 3

# Item LOINC codes: EVIDENCE.md §1.6, [V] from loinc.org 69729-2 (the PHQ-SADS panel).
GAD7_ITEMS: tuple[Item, ...] = (
    Item(1, "Feeling nervous, anxious or on edge", "nervous", FREQUENCY_ANSWERS, "69725-0"),
    Item(
        2, "Not being able to stop or control worrying", "can't stop worrying", FREQUENCY_ANSWERS, "68509-9"
    ),
    Item(3, "Worrying too much about different things", "worrying too much", FREQUENCY_ANSWERS, "69733-4"),
    Item(4, "Trouble relaxing", "trouble relaxing", FREQUENCY_ANSWERS, "69734-2"),
    Item(5, "Being so restless that it is hard to sit still", "restless", FREQUENCY_ANSWERS, "69735-9"),
    Item(6, "Becoming easily annoyed or irritable", "irritable", FREQUENCY_ANSWERS, "69689-8"),
    Item(7, "Feeling afraid as if something awful might happen", "afraid", FREQUENCY_ANSWERS, "69736-7"),
)

# Bands: Decisions and §1.5 ([V] Spitzer 2006; ebm.bmj.com summary of Kroenke 2007): 0–4 minimal, 5–9 mild,
# 10–14 moderate, 15–21 severe; >= 10 means talk to a professional.
GAD7_BANDS = BandSet(
    group=Group.EVERYONE,
    bands=(
        Band(
            key="minimal",
            label="Minimal",
            low=0,
            high=4,
            severity=0,
            meaning="Your answers show few or no signs of anxiety over the last 2 weeks.",
            next_steps=NOTHING_TO_DO_NOW,
        ),
        Band(
            key="mild",
            label="Mild",
            low=5,
            high=9,
            severity=1,
            meaning="Your answers show some signs of anxiety over the last 2 weeks.",
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
            meaning="Your answers show a moderate level of anxiety symptoms over the last 2 weeks.",
            next_steps=TALK_TO_GP_SOON,
        ),
        Band(
            key="severe",
            label="Severe",
            low=15,
            high=21,
            severity=3,
            meaning="Your answers show a severe level of anxiety symptoms over the last 2 weeks.",
            next_steps=TALK_TO_GP_SOON,
        ),
    ),
    explanation="",
    source="Spitzer, Kroenke, Williams & Löwe 2006, Arch Intern Med 166:1092–1097 (EVIDENCE.md §1.5).",
)

GAD7 = Instrument(
    key="gad7",
    name="Generalized Anxiety Disorder scale (GAD-7)",
    short_name="GAD-7",
    description="Seven questions about worry and anxiety over the last 2 weeks.",
    recall_window=RECALL_WINDOW,
    stem=STEM,
    items=GAD7_ITEMS,
    reverse_scored=(),
    band_sets=(GAD7_BANDS,),
    attribution=PFIZER_ATTRIBUTION,
    source=GAD7_BANDS.source,
    # Decisions: panel 69737-5 and total 70274-6. (§1.6 marks the panel itself [S]; the Decisions section
    # adopts it for export, so it is kept and the gap is reported.)
    loinc=Loinc(panel="69737-5", total="70274-6"),
    loinc_notice=LOINC_NOTICE,
)

# GAD-2 = GAD-7 items 1–2 (0–6); >= 3 goes on to the GAD-7. EVIDENCE.md §1.5 marks the GAD-2 figures [S]
# (Kroenke 2007 via secondary pages); the Decisions section adopts the >= 3 line. §1.6: no dedicated
# GAD-2 panel exists; its items reuse the GAD-7 item codes.
GAD2 = quick_check(
    GAD7,
    key="gad2",
    name="Generalized Anxiety Disorder scale (GAD-2)",
    short_name="GAD-2",
    description="The first two GAD-7 questions: a quick check on worry over the last 2 weeks.",
    follow_up_at=GAD2_FOLLOW_UP_AT,
    more_questions="five",
    source=(
        "Kroenke and colleagues 2007, Ann Intern Med 146:317–325, as cited by secondary sources "
        "(EVIDENCE.md §1.5)."
    ),
)
