"""What the intake pages show: a reading made into template context, safety first, how what a parent
wrote has changed over time, by situation (never quoting), and the summaries parents choose to share."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.urls import reverse

from twofold.bonding.pages import coping_context
from twofold.households.crisis import Kind, lines_for
from twofold.households.models import Member
from twofold.intake.lexicon import SAFETY, SITUATIONS
from twofold.intake.models import Writing
from twofold.intake.reader import Reading, read, segments
from twofold.intake.said import (
    GENTLE_SAFETY,
    HARD_FEELINGS,
    INTAKE_SAFETY_MESSAGE,
    NO_ONE_TO_SHARE_WITH,
    NOT_AN_ASSESSMENT,
    NOTHING_TO_SHARE,
    SHARE_SAFETY,
    SHARE_WHAT,
    SHARED_NOTE,
    SHARED_SAFETY_NOTE,
    line_for,
    steps_for,
)
from twofold.intake.selectors import shared_situations, summaries_shared_with, text_of
from twofold.wellbeing.views import TELL_SOMEONE_TODAY

CRISIS_KINDS = frozenset({Kind.CRISIS, Kind.DIRECTORY})
SUPPORT_KINDS = frozenset({Kind.SUPPORT, Kind.PERINATAL, Kind.PARENTING})
NAMES = {
    "self_harm_risk": "Thoughts of not being here",
    "harm_to_baby_risk": "Fear of harming the baby",
    "negative_about_baby": "Hard feelings about the baby",
    "uneven_load": "Doing most of the care",
    "sleep_deprivation": "Very little sleep",
    "partner_withdrawn": "A partner who has stepped back",
    "bonding_difficulty": "A bond that is slow to come",
    "infant_crying": "A lot of crying",
    "feeding_difficulty": "Feeding is hard",
    "parent_low_mood": "Low mood",
    "parent_anxiety": "Worry",
    "not_improving_on_treatment": "Treatment not helping yet",
    "relationship_strain": "Strain between you",
    "partner_left": "A partner who has left",
    "unreliable_help": "Help that did not come",
    "lone_parenting": "Parenting alone",
    "long_work_hours": "Long working hours",
    "physical_recovery": "Recovering from the birth",
    "gender_disappointment": "Hoped for a girl or a boy",
    "things_improving": "Things getting better",
}


def reading_context(member: Member, reading: Reading) -> dict[str, Any]:
    country = lines_for(member.household.country)
    keys = set(reading.keys)
    return {
        "reading": reading,
        "note": NOT_AN_ASSESSMENT,
        "heard": [
            {"key": h.key, "name": NAMES[h.key], "said": line_for(h), "spans": h.spans} for h in reading.heard
        ],
        "pieces": [{"text": t, "keys": " ".join(k), "marked": bool(k)} for t, k in segments(reading)],
        "safety": reading.safety,
        "gentle": reading.safety_mentioned and not reading.safety,
        "coping": coping_context(member) if "harm_to_baby_risk" in keys else None,
        "hard_feelings": HARD_FEELINGS if keys & {"negative_about_baby", "harm_to_baby_risk"} else "",
        "steps": [
            {
                "title": s.title,
                "why": s.why,
                "url": reverse(s.url_name, args=s.url_args),
                "post": s.method == "post",
            }
            for s in steps_for(reading.keys)
        ],
        # For wellbeing/_safety.html, the same section the wellbeing results use.
        "country": country,
        "household_country": country.code,
        "crisis_lines": [line for line in country.lines if line.kind in CRISIS_KINDS],
        "support_lines": [line for line in country.lines if line.kind in SUPPORT_KINDS],
        "safety_message": INTAKE_SAFETY_MESSAGE,
        "gentle_message": GENTLE_SAFETY,
        "tell_someone_today": TELL_SOMEONE_TODAY,
    }


def over_time(writings: Sequence[Writing]) -> list[dict[str, Any]]:
    """For each situation heard in any of the writings (newest first), whether each writing heard it."""
    keys_by_writing = []
    for writing in writings:
        text = text_of(writing)
        keys_by_writing.append(set(read(text).keys) if text is not None else None)
    rows = []
    for key in SITUATIONS:
        marks = [None if ks is None else key in ks for ks in keys_by_writing]
        if any(marks):
            rows.append({"key": key, "name": NAMES[key], "marks": marks, "safety": key in SAFETY})
    return rows


def share_context(member: Member, writing: Writing, reading: Reading) -> dict[str, Any]:
    """The author's choice: what a summary would hold (safety unticked), with whom, and what is shared."""
    others = [
        m.display_name
        for m in Member.objects.current().parents().filter(household_id=member.household_id)
        if m.pk != member.pk
    ]
    names = " and ".join(others)
    shared = shared_situations(writing)
    return {
        "share_with": names,
        "share_what": (SHARE_WHAT.format(names=names) if reading.keys else NOTHING_TO_SHARE)
        if others
        else NO_ONE_TO_SHARE_WITH,
        "share_safety": SHARE_SAFETY.format(names=names) if others and reading.safety else "",
        "share_choices": [
            {"key": key, "name": NAMES[key], "safety": key in SAFETY, "ticked": key not in SAFETY}
            for key in reading.keys
        ]
        if others
        else [],
        "shared": [NAMES[key] for key in shared],
        "shared_at": writing.shared_at if shared else None,
    }


def shared_with_context(member: Member) -> list[dict[str, Any]]:
    """For Today: the summaries the other parent(s) chose to share, in Twofold's words, never quoting."""
    summaries = summaries_shared_with(member)
    if not summaries:
        return []
    crisis = [line for line in lines_for(member.household.country).lines if line.kind in CRISIS_KINDS]
    return [
        {
            "name": s.author_name,
            "shared_at": s.shared_at,
            "situations": [NAMES[key] for key in s.situations],
            "note": SHARED_NOTE.format(name=s.author_name),
            "safety_note": SHARED_SAFETY_NOTE.format(name=s.author_name)
            if set(s.situations) & set(SAFETY)
            else "",
            "crisis_lines": crisis if set(s.situations) & set(SAFETY) else [],
        }
        for s in summaries
    ]
