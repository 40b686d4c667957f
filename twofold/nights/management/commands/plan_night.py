"""`twofold plan-night`: the planner's plan for tonight (or a date, or a week) with its explanation.

Prints without saving; `--save` keeps the plan(s) as the household's first parent made them, and leaves
nights changed by hand as they are.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError
from django.utils import timezone

from twofold.households.models import Household, Member
from twofold.nights import services
from twofold.nights.explain import about, duration
from twofold.nights.plans import Plan
from twofold.nights.selectors import member_names, tonight

DATABASE_NOT_READY = "The database is not ready ({error}). Run `twofold migrate` first, then try again."
NO_SUCH_HOUSEHOLD = "No household has the id {id}. {known}"
KNOWN_HOUSEHOLDS = "Households here have ids such as {ids}: type one of them after --household."
NO_HOUSEHOLDS = "There are no households yet: make one in the app (or try `twofold demo`) first."
BAD_DATE = "--date must be a date written like 2026-11-23, not “{date}”."
NO_PARENT = "This household has no parent to make the plan in the name of."


class Command(BaseCommand):
    help = "Print the night planner's plan for tonight, a given night, or a week, with why it looks so."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--household", type=int, required=True, metavar="ID", help="The household's id.")
        parser.add_argument(
            "--date", metavar="YYYY-MM-DD", help="The night that starts on this evening (default: tonight)."
        )
        parser.add_argument("--week", action="store_true", help="Plan seven nights from --date.")
        parser.add_argument("--save", action="store_true", help="Keep the plan(s), as the app would.")

    def handle(
        self, *args: Any, household: int, date: str | None, week: bool, save: bool, **options: Any
    ) -> None:
        try:
            found = Household.objects.filter(pk=household).first()
            if found is None:
                raise CommandError(NO_SUCH_HOUSEHOLD.format(id=household, known=_known_households()))
            now = timezone.now()
            day = _day(date) if date else tonight(found, now)
            try:
                plans = self._plans(found, day, week=week, save=save, now=now)
            except ValidationError as error:
                raise CommandError(" ".join(_messages(error))) from None
            names = member_names(found)
        except DatabaseError as error:
            raise CommandError(DATABASE_NOT_READY.format(error=error)) from None
        for plan in plans:
            self.stdout.write(plan_text(plan, names, found))
        if save:
            self.stdout.write(f"Kept {len(plans)} plan(s).")

    def _plans(
        self, household: Household, day: dt.date, *, week: bool, save: bool, now: dt.datetime
    ) -> list[Plan]:
        first_parent = Member.objects.current().parents().filter(household=household).first()
        if first_parent is None:
            raise CommandError(NO_PARENT)
        if save:
            # The same checks as the app (a night already over, too far ahead, edits kept).
            if week:
                services.make_week(member=first_parent, first=day, now=now)
            else:
                services.make_plan(member=first_parent, day=day, now=now)
        options = services.Options()
        if week:
            return list(
                services.preview_week(
                    household=household, first=day, options=options, helper_nights=(), now=now
                )
            )
        return [services.preview(household=household, day=day, options=options, now=now)]


def plan_text(plan: Plan, names: dict[int, str], household: Household) -> str:
    zone = household.zone
    head = f"Night of {plan.night.of:%A} {plan.night.of.day} {plan.night.of:%B %Y}"
    lines = [head, "=" * len(head)]
    if plan.feasible:
        for shift in plan.shifts:
            lines.append(
                f"  {names.get(shift.member_id, '?')}: {shift.start.astimezone(zone):%H:%M}–"
                f"{shift.end.astimezone(zone):%H:%M} ({about(shift.expected_wakings, 'waking')})"
            )
        for block in plan.protected:
            lines.append(f"  {names.get(block.member_id, '?')} protected: {duration(block.length)}")
    else:
        lines.append("  No plan fits everyone's times.")
    if plan.unmet:
        lines.append("Cannot be met:")
        lines += [f"  - {reason}" for reason in plan.unmet]
    lines.append("Why:")
    lines += [f"  {line}" for line in plan.explanation]
    return "\n".join(lines) + "\n"


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CommandError(BAD_DATE.format(date=text)) from None


def _messages(error: ValidationError) -> list[str]:
    if hasattr(error, "error_dict"):
        return [str(m) for messages in error.message_dict.values() for m in messages]
    return [str(m) for m in error.messages]


def _known_households() -> str:
    ids = [str(pk) for pk in Household.objects.order_by("pk").values_list("pk", flat=True)[:20]]
    return KNOWN_HOUSEHOLDS.format(ids=", ".join(ids)) if ids else NO_HOUSEHOLDS
