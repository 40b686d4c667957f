"""`twofold intake --text-file F [--country GB]`: read a text as the intake page does and print the reading
as JSON. Nothing is stored and nothing leaves this machine."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from twofold.households.crisis import lines_for
from twofold.intake.document import reading_document
from twofold.intake.reader import MAX_CHARACTERS, read


class Command(BaseCommand):
    help = "Read a parent's words and print what Twofold heard, safety first, as JSON."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--text-file", required=True, help="A UTF-8 text file, or - for standard input.")
        parser.add_argument("--country", default="GB", help="Two-letter country for the help lines (GB).")

    def handle(self, *args: Any, **options: Any) -> None:
        text = _text(options["text_file"])
        country = options["country"].strip().upper()
        if lines_for(country).is_fallback:
            self.stderr.write(f"No help lines on record for {country!r}: showing the general ones.")
        if not text.strip():
            raise CommandError("The file is empty: write a few words about how it is going.")
        if len(text) > MAX_CHARACTERS:
            raise CommandError(f"The text is longer than {MAX_CHARACTERS:,} characters; shorten it.")
        self.stdout.write(
            json.dumps(reading_document(read(text), country=country), ensure_ascii=False, indent=2)
        )


def _text(name: str) -> str:
    import sys

    if name == "-":
        return sys.stdin.read()
    path = Path(name)
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CommandError(f"No file at {name}. Give the path of a text file.") from None
    except UnicodeDecodeError:
        raise CommandError(f"{name} is not UTF-8 text.") from None
    except OSError as error:
        raise CommandError(f"Cannot read {name}: {error.strerror}.") from None
