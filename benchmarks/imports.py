"""Importing a Baby Buddy export: a quarter and a year of twins' care (about 29,000 rows for the year).

Usage: `.venv/bin/python benchmarks/imports.py [--rounds 3]`. For each size it generates Baby Buddy's admin
export (one CSV per model, zipped), then times, in a fresh household each time: reading the file alone
(the baseline), the preview, and the import. Peak memory is measured in a separate run under tracemalloc
(which slows the code it watches). Target: the year imports in under 10 s, and the peak memory of the year is
about that of the quarter: the file is read as a stream, a chunk at a time.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import statistics
import sys
import tempfile
import time
import tracemalloc
import zipfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
CHILD = ["id", "child_id", "child_first_name", "child_last_name"]
HEADERS = {
    "Feeding": [*CHILD, "start", "end", "type", "method", "amount", "notes", "tags"],
    "DiaperChange": [*CHILD, "time", "wet", "solid", "color", "amount", "notes", "tags"],
    "Sleep": [*CHILD, "start", "end", "nap", "notes", "tags"],
    "TummyTime": [*CHILD, "start", "end", "milestone", "tags"],
    "Pumping": [*CHILD, "start", "end", "amount", "notes", "tags"],
    "Medication": [*CHILD, "name", "dosage", "dosage_unit", "time", "next_dose_interval", "notes", "tags"],
}
TWINS = ((1, "Ada"), (2, "Bo"))


def _stamp(moment: dt.datetime) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S")


def _rows(days: int, first: dt.date) -> dict[str, list[list[str]]]:
    """Each twin's day: 14 feeds, 12 nappies, 6 sleeps, 2 tummy times, vitamin D; 4 pumpings: 78 rows."""
    rows: dict[str, list[list[str]]] = {name: [] for name in HEADERS}
    ids = dict.fromkeys(HEADERS, 0)

    def add(model: str, child: tuple[int, str], *cells: str) -> None:
        ids[model] += 1
        rows[model].append([str(ids[model]), str(child[0]), child[1], "Twin", *cells])

    for day in range(days):
        midnight = dt.datetime.combine(first + dt.timedelta(days=day), dt.time(0, 3))
        for number, child in enumerate(TWINS):
            offset = dt.timedelta(minutes=7 * number)
            for feed in range(14):
                start = midnight + offset + dt.timedelta(minutes=100 * feed)
                method = ("left breast", "right breast", "both breasts", "bottle")[feed % 4]
                amount = "90.0" if method == "bottle" else ""
                add(
                    "Feeding",
                    child,
                    _stamp(start),
                    _stamp(start + dt.timedelta(minutes=20)),
                    "breast milk",
                    method,
                    amount,
                    "",
                    "",
                )
            for change in range(12):
                moment = midnight + offset + dt.timedelta(minutes=118 * change + 30)
                add(
                    "DiaperChange",
                    child,
                    _stamp(moment),
                    "1",
                    "1" if change % 3 == 0 else "0",
                    "yellow",
                    "",
                    "",
                    "",
                )
            for sleep in range(6):
                start = midnight + offset + dt.timedelta(minutes=240 * sleep + 40)
                add("Sleep", child, _stamp(start), _stamp(start + dt.timedelta(minutes=75)), "1", "", "")
            for play in range(2):
                start = midnight + offset + dt.timedelta(hours=10 + 5 * play)
                add("TummyTime", child, _stamp(start), _stamp(start + dt.timedelta(minutes=10)), "", "")
            dose = _stamp(midnight + offset + dt.timedelta(hours=9))
            add("Medication", child, "Vitamin D", "1.0", "drops", dose, "1 day, 0:00:00", "", "")
        for pump in range(4):
            start = midnight + dt.timedelta(hours=2 + 6 * pump, minutes=50)
            for child in TWINS:
                add("Pumping", child, _stamp(start), _stamp(start + dt.timedelta(minutes=20)), "60.0", "", "")
    return rows


def write_export(days: int, first: dt.date, folder: Path) -> tuple[Path, int]:
    path = folder / f"babybuddy-{days}-days.zip"
    count = 0
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for model, rows in _rows(days, first).items():
            out = io.StringIO()
            writer = csv.writer(out, lineterminator="\r\n")
            writer.writerow(HEADERS[model])
            writer.writerows(reversed(rows))  # newest first, as Baby Buddy writes them
            archive.writestr(f"{model}-2026-12-01.csv", out.getvalue())
            count += len(rows)
    return path, count


