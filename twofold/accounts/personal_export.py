"""A member's own export: everything Twofold holds about one person, across every household they were in.

Only what is theirs goes in: their account, each membership (current and past), the screenings they took
(opened, answers and results), their check-in answers (revealed or not: they are the author), agreements
and reviews, concerns they raised or that were raised about them, their night preferences, bonding plans,
the care they gave or logged, and the audit entries that concern them. Never another parent's answers,
screenings or private words: the household's shared record is the household export's (home/export.py).
"""

from __future__ import annotations

import json
from typing import Any

from django.contrib.auth.models import User
from django.db.models import Q
from django.utils import timezone

from twofold.audit.models import AuditEntry
from twofold.bonding.models import BondingPlan
from twofold.care.export import member_events, utc_text
from twofold.checkins.answers import ANSWER_FIELDS, ANSWERS_SEALED, REVIEW_SEALED
from twofold.checkins.models import Agreement, AgreementReview, Checkin
from twofold.households.models import Member
from twofold.intake.models import Writing
from twofold.nights.models import NightPreference
from twofold.push.models import PushDevice
from twofold.sealing import CannotUnseal, unseal
from twofold.wellbeing.models import Concern, Screening, SharingChoice

PERSONAL_FORMAT = "twofold-personal-export"
PERSONAL_VERSION = 1


def personal_document(user: User) -> dict[str, Any]:
    memberships = Member.objects.filter(user=user).select_related("household").order_by("joined_at", "id")
    return {
        "format": PERSONAL_FORMAT,
        "version": PERSONAL_VERSION,
        "exported_at": utc_text(timezone.now()),
        "account": {
            "id": user.pk,
            "email": user.email,
            "name": user.first_name,
            "joined": utc_text(user.date_joined),
            "last_login": utc_text(user.last_login),
        },
        "memberships": [_membership(member) for member in memberships],
        "audit": _audit(user),
        "notification_devices": _devices(user),
    }


def personal_json(user: User) -> str:
    return json.dumps(personal_document(user), ensure_ascii=False, indent=2) + "\n"


def personal_filename(user: User) -> str:
    return f"twofold-me-{user.pk}-{timezone.now():%Y-%m-%d}.json"


def _person(member: Member) -> dict[str, Any]:
    return {"id": member.pk, "name": member.display_name}


def _membership(member: Member) -> dict[str, Any]:
    sharing = SharingChoice.objects.filter(member=member).first()
    return {
        "household": {"id": member.household_id, "name": member.household.name},
        "member_id": member.pk,
        "display_name": member.display_name,
        "relationship": member.relationship,
        "role": member.role,
        "gave_birth": member.gave_birth,
        "joined_at": utc_text(member.joined_at),
        "left_at": utc_text(member.left_at),
        "screenings": [_screening(s) for s in Screening.objects.filter(member=member).order_by("started_at")],
        "share_future_results": sharing.share_future if sharing else False,
        "checkins": _checkins(member),
        "agreements": _agreements(member),
        "concerns": _concerns(member),
        "night_preferences": _night_preferences(member),
        "bonding_plans": _bonding_plans(member),
        "care": member_events(member),
        "intake_writings": _writings(member),
    }


def _opened(token: str) -> Any:
    """The sealed value, or the reason it cannot be opened: the export never fails on one old key."""
    if not token:
        return None
    try:
        return unseal(token)
    except CannotUnseal as error:
        return {"cannot_open": str(error)}


def _screening(screening: Screening) -> dict[str, Any]:
    return {
        "id": screening.pk,
        "questionnaire": screening.instrument,
        "started_at": utc_text(screening.started_at),
        "finished_at": utc_text(screening.finished_at),
        "shared": screening.shared,
        "answers": _opened(screening.sealed_answers),
        "result": _opened(screening.sealed_result),
    }


def _checkins(member: Member) -> list[dict[str, Any]]:
    return [
        {
            "week": c.week.isoformat(),
            **(c.opened.document() if c.opened else dict.fromkeys(ANSWER_FIELDS)),
            "sealed_note": None if c.opened else ANSWERS_SEALED,
            "answered_at": utc_text(c.answered_at),
            "changed_at": utc_text(c.changed_at),
            "revealed_at": utc_text(c.revealed_at),
        }
        for c in Checkin.objects.filter(member=member).order_by("week", "id")
    ]


