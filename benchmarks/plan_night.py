"""Time to plan a week and tonight from 14 nights of log, as ratios against learning alone in the same run.

Usage: `.venv/bin/python benchmarks/plan_night.py [--weeks 8] [--rounds 30]`. Builds the demo (as
benchmarks/run.py does), then times, round-robin so drift hits each alike:
- baseline: reading the household and its last 14 nights and learning the pattern (every plan does this);
- the planner alone on those learned inputs (no database): a week as the demo household plans it, a week
  of breastfed nights, and the heaviest search, a week of helper's nights (three people to share each);
- planning tonight and planning a week (read + learn + planner), not saved;
- planning and saving a week, as the "Plan the week" button does;
- the nights page and Today through Django's request handler (Today shows tonight's shifts).
"""

from __future__ import annotations

import argparse
import datetime as dt
import statistics
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.run import _setup, round_robin  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--weeks", type=int, default=8)
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    _setup(args.weeks)

    from dataclasses import replace

    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    from twofold.households.models import Member
    from twofold.nights import planner, services
    from twofold.nights.plans import Feeding, PlanRequest
    from twofold.nights.selectors import inputs_for, night_for, tonight

    alex = Member.objects.get(user__username="alex@demo.twofold")
    household = alex.household
    assert alex.user is not None
    client = Client()
    client.force_login(alex.user)
    now = timezone.now()
    day = tonight(household, now)
    options = services.Options()
    learned = inputs_for(household=household, now=now)
    week = [night_for(household, day + dt.timedelta(days=i)) for i in range(7)]
    demo_request = services.request_from(learned, week[0], options, now)
    breastfed = replace(demo_request, feeding=Feeding.BREAST)
    if breastfed.feeder is None:
        first = replace(breastfed.parents[0], can_feed=True)
        people = tuple(first if p.member_id == first.member_id else p for p in breastfed.people)
        breastfed = replace(breastfed, people=people)
    helpers = [p for p in demo_request.people if not p.is_parent]
    print(f"people in the demo's request: {len(demo_request.people)} ({len(helpers)} helper)")

    def planned(request: PlanRequest, helper_nights: Sequence[dt.date] = ()) -> Callable[[], object]:
        return lambda: planner.plan_week(request, learned.pattern, week, helper_nights=helper_nights)

    print(f"learned from {learned.pattern.nights} nights: {learned.pattern.per_night:.1f} wakings a night")

    def page(url: str) -> Callable[[], object]:
        def get() -> object:
            response = client.get(url)
            if response.status_code >= 400:
                raise SystemExit(f"{url} answered {response.status_code}")
            return response

        return get

    actions: dict[str, Callable[[], object]] = {
        "baseline: read + learn 14 nights": lambda: inputs_for(household=household, now=now),
        "planner alone: a demo week": planned(demo_request),
        "planner alone: a breastfed week": planned(breastfed),
        "planner alone: 7 helper's nights": planned(demo_request, helper_nights=[n.of for n in week]),
        "plan tonight (not saved)": lambda: services.preview(
            household=household, day=day, options=options, now=now
        ),
        "plan a week (not saved)": lambda: services.preview_week(
            household=household, first=day, options=options, helper_nights=(), now=now
        ),
        "plan and save a week": lambda: services.make_week(
            member=alex, first=day, now=now, replace_edits=True
        ),
        "nights page": page(reverse("nights:home")),
        "Today (with tonight's shifts)": page(reverse("home:today")),
        "account page (trivial page)": page(reverse("accounts:account")),
    }
    for action in actions.values():
        action()
    samples = round_robin(actions, args.rounds)

    base = statistics.median(samples["baseline: read + learn 14 nights"])
    page_base = statistics.median(samples["account page (trivial page)"])
    print(f"{'what':34} {'median ms':>10} {'vs learn':>9} {'vs page':>8}")
    for name, times in samples.items():
        median = statistics.median(times)
        print(f"{name:34} {median * 1000:10.2f} {median / base:8.2f}x {median / page_base:7.2f}x")
    print(f"rounds: {args.rounds}; weeks of demo log: {args.weeks}")


if __name__ == "__main__":
    main()
