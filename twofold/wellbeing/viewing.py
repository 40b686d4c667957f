"""A shared result shown to someone other than the parent who took it goes into both their Activity.

Noted wherever its score or band is shown to another parent: its result page, the wellbeing page's
"Shared with you" list, and the API's list and detail (which carry the same score and band). At most one
entry per viewer, screening and household-local day: the owner learns that, and on which days, the other
parent looked — repeated looking on different days stays visible — while a reload, a list followed by the
result page, or an app polling the API adds nothing they did not already know.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from django.utils import dateformat, timezone

from twofold.audit.models import Action
from twofold.audit.services import already_kept, record
from twofold.households.selectors import active_memberships
from twofold.wellbeing.instruments import get_instrument
from twofold.wellbeing.models import Screening


def viewed_key(*, screening_id: int, viewer_id: int, day: dt.date) -> str:
    return f"{Action.SCREENING_VIEWED}:{screening_id}:{viewer_id}:{day.isoformat()}"


def result_words(screening: Screening, zone: Any) -> str:
    """ "PHQ-9 result of 3 Dec": which result, by its questionnaire and the local day it was finished."""
    finished = screening.finished_at or screening.started_at
    day = dateformat.format(finished.astimezone(zone).date(), "j M")
    return f"{get_instrument(screening.instrument).short_name} result of {day}"


def note_shown(*, user: Any, screenings: Iterable[Screening], now: dt.datetime | None = None) -> None:
    """Note each result of another member that `user` was just shown; their own are not noted."""
    others = [s for s in screenings if s.finished_at is not None and s.member.user_id != user.pk]
    if not others:
        return
    now = now or timezone.now()
    viewers = {m.household_id: m for m in active_memberships(user_id=user.pk).select_related("household")}
    keyed = []
    for screening in others:
        viewer = viewers.get(screening.household_id)
        if viewer is None:  # Not a member there: they could not have been shown it.
            continue
        zone = viewer.household.zone
        key = viewed_key(screening_id=screening.pk, viewer_id=user.pk, day=now.astimezone(zone).date())
        keyed.append((key, screening, viewer))
    kept = already_kept(key for key, _, _ in keyed)
    for key, screening, viewer in keyed:
        if key in kept:
            continue
        owner = screening.member
        record(
            action=Action.SCREENING_VIEWED,
            actor=user,
            actor_name=viewer.display_name,
            concerns=[owner.user],
            household=viewer.household,
            detail=result_words(screening, viewer.household.zone),
            about=owner.user,
            about_name=owner.display_name,
            once=key,
        )
