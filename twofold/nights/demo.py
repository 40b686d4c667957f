"""What the nights app adds to the demo household (home/demo.py calls it after the log is stored).

Preferences for Alex, Sam and Pat, and the planner's plans for last night and tonight, so the morning
view and Today have something to show. Sam works weekday mornings, so on a weekday Sam takes the first
half of the night; the demo baby is mixed-fed, so the plans are for bottles.
"""

from __future__ import annotations

import datetime as dt

from twofold.households.demo import DemoFamily
from twofold.nights.ask import Preference
from twofold.nights.selectors import last_night, tonight
from twofold.nights.services import make_plan, save_preference


def add_to_demo(family: DemoFamily) -> None:
    members, now = family.members, family.now
    alex, sam, pat = members["alex"], members["sam"], members["pat"]
    save_preference(member=alex, about=alex, preference=Preference(night_until=dt.time(6, 30)))
    save_preference(
        member=alex, about=sam, preference=Preference(night_from=dt.time(22, 30), work_mornings="01234")
    )
    save_preference(
        member=alex,
        about=pat,
        preference=Preference(night_until=dt.time(2, 0), work_mornings="", available_for_nights=True),
    )
    household = alex.household
    yesterday = last_night(household, now)
    # Planned the evening before, as the family would have.
    evening = dt.datetime.combine(yesterday, dt.time(12, 0), tzinfo=household.zone)
    make_plan(member=alex, day=yesterday, now=evening.astimezone(dt.UTC))
    make_plan(member=alex, day=tonight(household, now), now=now)
