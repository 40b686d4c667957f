"""What the circle puts on a member's Today, in a fixed number of queries (six) whatever the number of
requests. Today shows a helper the requests asked of them (marked when they fit a standing offer), what
they promised that starts within a day and a half, and what is over and waits to be marked; parents see
requests given back and what waits to be marked. The same occasions also go out as reminders
(reminders/circle.py) to whoever chose them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from twofold.circle import page, rules, selectors
from twofold.households.models import Member

# Twofold's own choices: Today looks back two days for something over and not yet marked, and shows the
# next few requests asked of a helper (the rest are on the circle page).
LOOK_BACK = dt.timedelta(days=2)
SHOWN_OPEN = 5


def today_context(*, member: Member, now: dt.datetime) -> dict[str, Any]:
    rows = selectors.rows_for(member, now, since=now - LOOK_BACK)
    if not rows:
        return {}
    names = selectors.names_of(member.household_id)
    offers = (
        list(selectors.offers_of(member.household_id, member))
        if not member.is_parent or member.lives_apart
        else []
    )
    lines = page.shown(rows, names, member.household.zone, now, offers)
    live = [s for s in lines if s.row.state != rules.RequestState.WITHDRAWN]
    mine = [s for s in live if s.row.mine and s.row.mine.dropped_at is None]
    open_ = [s for s in live if s.row.take_problem is None]
    context: dict[str, Any] = {
        "parent": member.is_parent,
        "open": open_[:SHOWN_OPEN],
        "more_open": len(open_[SHOWN_OPEN:]),
        "soon": [s for s in mine if s.soon],
        "to_mark": [
            s
            for s in live
            if s.row.state == rules.RequestState.UNMARKED
            and (member.is_parent or (s.row.mine and s.row.mine.dropped_at is None))
        ],
    }
    if member.is_parent:
        context["given_back"] = [
            (s, names.get(t.member_id, "Someone who left"))
            for s in live
            if s.row.state == rules.RequestState.OPEN
            for t in s.row.dropped
        ]
        context["waiting"] = [s for s in live if s.row.state == rules.RequestState.OPEN]
    return context if any(context[k] for k in context if k not in ("parent", "more_open")) else {}
