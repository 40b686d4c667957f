"""Each bonding page's context: the reports, charts and wording a template needs, made in Python."""

from __future__ import annotations

import datetime as dt
import uuid
from fractions import Fraction
from typing import Any

from twofold.bonding import guidance, selectors
from twofold.bonding.charts import crying_chart_svg, settling_chart_svg
from twofold.bonding.colic import ASK_A_PROFESSIONAL, Status
from twofold.bonding.evidence import BARR_NCSBS, WOLKE_2017
from twofold.bonding.models import BondingPlan, PlanDay
from twofold.bonding.norms import INTERPOLATED, KEEPS_FALLING
from twofold.bonding.plan import (
    ACTIVITIES,
    BOTTLE_CHOICES,
    BY_KEY,
    MISSING_GUIDANCE,
    OLDER_CHILD,
    PLAN_AGE_WEEKS,
)
from twofold.bonding.reports import crying_report, settling_report, suggestion_of
from twofold.bonding.rounding import whole_minutes
from twofold.care.details import SETTLE_TECHNIQUES
from twofold.households.ages import age_in_words
from twofold.households.crisis import Kind, lines_for
from twofold.households.models import Child, Member
from twofold.households.selectors import children_of, members_of
from twofold.insights.charts import both_widths
from twofold.insights.percent import half_up, shown

NOT_COVERED = (
    "Twofold has no sourced guidance yet on bath safety, on how to hold a baby, on using a sling safely, or "
    "on how to do infant massage, so it does not give any. Ask your health visitor, midwife or another "
    "health professional to show you; many areas also run baby-massage classes."
)
NORMAL_CRYING = (
    "Many babies go through a phase of more crying that starts at about 2 weeks, tends to build to a peak "
    "in the second month and eases over months 3 to 5. The crying can come and go for no clear reason, "
    "carry on whatever you try, look like pain when the baby is not in pain, last for hours, and be worse "
    "in the late afternoon and evening. It is a phase: it has a beginning and an end. Dr Ronald Barr's "
    "research describes it, and the National Center on Shaken Baby Syndrome teaches it to parents as "
    "“The Period of PURPLE Crying®”."
)
COLIC_NAMES = {"wessel": "Wessel “rule of threes”", "modified_wessel": "Modified Wessel rule"}
ROME_NAMES = {
    "under_5_months": "Under 5 months",
    "cannot_soothe": "Crying you cannot prevent or soothe",
    "no_fever_growth_or_illness": "No fever, faltering growth or illness",
}


def _percent(share: Fraction | None) -> str:
    return "–" if share is None else shown(half_up(share))


def chosen_child(member: Member, wanted: str) -> tuple[list[Child], Child | None]:
    """The household's children and the one asked for (`?child=`), else the first."""
    children = list(children_of(household=member.household).select_related("household"))
    chosen = next((c for c in children if wanted.isdigit() and c.pk == int(wanted)), None)
    return children, chosen or (children[0] if children else None)


# ---- Home: the plan ----


def home_context(member: Member, now: dt.datetime) -> dict[str, Any]:
    household = member.household
    today = now.astimezone(household.zone).date()
    plans = list(selectors.plans_of(household=household).filter(ended_at__isnull=True).order_by("id"))
    mine = [p for p in plans if p.member_id == member.pk]
    days = selectors.days_of(plans=mine)
    suggestions = [suggestion_of(p, days, today) for p in mine if p.paused_at is None]
    children = list(children_of(household=household))
    planned = {p.child_id for p in mine}
    recent = [
        {
            "day": d.day,
            "title": BY_KEY[d.activity].title if d.activity in BY_KEY else d.activity,
            "event": d.event,
        }
        for d in PlanDay.objects.filter(plan__in=mine, status="done")
        .select_related("event")
        .order_by("-day", "-id")[:10]
    ]
    return {
        "suggestions": suggestions,
        "paused": [p for p in mine if p.paused_at is not None],
        "others": [p for p in plans if p.member_id != member.pk],
        "can_start": [c for c in children if c.pk not in planned],
        "children": children,
        "recent": recent,
        "activities": ACTIVITIES,
        "missing": MISSING_GUIDANCE,
        "not_covered": NOT_COVERED,
        "client_id": uuid.uuid4(),
        "plan_age_weeks": PLAN_AGE_WEEKS,
        "older_child": OLDER_CHILD,
        "bottle_choices": BOTTLE_CHOICES,
    }


# ---- The settling trend ----


