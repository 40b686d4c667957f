"""Wording shared by several questionnaires: attribution, the LOINC notice, the standard answers and the
lines every result carries.

Sources: shared/product/EVIDENCE.md, "Decisions for the product" (questionnaires and licensing), §1.4, §1.5,
§1.6 and §7.
"""

from __future__ import annotations

from .base import AnswerOption

# EVIDENCE.md §7 and Decisions: free to reproduce, translate, display and distribute, keeping this line.
# The copyright holder (Pfizer) and the permission sentence are as printed on the HL7 US Core PHQ-9
# Questionnaire page (hl7.org/fhir/us/core/Questionnaire-phq-9-example.html), which §7 cites as [V].
PFIZER_ATTRIBUTION = (
    "Developed by Drs Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an "
    "educational grant from Pfizer Inc. Copyright © Pfizer Inc. No permission required to reproduce, "
    "translate, display or distribute."
)

# EVIDENCE.md §1.6 and §7: LOINC codes are free under the LOINC licence with Regenstrief's notice. This is
# the notice as printed on the HL7 US Core PHQ-9 Questionnaire page; the year range is the one shown there.
LOINC_NOTICE = (
    "This material contains content from LOINC® (http://loinc.org). LOINC is copyright © 1995-2024, "
    "Regenstrief Institute, Inc. and the LOINC Committee, and is available at no cost under the license "
    "at http://loinc.org/license."
)

# The standard four answers of the PHQ and GAD questionnaires (EVIDENCE.md §1.4: Kroenke 2001, LOINC
# LL358-3). §1.5 warns that many publications misprinted them, so these exact labels are used everywhere.
# Answer codes LA6568-5, LA6569-3, LA6570-1, LA6571-9 are [V] in EVIDENCE.md §1.6 (PHQ-9 row).
FREQUENCY_ANSWERS: tuple[AnswerOption, ...] = (
    AnswerOption(position=0, label="Not at all", score=0, loinc="LA6568-5"),
    AnswerOption(position=1, label="Several days", score=1, loinc="LA6569-3"),
    AnswerOption(position=2, label="More than half the days", score=2, loinc="LA6570-1"),
    AnswerOption(position=3, label="Nearly every day", score=3, loinc="LA6571-9"),
)

# Decisions: "a screen, never a diagnosis"; §1.1: the EPDS is a screen, not a diagnosis.
SCREEN_NOT_DIAGNOSIS = (
    "This is a screen, not a diagnosis: it shows how the last weeks have been, and only a health "
    "professional who talks with you can say what it means."
)

# Used for the lowest bands. Twofold's own wording, not a clinical instruction.
NOTHING_TO_DO_NOW = "Nothing to do now. If things change, you can answer again at any time."

# Decisions: PHQ-9 >= 10 is "worth talking to your GP or health visitor soon"; GAD-7 >= 10, "talk to a
# professional". "Or another health professional" because not every household is in the UK.
TALK_TO_GP_SOON = (
    "It is worth talking to your GP or health visitor (or another health professional) soon. Asking for "
    "help early is a strong thing to do, not a failure."
)

# Decisions, safety path: a self-harm answer above 0 always opens the safety section, whatever the total.
# §1.4: any answer above "not at all" on PHQ-9 item 9 needs a proper conversation about safety ([S] AACN,
# iatrox); §1.1: any EPDS item 10 score above 0 always prompts further assessment ([V] RCPsych text).
SAFETY_MESSAGE = (
    "You said you have had thoughts of harming yourself. Whatever your total score, please talk to someone "
    "today: your GP, health visitor or midwife, or one of the lines below. If you might act on these "
    "thoughts, or are in danger now, call the emergency number."
)
