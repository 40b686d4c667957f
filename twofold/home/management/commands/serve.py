"""`twofold serve`: the production server (gunicorn), bound and sized by the settings."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from twofold.home.server import serve

AT_LEAST_ONE = "--{name} must be at least 1 (got {value})."


class Command(BaseCommand):
    help = "Serve Twofold with gunicorn (TWOFOLD_SERVE_BIND, TWOFOLD_SERVE_WORKERS, TWOFOLD_SERVE_THREADS)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--bind", default=settings.TWOFOLD_SERVE_BIND, help="host:port to listen on.")
        parser.add_argument("--workers", type=int, default=settings.TWOFOLD_SERVE_WORKERS)
        parser.add_argument("--threads", type=int, default=settings.TWOFOLD_SERVE_THREADS)

    def handle(self, *args: Any, **options: Any) -> None:
        for name in ("workers", "threads"):
            if options[name] < 1:
                raise CommandError(AT_LEAST_ONE.format(name=name, value=options[name]))
        serve(bind=options["bind"], workers=options["workers"], threads=options["threads"])