def _agreements(member: Member) -> dict[str, Any]:
    written = Agreement.objects.filter(author=member).order_by("week", "created_at", "id")
    reviews = AgreementReview.objects.filter(reviewer=member).select_related("agreement")
    return {
        "written": [
            {"id": a.pk, "week": a.week.isoformat(), "text": a.text, "created_at": utc_text(a.created_at)}
            for a in written
        ],
        "your_reviews": [
            {
                "agreement_id": r.agreement_id,
                "agreement": r.agreement.text,
                "outcome": r.outcome,
                "sealed_note": None if r.outcome else REVIEW_SEALED,
                "answered_at": utc_text(r.answered_at),
            }
            for r in reviews.order_by("answered_at", "id")
        ],
    }


def _concerns(member: Member) -> list[dict[str, Any]]:
    concerns = Concern.objects.filter(Q(raised_by=member) | Q(about=member)).select_related(
        "raised_by", "about"
    )
    return [
        {
            "raised_by": _person(c.raised_by),
            "about": _person(c.about),
            "raised_at": utc_text(c.raised_at),
            "seen_at": utc_text(c.seen_at),
            "closed_at": utc_text(c.closed_at),
        }
        for c in concerns.order_by("raised_at", "id")
    ]


def _night_preferences(member: Member) -> dict[str, Any] | None:
    preference = NightPreference.objects.filter(member=member).first()
    if preference is None:
        return None
    return {
        "night_from": preference.night_from.strftime("%H:%M") if preference.night_from else None,
        "night_until": preference.night_until.strftime("%H:%M") if preference.night_until else None,
        "work_mornings": [int(day) for day in preference.work_mornings],
        "target_minutes": preference.target_minutes,
        "available_for_nights": preference.available_for_nights,
        "breastfeeds": preference.breastfeeds,
    }


def _bonding_plans(member: Member) -> list[dict[str, Any]]:
    plans = BondingPlan.objects.filter(member=member).select_related("child").prefetch_related("days")
    return [
        {
            "child": {"id": plan.child_id, "name": plan.child.name},
            "started_on": plan.started_on.isoformat(),
            "paused_at": utc_text(plan.paused_at),
            "ended_at": utc_text(plan.ended_at),
            "days": [
                {"day": d.day.isoformat(), "activity": d.activity, "status": d.status, "event_id": d.event_id}
                for d in plan.days.all()
            ],
        }
        for plan in plans.order_by("started_on", "id")
    ]


def _writings(member: Member) -> list[dict[str, Any]]:
    """Only the member's own writings: nobody else's are ever in a personal download."""
    return [
        {
            "id": w.pk,
            "written_at": utc_text(w.written_at),
            "text": _opened(w.sealed_text),
            # What the author chose to share with the other parent(s): theirs, so only in their download.
            "shared_summary": {"situations": _opened(w.sealed_summary), "shared_at": utc_text(w.shared_at)}
            if w.shared_at
            else None,
        }
        for w in Writing.objects.filter(author=member).order_by("written_at", "id")
    ]


def _audit(user: User) -> list[dict[str, Any]]:
    return [
        {
            "at": utc_text(entry.at),
            "action": entry.action,
            "what": entry.get_action_display(),
            "by": entry.actor_name,
            "household": entry.household_name,
            "detail": entry.detail,
        }
        for entry in AuditEntry.objects.filter(concerns=user).order_by("at", "id")
    ]


def _devices(user: User) -> list[dict[str, Any]]:
    # The push service's address and the browser's keys are left out: they are the device's, not facts about
    # the person, and would let whoever holds the file send to that browser.
    return [
        {
            "name": device.name,
            "allowed": utc_text(device.created_at),
            "last_reached": utc_text(device.last_reached_at),
            "last_problem": device.last_problem,
        }
        for device in PushDevice.objects.filter(user=user).order_by("created_at", "id")
    ]
