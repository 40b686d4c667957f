"""`twofold backup` on SQLite while a parent keeps logging: every backup is whole and of one moment."""

from __future__ import annotations

import sqlite3
import tarfile
import threading
import time

from twofold.home.archive import MANIFEST

# Logs notes one after another ("tap 0", "tap 1", …), each in its own transaction, until told to stop.
KEEP_LOGGING = """
from pathlib import Path
from twofold.care.services import log_care_event
from twofold.households.models import Child, Member

alex = Member.objects.get(user__username="alex@demo.twofold")
child = Child.objects.get(household=alex.household)
started, stop = Path("started"), Path("stop")
taps = 0
while not stop.exists() or taps < 3:
    log_care_event(member=alex, child=child, kind="note", note=f"tap {taps}")
    taps += 1
    started.touch()
print(f"logged {taps}")
"""


def _taps_in(backup, tmp_path) -> list[int]:
    with tarfile.open(backup) as archive:
        assert MANIFEST in archive.getnames()
        archive.extract("database.sqlite3", path=tmp_path / backup.stem, filter="data")
    with sqlite3.connect(tmp_path / backup.stem / "database.sqlite3") as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        notes = db.execute("SELECT note FROM care_careevent WHERE note LIKE 'tap %'").fetchall()
    return sorted(int(note.removeprefix("tap ")) for (note,) in notes)


def test_backups_taken_while_a_parent_logs_are_each_one_consistent_moment(
    run_twofold, migrated_data_dir, tmp_path
):
    assert run_twofold("demo", "--weeks", "1").returncode == 0
    writer: list = []
    logging = threading.Thread(target=lambda: writer.append(run_twofold("shell", "-c", KEEP_LOGGING)))
    logging.start()
    try:
        while not (tmp_path / "started").exists() and logging.is_alive():
            time.sleep(0.05)  # waiting for the writer to begin, not timing anything
        backups = []
        for n in range(3):
            made = run_twofold("backup", str(tmp_path / f"backup-{n}.tar.gz"))
            assert made.returncode == 0, made.stderr
            backups.append(tmp_path / f"backup-{n}.tar.gz")
    finally:
        (tmp_path / "stop").touch()
        logging.join()

    (logged,) = writer
    assert logged.returncode == 0, logged.stderr  # the writer never met "database is locked"
    total = int(logged.stdout.strip().rsplit(" ", 1)[-1])
    seen = [_taps_in(backup, tmp_path) for backup in backups]
    for taps in seen:
        # Notes are logged one after another, so a snapshot of one moment holds exactly the first few.
        assert taps == list(range(len(taps)))
    counts = [len(taps) for taps in seen]
    assert counts == sorted(counts) and counts[0] >= 1 and counts[-1] <= total
