"""Bonding data as JSON-ready documents, for the API and the household export alike."""

from __future__ import annotations

import datetime as dt
from fractions import Fraction
from typing import Any

from twofold.bonding import guidance
from twofold.bonding.colic import ColicResult, RomeCheck
from twofold.bonding.evidence import Source
from twofold.bonding.models import BondingPlan
from twofold.bonding.reports import CaregiverTrend, CryingReport, Suggestion
from twofold.bonding.trend import Paragraph
from twofold.households.crisis import lines_for
from twofold.households.models import Household


def _percent(share: Fraction | None) -> float | None:
    return None if share is None else round(float(share) * 100, 1)


def _moment(value: dt.datetime | None) -> str | None:
    """Times in UTC, ISO 8601, as the rest of the export writes them."""
    return None if value is None else value.astimezone(dt.UTC).isoformat().replace("+00:00", "Z")


def source_document(source: Source | None) -> dict[str, str] | None:
    if source is None:
        return None
    return {"cite": source.cite, "section": source.section, "mark": source.mark, "url": source.url}


def plan_document(plan: BondingPlan) -> dict[str, Any]:
    return {
        "id": plan.pk,
        "household": plan.household_id,
        "member": plan.member_id,
        "member_name": plan.member.display_name,
        "child": plan.child_id,
        "child_name": plan.child.name,
        "started_on": plan.started_on.isoformat(),
        "status": plan.status,
        "paused_at": _moment(plan.paused_at),
        "ended_at": _moment(plan.ended_at),
    }


def suggestion_document(s: Suggestion) -> dict[str, Any]:
    return {
        "plan": s.plan.pk,
        "activity": s.activity.key,
        "title": s.activity.title,
        "step": s.activity.step,
        "open_step": s.step,
        "status": s.outcome.status if s.outcome is not None else "open",
        "event": s.outcome.event_id if s.outcome is not None else None,
        "response": s.outcome.response if s.outcome is not None else "",
        "bottles": list(s.bottles),
        "how_to": [{"text": h.text, "source": source_document(h.source)} for h in s.activity.how_to],
    }


def _paragraph(p: Paragraph) -> dict[str, Any]:
    return {"text": p.text, "source": source_document(p.source)}


def trend_document(trends: list[CaregiverTrend]) -> list[dict[str, Any]]:
    return [
        {
            "member": t.member_id,
            "name": t.name,
            "reading": t.reading.reading.value,
            "paragraphs": [_paragraph(p) for p in t.reading.paragraphs],
            "weeks": [
                {
                    "week_of": p.monday.isoformat(),
                    "sessions": p.sessions,
                    "with_response": p.with_response,
                    "calm_or_settled": p.calm_or_settled,
                    "calm_or_settled_percent": _percent(p.share),
                    "median_minutes_to_settle": p.median_minutes_to_settle,
                }
                for p in t.weeks
            ],
        }
        for t in trends
    ]


def _colic(result: ColicResult) -> dict[str, Any]:
    return {
        "rule": result.rule,
        "met": result.met,
        "wording": result.wording,
        "ask": result.ask,
        "caveats": list(result.caveats),
        "source": source_document(result.source),
    }


def _rome(check: RomeCheck) -> dict[str, Any]:
    return {
        "criteria": [
            {"name": c.name, "status": c.status.value, "wording": c.wording} for c in check.criteria
        ],
        "research_long_days": check.research_long_days,
        "ask": check.ask,
        "source": source_document(check.source),
    }


def crying_days_document(report: CryingReport) -> list[dict[str, Any]]:
    rows = []
    for r in report.rows:
        norm = r.norm
        band = norm.band if norm is not None else None
        rows.append(
            {
                "date": r.day.day.isoformat(),
                "minutes": r.day.minutes,
                "episodes": r.day.episodes,
                "untimed_episodes": r.day.untimed,
                "week_of_life": r.week,
                "norm": None
                if norm is None or band is None
                else {
                    "mean_low": band.mean_low,
                    "mean_high": band.mean_high,
                    "sd_low": band.sd_low,
                    "sd_high": band.sd_high,
                    "interpolated": norm.interpolated,
                },
                "norm_wording": norm.wording if norm is not None else "",
            }
        )
    return rows


def crying_document(report: CryingReport) -> dict[str, Any]:
    helped = report.helped
    return {
        "child": report.child.pk,
        "week_of_life_today": report.age_weeks_today,
        "days": crying_days_document(report),
        "norm_source": source_document(report.rows[0].norm.source)
        if report.rows and report.rows[0].norm
        else None,
        "colic": {
            "wessel": _colic(report.wessel),
            "modified_wessel": _colic(report.modified),
            "rome_iv": _rome(report.rome),
        },
        "what_helped": {
            "note": helped.note,
            "by_technique": [_tally(t) for t in helped.by_technique],
            "by_caregiver": [
                _tally(t) | {"name": report.names.get(int(t.key), "")} for t in helped.by_caregiver
            ],
        },
    }


def _tally(t: Any) -> dict[str, Any]:
    return {
        "key": t.key,
        "episodes": t.episodes,
        "settled": t.settled,
        "not_settled": t.not_settled,
        "unknown": t.unknown,
        "median_minutes_to_settle": t.median_minutes_to_settle,
    }


def guidance_document(household: Household) -> dict[str, Any]:
    country = lines_for(household.country)
    labels = guidance.urgency_labels(household.country, country.emergency_numbers)

    def items(g: guidance.Guidance) -> list[dict[str, str]]:
        return [
            {
                "id": i.id,
                "urgency": i.urgency,
                "text": i.text,
                "source": i.source,
                "mark": i.mark,
                "url": i.url,
            }
            for i in g.items
        ]

    return {
        "country": country.code,
        "emergency_number": country.emergency_numbers,
        "red_flags": {
            "urgencies": labels,
            "items": items(guidance.red_flags().for_country(household.country)),
        },
        "coping_card": {
            "urgencies": guidance.coping_card().urgencies,
            "items": items(guidance.coping_card()),
        },
    }
