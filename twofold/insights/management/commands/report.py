"""`twofold report`: a household's weekly summary (the Us page in words) as text or JSON."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError
from django.utils import timezone

from twofold.households.models import Household
from twofold.insights.selectors import week_report_for
from twofold.insights.serialize import report_document, report_text, requested_week

FORMATS = ("text", "json")
DATABASE_NOT_READY = "The database is not ready ({error}). Run `twofold migrate` first, then try again."
NO_SUCH_HOUSEHOLD = "No household has the id {id}. {known}"
KNOWN_HOUSEHOLDS = "Households here have ids such as {ids}: type one of them after --household."
NO_HOUSEHOLDS = "There are no households yet: make one in the app (or try `twofold demo`) first."
BAD_FORMAT = "--format must be text or json, not {format}."


class Command(BaseCommand):
    help = "Print a household's weekly summary: who handled the night wakings, sleep, and shares of care."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--household", type=int, required=True, metavar="ID", help="The household's id.")
        parser.add_argument(
            "--week",
            metavar="YYYY-Www",
            help="The ISO week, such as 2026-W47 (default: this week, in the household's time zone).",
        )
        parser.add_argument("--format", choices=FORMATS, default="text", help="text (the default) or json.")

    def handle(self, *args: Any, household: int, week: str | None, format: str, **options: Any) -> None:
        if format not in FORMATS:  # call_command skips argparse's choices check
            raise CommandError(BAD_FORMAT.format(format=format))
        try:
            found = Household.objects.filter(pk=household).first()
            if found is None:
                raise CommandError(NO_SUCH_HOUSEHOLD.format(id=household, known=_known_households()))
            now = timezone.now()
            try:
                monday = requested_week(week, today=now.astimezone(found.zone).date())
            except ValueError as error:
                raise CommandError(f"--week: {error}") from None
            report = week_report_for(household=found, monday=monday, now=now)
        except DatabaseError as error:
            raise CommandError(DATABASE_NOT_READY.format(error=error)) from None
        if format == "json":
            self.stdout.write(json.dumps(report_document(report, found), indent=2, ensure_ascii=False))
        else:
            self.stdout.write(report_text(report, found), ending="")


def _known_households() -> str:
    ids = [str(pk) for pk in Household.objects.order_by("pk").values_list("pk", flat=True)[:20]]
    return KNOWN_HOUSEHOLDS.format(ids=", ".join(ids)) if ids else NO_HOUSEHOLDS