def trend_context(member: Member, wanted_child: str, now: dt.datetime) -> dict[str, Any]:
    children, child = chosen_child(member, wanted_child)
    if child is None:
        return {"children": children, "child": None}
    trends = settling_report(child=child, now=now, viewer_id=member.pk)
    # The viewer's own reading first: it is the one they came for.
    trends.sort(key=lambda t: t.member_id != member.pk)
    rows = [
        {
            "name": t.name,
            "series": i,
            "weeks": [
                {
                    "monday": p.monday,
                    "sessions": p.sessions,
                    "with_response": p.with_response,
                    "calm_or_settled": p.calm_or_settled,
                    "share": _percent(p.share),
                    "median": None
                    if p.median_minutes_to_settle is None
                    else whole_minutes(p.median_minutes_to_settle),
                }
                for p in t.weeks
            ],
        }
        for i, t in enumerate(trends)
    ]
    return {
        "children": children,
        "child": child,
        "trends": trends,
        "rows": rows,
        "chart": both_widths(
            lambda frame: settling_chart_svg(
                trends,
                title_id="settling-chart-title",
                title="Line chart of each caregiver's share of calm or settled sessions per week; the table "
                "below has the same figures.",
                frame=frame,
            )
        )
        if trends
        else None,
        "me": member.pk,
    }


# ---- Crying ----


def crying_context(member: Member, wanted_child: str, now: dt.datetime) -> dict[str, Any]:
    children, child = chosen_child(member, wanted_child)
    if child is None:
        return {"children": children, "child": None}
    report = crying_report(child=child, now=now)
    helped = report.helped
    return {
        "children": children,
        "child": child,
        "report": report,
        "age": age_in_words(child.birth_date, report.today),
        "chart": both_widths(
            lambda frame: crying_chart_svg(
                report.rows,
                title_id="crying-chart-title",
                title="Bar chart of crying minutes per day, with the typical range for the baby's age behind "
                "the bars; the table below has the same figures.",
                frame=frame,
            )
        ),
        "rows": report.rows,
        "any_interpolated": any(r.norm and r.norm.interpolated for r in report.rows),
        "interpolated_text": INTERPOLATED,
        "keeps_falling": KEEPS_FALLING,
        "norm_source": WOLKE_2017,
        "untimed": sum(r.day.untimed for r in report.rows),
        "colic": [{"name": COLIC_NAMES[r.rule], "result": r} for r in (report.wessel, report.modified)],
        "rome": [
            {"name": ROME_NAMES[c.name], "status": c.status.value, "wording": c.wording}
            for c in report.rome.criteria
        ],
        "rome_check": report.rome,
        "rome_unknown": Status.UNKNOWN.value,
        "ask": ASK_A_PROFESSIONAL,
        "techniques": [
            {"label": SETTLE_TECHNIQUES.get(str(t.key), str(t.key)), "tally": t, "share": _percent(_share(t))}
            for t in helped.by_technique
        ],
        "caregivers": [
            {
                "name": report.names.get(int(t.key), "Someone who left"),
                "tally": t,
                "share": _percent(_share(t)),
                "techniques": [
                    {
                        "label": SETTLE_TECHNIQUES.get(str(x.key), str(x.key)),
                        "tally": x,
                        "share": _percent(_share(x)),
                    }
                    for x in helped.by_caregiver_and_technique.get(int(t.key), ())
                ],
            }
            for t in helped.by_caregiver
        ],
        "several_tried": helped.note,
        "normal_crying": NORMAL_CRYING,
        "normal_crying_source": BARR_NCSBS,
    }


def _share(tally: Any) -> Fraction | None:
    known = tally.settled + tally.not_settled
    return Fraction(tally.settled, known) if known else None


# ---- Red flags and the coping card: every member, helpers included ----


def red_flags_context(member: Member) -> dict[str, Any]:
    country = lines_for(member.household.country)
    flags = guidance.red_flags().for_country(member.household.country)
    labels = guidance.urgency_labels(member.household.country, country.emergency_numbers)
    groups = [{"key": key, "label": labels[key], "items": flags.at(key)} for key in flags.urgencies]
    return {
        "groups": groups,
        "country": country,
        "emergency_lines": country.emergency,
        "emergency": country.emergency_numbers,
        "where_from": guidance.WHERE_FROM.format(emergency=country.emergency_numbers),
    }


def coping_context(member: Member) -> dict[str, Any]:
    country = lines_for(member.household.country)
    card = guidance.coping_card()
    others = [m.display_name for m in members_of(household=member.household) if m.pk != member.pk]
    return {
        "now": card.at("now"),
        "always": card.at("always"),
        "danger": card.at("if_in_danger"),
        "labels": card.urgencies,
        "country": country,
        "emergency": country.emergency_numbers,
        "emergency_lines": country.emergency,
        "parenting_lines": [line for line in country.lines if line.kind in (Kind.PARENTING, Kind.DIRECTORY)],
        "others": others,
        "normal_crying": NORMAL_CRYING,
        "normal_crying_source": BARR_NCSBS,
    }


def plan_label(plan: BondingPlan) -> str:
    return f"{plan.member.display_name} with {plan.child.name}"
