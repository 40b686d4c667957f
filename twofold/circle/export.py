"""What the circle adds to the household's export: every request with who took it and what became of it,
and the standing offers."""

from __future__ import annotations

from typing import Any

from twofold.circle.models import HelpRequest, StandingOffer
from twofold.households.models import Household


def _when(value: Any) -> str | None:
    return value.isoformat() if value else None


def export_section(household: Household) -> Any:
    requests = (
        HelpRequest.objects.filter(household=household)
        .prefetch_related("takings", "shown_to")
        .order_by("starts", "id")
    )
    offers = StandingOffer.objects.filter(household=household).order_by("created_at", "id")
    return {
        "requests": [
            {
                "id": r.pk,
                "kind": r.kind,
                "starts": r.starts.isoformat(),
                "ends": r.ends.isoformat(),
                "night": _when(r.night),
                "place": r.place,
                "note": r.note,
                "helpers_needed": r.helpers_needed,
                "for_everyone": r.for_everyone,
                "shown_to": sorted(m.pk for m in r.shown_to.all()),
                "asked_by": r.asked_by_id,
                "asked_at": r.asked_at.isoformat(),
                "withdrawn_at": _when(r.withdrawn_at),
                "takings": [
                    {
                        "member": t.member_id,
                        "taken_at": t.taken_at.isoformat(),
                        "given_back_at": _when(t.dropped_at),
                        "outcome": t.outcome or None,
                        "marked_by": t.marked_by_id,
                        "marked_at": _when(t.marked_at),
                    }
                    for t in r.takings.all()
                ],
            }
            for r in requests
        ],
        "offers": [
            {
                "member": o.member_id,
                "kind": o.kind,
                "words": o.words,
                "weekdays": [int(d) for d in o.weekdays],
            }
            for o in offers
        ],
    }
