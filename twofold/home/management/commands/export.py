"""`twofold export`: a household's whole care log as JSON, CSV or both."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TextIO, cast

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import DatabaseError

from twofold.care.export import export_filename, find_household, write_events_csv
from twofold.home.export import export_json
from twofold.households.models import Household

FORMATS = ("json", "csv", "both")
STDOUT = "-"
DATABASE_NOT_READY = "The database is not ready ({error}). Run `twofold migrate` first, then try again."
NO_SUCH_HOUSEHOLD = "No household has the id {id}. Check the number in the household's settings page."
BOTH_TO_STDOUT = 'Standard output takes one format: use --format json or --format csv with --output "-".'
NOT_A_DIRECTORY = (
    '--output {path} is not a directory. Give a directory that exists, or "-" for standard output.'
)
CANNOT_WRITE = "Could not write {path}: {reason}. Choose a directory you can write to with --output."


class Command(BaseCommand):
    help = "Export a household's care log (deleted events left out) as JSON and CSV."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--household", type=int, required=True, metavar="ID", help="The household's id.")
        parser.add_argument(
            "--format", choices=FORMATS, default="both", help="json, csv or both (the default)."
        )
        parser.add_argument(
            "--output",
            "-o",
            default=".",
            metavar="PATH",
            help='A directory to write the files into (default: here), or "-" for standard output.',
        )

    def handle(self, *args: Any, household: int, format: str, output: str, **options: Any) -> None:
        if format not in FORMATS:  # call_command skips argparse's choices check
            raise CommandError(f"--format must be json, csv or both, not {format}.")
        if output == STDOUT and format == "both":
            raise CommandError(BOTH_TO_STDOUT)
        if output != STDOUT and not Path(output).is_dir():
            raise CommandError(NOT_A_DIRECTORY.format(path=output))
        try:
            found = find_household(household)
            if found is None:
                raise CommandError(NO_SUCH_HOUSEHOLD.format(id=household))
            extensions = ("json", "csv") if format == "both" else (format,)
            for extension in extensions:
                if output == STDOUT:
                    # Django's OutputWrapper is a text stream but not a TextIO; writing is all _write does.
                    self._write(extension, found, cast(TextIO, self.stdout))
                else:
                    path = Path(output).resolve() / export_filename(found, extension)
                    try:
                        with path.open("w", encoding="utf-8", newline="") as out:
                            self._write(extension, found, out)
                    except OSError as error:
                        raise CommandError(CANNOT_WRITE.format(path=path, reason=error.strerror)) from None
                    self.stdout.write(f"Wrote {path}")
        except DatabaseError as error:
            raise CommandError(DATABASE_NOT_READY.format(error=error)) from None

    def _write(self, extension: str, household: Household, out: TextIO) -> None:
        if extension == "json":
            out.write(export_json(household))
        else:
            write_events_csv(household, out)