def _setup() -> None:
    """Settings as benchmarks/run.py has them, on a fresh data directory, with an empty database."""
    import os

    os.environ.setdefault("TWOFOLD_DATA_DIR", tempfile.mkdtemp(prefix="twofold-bench-"))
    os.environ.setdefault("TWOFOLD_SECRET_KEY", "benchmark-only-secret-key")
    os.environ.setdefault("TWOFOLD_ENCRYPTION_KEYS", "YmVuY2htYXJrLW9ubHktdHdvZm9sZC1zZWFsaW5nLWs=")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twofold.settings")
    import django

    django.setup()
    from django.core.management import call_command

    if "DATABASE_URL" in os.environ:
        call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)


class Measure:
    """One export's read, preview and import, each in a fresh household."""

    def __init__(self, path: Path, count: int, born: dt.date) -> None:
        self.path, self.count, self.born = path, count, born
        self.households = 0

    def member(self) -> Any:
        from django.contrib.auth import get_user_model

        from twofold.households.services import add_child, create_household

        self.households += 1
        username = f"bench{self.households}-{self.path.stem}@example.com"
        user = get_user_model().objects.create_user(username=username, password="x" * 20)
        member = create_household(user=user, name="Bench", display_name="Sam", time_zone="Europe/London")
        for _, name in TWINS:
            add_child(member=member, name=name, birth_date=self.born, feeding_method="mixed")
        return member

    def reading(self, member: object) -> None:
        from twofold.imports.files import open_path
        from twofold.imports.formats import detect, read

        bundle = open_path(self.path)
        for _ in read(bundle, detect(bundle).key):
            pass

    def previewing(self, member) -> None:  # type: ignore[no-untyped-def]
        from twofold.imports.files import open_path
        from twofold.imports.formats import detect
        from twofold.imports.mapping import Choices
        from twofold.imports.services import preview_import

        bundle = open_path(self.path)
        choices = Choices(zone=member.household.zone)
        preview_import(member=member, bundle=bundle, fmt=detect(bundle), choices=choices)

    def importing(self, member) -> None:  # type: ignore[no-untyped-def]
        from twofold.imports.files import open_path
        from twofold.imports.formats import detect
        from twofold.imports.mapping import Choices
        from twofold.imports.services import run_import

        bundle = open_path(self.path)
        choices = Choices(zone=member.household.zone)
        done = run_import(member=member, bundle=bundle, fmt=detect(bundle), choices=choices)
        # A few generated times fall in the hour the clocks skip in spring: those rows are told and skipped.
        if (
            done.preview.to_create + done.preview.skipped_count != self.count
            or done.preview.to_create < self.count * 0.99
        ):
            raise SystemExit(f"Imported {done.preview.to_create} of {self.count}: {done.preview.reasons}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    _setup()
    today = dt.date.today()
    folder = Path(tempfile.mkdtemp(prefix="twofold-imports-bench-"))
    columns = "  ".join(f"{name:>13}" for name in ("read s", "preview s", "import s"))
    print(f"{'size':9} {'rows':>7}  {columns}  {'import/read':>11}  peak MB")
    print(f"{'':17}  {'wall / cpu':>13}  {'wall / cpu':>13}  {'wall / cpu':>13}  {'(cpu)':>11}")
    for days in (91, 365):
        path, count = write_export(days, today - dt.timedelta(days=days + 1), folder)
        measure = Measure(path, count, today - dt.timedelta(days=days + 2))
        read = _median(measure.member, measure.reading, args.rounds)
        preview = _median(measure.member, measure.previewing, args.rounds)
        imported = _median(measure.member, measure.importing, args.rounds)
        member = measure.member()
        tracemalloc.start()
        measure.importing(member)
        peak = tracemalloc.get_traced_memory()[1] / (1024 * 1024)
        tracemalloc.stop()
        cells = "  ".join(f"{wall:6.2f} / {cpu:4.2f}" for wall, cpu in (read, preview, imported))
        print(f"{days:4} days {count:7}  {cells}  {imported[1] / read[1]:10.1f}x  {peak:7.1f}")
    print(f"rounds: {args.rounds} (medians); peak memory: one more import of each under tracemalloc")


def _median(setup: Callable[[], Any], action: Callable[[Any], None], rounds: int) -> tuple[float, float]:
    """Median wall-clock and CPU seconds of `action` on a fresh household from `setup` (not timed): the
    machine is shared, so the CPU time says what the code itself costs."""
    walls, cpus = [], []
    for _ in range(rounds):
        member = setup()
        started, cpu = time.perf_counter(), time.process_time()
        action(member)
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


if __name__ == "__main__":
    main()
