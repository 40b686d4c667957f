"""`twofold import FILE --household ID [--dry-run]`: preview an export from another tracker (or Twofold's
own), then import it as the household's first parent (or --member) would from the Import page."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from twofold.care.models import TemperatureMethod
from twofold.households.models import Household, Member
from twofold.imports.files import open_path
from twofold.imports.formats import detect
from twofold.imports.mapping import KEEP_NAME, Choices
from twofold.imports.rows import BadFile
from twofold.imports.services import preview_import, run_import
from twofold.imports.summary import lines

NO_SUCH_HOUSEHOLD = "No household has the id {id}. `twofold shell` can list them; the app shows it on Export."
NO_PARENT = "Household {id} has no parent with id {member}: --member must be one of its parents ({ids})."
BAD_ZONE = "--zone must be a time zone such as Europe/London or America/New_York, not “{zone}”."
BAD_PERSON = "--person must be written NAME=MEMBER_ID or NAME=keep, not “{text}”."
DATABASE_NOT_READY = "The database is not ready ({error}). Run `twofold migrate` first, then try again."


class Command(BaseCommand):
    help = "Preview, then import, an export from Baby Buddy, Huckleberry, Nara, Sprout Track or Twofold."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="The exported file (CSV, JSON or zip).")
        parser.add_argument("--household", type=int, required=True, metavar="ID")
        parser.add_argument(
            "--member", type=int, metavar="ID", help="The parent importing (default: the first)."
        )
        parser.add_argument("--dry-run", action="store_true", help="Show the preview and write nothing.")
        parser.add_argument("--zone", help="The zone the file's times are in, when it does not say.")
        parser.add_argument("--imperial", action="store_true", help="Baby Buddy amounts are fl oz and lb.")
        parser.add_argument(
            "--temperature-method",
            choices=TemperatureMethod.values,
            default="",
            help="How the file's temperatures were taken, when it does not say (default: kept unsaid).",
        )
        parser.add_argument(
            "--person", action="append", default=[], metavar="NAME=ID", help="Who a name in the file is."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            member = _member(options["household"], options["member"])
            choices = Choices(
                zone=_zone(options["zone"], member.household),
                people=_people(options["person"]),
                imperial=options["imperial"],
                temperature_method=options["temperature_method"],
            )
            bundle = open_path(options["file"])
            fmt = detect(bundle)
            if options["dry_run"]:
                preview = preview_import(member=member, bundle=bundle, fmt=fmt, choices=choices)
            else:
                preview = run_import(member=member, bundle=bundle, fmt=fmt, choices=choices).preview
        except BadFile as error:
            raise CommandError(_nothing_imported(str(error))) from None
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        except DatabaseError as error:
            raise CommandError(DATABASE_NOT_READY.format(error=error)) from None
        for line in lines(preview, member.household):
            self.stdout.write(line)
        if options["dry_run"]:
            self.stdout.write("Dry run: nothing was written. Run again without --dry-run to import.")
        else:
            self.stdout.write(
                f"Imported {preview.to_create} event(s). Undo it from the Import page within 7 days."
            )


def _nothing_imported(message: str) -> str:
    return message if "Nothing was imported" in message else f"{message} Nothing was imported."


def _member(household_id: int, member_id: int | None) -> Member:
    household = Household.objects.filter(pk=household_id).first()
    if household is None:
        raise CommandError(NO_SUCH_HOUSEHOLD.format(id=household_id))
    parents = list(Member.objects.current().parents().filter(household=household).order_by("id"))
    chosen = [p for p in parents if member_id is None or p.pk == member_id]
    if not chosen:
        ids = ", ".join(str(p.pk) for p in parents) or "none"
        raise CommandError(NO_PARENT.format(id=household_id, member=member_id, ids=ids))
    return chosen[0]


def _zone(name: str | None, household: Household) -> ZoneInfo:
    if not name:
        return household.zone
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise CommandError(BAD_ZONE.format(zone=name)) from None


def _people(pairs: list[str]) -> dict[str, str]:
    people = {}
    for text in pairs:
        name, sep, who = text.partition("=")
        if not sep or not (who.isdigit() or who == KEEP_NAME):
            raise CommandError(BAD_PERSON.format(text=text))
        people[name] = who
    return people
