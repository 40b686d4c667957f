"""What the circle adds to the demo household (home/demo.py calls it after the nights): Grandma Pat, who
offers two nights a week and over the last weeks gave one of each two, and a friend, Jo, who brings meals.
The coming night is asked of the circle and Pat has taken it, so its plan has Pat on duty."""

from __future__ import annotations

import datetime as dt

from twofold.circle import services
from twofold.circle.models import HelpRequest, Kind
from twofold.households.demo import DemoFamily
from twofold.households.models import Member
from twofold.nights.selectors import night_ahead, night_for, tonight


def _asked_and_done(
    family: DemoFamily, kind: str, starts: dt.datetime, ends: dt.datetime, helper: Member, outcome: str
) -> HelpRequest:
    alex = family.members["alex"]
    asked = starts - dt.timedelta(days=2)
    request = services.ask(member=alex, kind=kind, starts=starts, ends=ends, now=asked)
    services.take(member=helper, request=request, now=asked + dt.timedelta(hours=3))
    if outcome:
        services.mark(
            member=alex, request=request, taker=helper, outcome=outcome, now=ends + dt.timedelta(hours=2)
        )
    return request


def add_to_demo(family: DemoFamily) -> None:
    household, now = family.household, family.now
    alex, pat = family.members["alex"], family.members["pat"]
    jo = family.members["jo"]
    services.add_offer(member=pat, kind=Kind.NIGHT, words="Two nights a week")
    services.add_offer(member=jo, kind=Kind.MEAL, words="A meal on Thursdays", weekdays="3")
    first = tonight(household, now)
    # The last two weeks: Pat took two nights in each and gave one of them; Jo brought a meal each week.
    for days_back, outcome in ((13, "given"), (11, "not_given"), (6, "given"), (4, "not_given")):
        day = first - dt.timedelta(days=days_back)
        if family.born.date() < day:
            night = night_for(household, day)
            _asked_and_done(family, Kind.NIGHT, night.start, night.end, pat, outcome)
    for days_back in (12, 5):
        day = first - dt.timedelta(days=days_back)
        if family.born.date() < day:
            supper = dt.datetime.combine(day, dt.time(18), tzinfo=household.zone).astimezone(dt.UTC)
            _asked_and_done(family, Kind.MEAL, supper, supper + dt.timedelta(hours=1), jo, "given")
    # The coming night (this evening's, even when the demo is made in the small hours), asked this morning
    # and taken by Pat; a walk the afternoon after it still open.
    ahead = night_ahead(household, now)
    night = night_for(household, ahead)
    request = services.ask(member=alex, kind=Kind.NIGHT, starts=night.start, ends=night.end, now=now)
    services.take(member=pat, request=request, now=now)
    walk = dt.datetime.combine(ahead + dt.timedelta(days=1), dt.time(14), tzinfo=household.zone)
    services.ask(
        member=alex,
        kind=Kind.WALK,
        starts=walk.astimezone(dt.UTC),
        ends=(walk + dt.timedelta(hours=1)).astimezone(dt.UTC),
        note="A walk with the pram so I can nap after a long night.",
        now=now,
    )
