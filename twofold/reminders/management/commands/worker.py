"""`twofold worker`: once a minute, find what is worth a reminder; send what is queued, until stopped."""

from __future__ import annotations

import logging
import signal
import time
from types import FrameType
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone
from django_tasks_db.management.commands.db_worker import Worker

from twofold.reminders.sending import worker_name
from twofold.reminders.tasks import tick

logger = logging.getLogger("twofold.reminders")


class Command(BaseCommand):
    help = "Run the reminders worker: a pass every minute and the task queue (stop with Ctrl-C or SIGTERM)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--once", action="store_true", help="Make one pass, send what is queued, and exit."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        self.stopping = False
        before = signal.signal(signal.SIGTERM, self._stop), signal.signal(signal.SIGINT, self._stop)
        try:
            self._loop(once=options["once"])
        finally:
            signal.signal(signal.SIGTERM, before[0])
            signal.signal(signal.SIGINT, before[1])

    def _loop(self, *, once: bool) -> None:
        self.stdout.write(f"Reminders worker {worker_name()} started; stop with Ctrl-C.")
        last_minute = None
        while not self.stopping:
            now = timezone.now()
            minute = now.replace(second=0, microsecond=0)
            if minute != last_minute:
                self._tick(now)
                last_minute = minute
            self._run_queue()
            if once:
                return
            self._sleep_until_next_minute()
        self.stdout.write("Reminders worker stopped.")

    def _stop(self, signum: int, frame: FrameType | None) -> None:
        self.stopping = True

    def _tick(self, now: Any) -> None:
        try:
            tick(now)
        except Exception:
            # A pass that fails (the database away for a moment) is logged; the next minute tries again.
            logger.exception("The reminders pass at %s failed", now.isoformat())

    def _run_queue(self) -> None:
        Worker(
            queue_names=["default"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id=worker_name(),
            excluded_queue_names=[],
        ).run()

    def _sleep_until_next_minute(self) -> None:
        # Short naps, so Ctrl-C stops the worker within a second and queued sends go out promptly.
        for _ in range(60 - timezone.now().second):
            if self.stopping:
                return
            time.sleep(1)
            if self._queued():
                return

    def _queued(self) -> bool:
        from django_tasks_db.models import DBTaskResult

        return DBTaskResult.objects.ready().exists()
