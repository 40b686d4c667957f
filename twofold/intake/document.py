"""The reading as one JSON document, shared by the API and `twofold intake`: situations with their words,
the safety flag, the help lines when safety words were written, and the next steps."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from twofold.households.crisis import lines_for
from twofold.households.professionals import in_local_words
from twofold.intake.lexicon import SAFETY
from twofold.intake.reader import Reading
from twofold.intake.said import (
    GENTLE_SAFETY,
    HARD_FEELINGS,
    INTAKE_SAFETY_MESSAGE,
    NOT_AN_ASSESSMENT,
    line_for,
    steps_for,
)
from twofold.wellbeing.api import resources_document

HARD_WORDS = frozenset({"negative_about_baby", "harm_to_baby_risk"})


def reading_document(reading: Reading, *, country: str) -> dict[str, Any]:
    code = lines_for(country).code
    resources = None
    if reading.safety_mentioned:
        resources = resources_document(country, safety_flag=False)
        message = INTAKE_SAFETY_MESSAGE if reading.safety else GENTLE_SAFETY
        resources["safety_message"] = in_local_words(message, code)
    return {
        "note": NOT_AN_ASSESSMENT,
        "safety_flag": reading.safety,
        "safety_mentioned": reading.safety_mentioned,
        "situations": [
            {
                "key": heard.key,
                "about": heard.about.value,
                "said": line_for(heard),
                "safety": heard.key in SAFETY,
                "evidence": [{"start": s.start, "end": s.end, "text": s.text} for s in heard.spans],
            }
            for heard in reading.heard
        ],
        "hard_feelings": in_local_words(HARD_FEELINGS, code) if HARD_WORDS & set(reading.keys) else None,
        "coping_card": reverse("bonding:coping") if "harm_to_baby_risk" in reading.keys else None,
        "resources": resources,
        "next_steps": [
            {
                "key": s.key,
                "title": s.title,
                "why": s.why,
                "path": reverse(s.url_name, args=s.url_args),
                "method": s.method.upper(),
            }
            for s in steps_for(reading.keys)
        ],
        "country": code,
    }
