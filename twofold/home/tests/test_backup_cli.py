"""`twofold backup` and `twofold restore` refuse what they cannot do well, with a message and no traceback."""

from __future__ import annotations

import dataclasses
import io
import json
import shutil
import sqlite3
import tarfile
from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from twofold.conftest import twofold_in
from twofold.home.archive import (
    NOT_A_BACKUP,
    BackupError,
    Manifest,
    fingerprint,
    missing_keys,
    read_archive,
    target_path,
    unknown_migrations,
)
from twofold.home.backup import NOT_EMPTY, NOT_READY
from twofold.home.management.commands.restore import ALL_OPEN
from twofold.home.snapshot import DAMAGED, NO_PG_TOOL
from twofold.home.tests.roundtrip import TAKE_SCREENINGS
from twofold.households.demo import DEMO_PEOPLE

KEY = "dGVzdHMtb25seS10d29mb2xkLXNlYWxpbmcta2V5LTA="


def manifest(**changes) -> Manifest:
    made = Manifest(
        twofold_version="0.1.0",
        database="sqlite",
        created_at="2026-11-30T03:00:00+00:00",
        migrations={"households": ["0001_initial"]},
        key_fingerprints=[fingerprint(KEY)],
        households=1,
    )
    return dataclasses.replace(made, **changes)


def test_a_fingerprint_names_a_key_without_giving_it_away():
    assert fingerprint(KEY) == fingerprint(KEY)
    assert fingerprint(KEY) != fingerprint(Fernet.generate_key().decode())
    assert len(fingerprint(KEY)) == 16 and fingerprint(KEY) not in KEY


def test_the_backups_keys_missing_here_are_named_by_position():
    made_with = manifest(key_fingerprints=["aaaa", "bbbb", "cccc"])

    assert missing_keys(made_with, ["bbbb"]) == [1, 3]
    assert missing_keys(made_with, ["cccc", "bbbb", "aaaa", "dddd"]) == []


def test_migrations_the_code_does_not_have_mean_a_newer_backup():
    newer = manifest(migrations={"households": ["0001_initial", "0099_later"], "later": ["0001_initial"]})
    known = {("households", "0001_initial"), ("households", "0002_unapplied")}

    assert unknown_migrations(newer, known) == ["households.0099_later", "later.0001_initial"]
    assert unknown_migrations(manifest(), known) == []


def test_a_directory_gets_a_dated_file_and_an_existing_file_is_never_overwritten(tmp_path):
    import datetime as dt

    at = dt.datetime(2026, 11, 30, 3, 4, 5, tzinfo=dt.UTC)
    assert target_path(tmp_path, created_at=at) == tmp_path / "twofold-backup-20261130T030405Z.tar.gz"
    (tmp_path / "taken").write_text("")
    with pytest.raises(BackupError, match="already exists"):
        target_path(tmp_path / "taken", created_at=at)
    with pytest.raises(BackupError, match="is not a directory"):
        target_path(tmp_path / "no" / "such.tar.gz", created_at=at)


def _archive(path: Path, files: dict[str, bytes]) -> Path:
    with tarfile.open(path, "w:gz") as archive:
        for name, data in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    return path


@pytest.mark.parametrize(
    ("files", "reason"),
    [
        ({"notes.txt": b"hello"}, "it has no manifest.json"),
        ({"manifest.json": b'{"format": "something else"}'}, "its manifest is not Twofold's"),
        (
            {"manifest.json": b'{"format": "twofold-backup", "format_version": 1}'},
            "its manifest is incomplete",
        ),
    ],
)
def test_an_archive_that_is_not_a_backup_is_refused_by_name(tmp_path, files, reason):
    path = _archive(tmp_path / "odd.tar.gz", files)

    with pytest.raises(BackupError) as refused:
        read_archive(path, tmp_path)

    assert str(refused.value) == NOT_A_BACKUP.format(path=path, reason=reason)


def test_a_file_that_is_no_archive_at_all_is_refused(tmp_path):
    (tmp_path / "notes.txt").write_text("hello")

    with pytest.raises(BackupError, match="it is not a .tar.gz archive"):
        read_archive(tmp_path / "notes.txt", tmp_path)


def test_a_snapshot_may_not_write_outside_the_restore_directory(tmp_path):
    path = tmp_path / "odd.tar.gz"
    with tarfile.open(path, "w:gz") as archive:
        data = manifest().to_json().encode()
        info = tarfile.TarInfo("manifest.json")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
        link = tarfile.TarInfo("database.sqlite3")
        link.type, link.linkname = tarfile.SYMTYPE, "/etc/passwd"
        archive.addfile(link)

    with pytest.raises(BackupError, match="is not a Twofold backup"):
        read_archive(path, tmp_path / "into")
    assert not (tmp_path / "into" / "database.sqlite3").exists()


# Through the real script


@pytest.fixture(scope="module")
def demo_backed_up(tmp_path_factory, _migrated_template) -> Path:
    """A data directory the real script migrated, filled with the demo and four screenings, and backed up to
    backup.tar.gz. Made once for the module: each test that needs it gets a copy (`_backup`), since the
    script takes seconds to make it."""
    data_dir = tmp_path_factory.mktemp("demo-backed-up")
    shutil.copytree(_migrated_template, data_dir, dirs_exist_ok=True)
    twofold = twofold_in(data_dir)
    # Two weeks of log: at least one whole check-in week after the birth week, whatever today's weekday.
    for command in (("demo", "--weeks", "2"), ("shell", "-c", TAKE_SCREENINGS)):
        made = twofold(*command)
        assert made.returncode == 0, (command, made.stderr)
    written = twofold("backup", str(data_dir / "backup.tar.gz"))
    assert written.returncode == 0, written.stderr
    return data_dir


def _backup(demo_backed_up: Path, tmp_path: Path) -> Path:
    """This test's own copy of the demo's data directory and its backup, in its data directory."""
    shutil.copytree(demo_backed_up, tmp_path, dirs_exist_ok=True)
    return tmp_path / "backup.tar.gz"


def _sealed_checkins(run_twofold) -> int:
    counted = run_twofold(
        "shell", "-c", "from twofold.checkins.models import Checkin; print(Checkin.objects.count())"
    )
    assert counted.returncode == 0, counted.stderr
    return int(counted.stdout.split()[-1])  # the last line: the shell may first say what it imported


def _rewrite_manifest(path: Path, **changes) -> None:
    with tarfile.open(path) as archive:
        files = {m.name: archive.extractfile(m).read() for m in archive.getmembers()}  # type: ignore[union-attr]
    document = json.loads(files["manifest.json"]) | changes
    files["manifest.json"] = json.dumps(document).encode()
    path.unlink()
    _archive(path, files)


def _pretend_postgresql(backup: Path) -> None:
    """The backup's manifest and file names say PostgreSQL (what is inside is never read)."""
    _rewrite_manifest(backup, database="postgresql")
    with tarfile.open(backup) as archive:
        files = {m.name: archive.extractfile(m).read() for m in archive.getmembers()}  # type: ignore[union-attr]
    files["database.pgdump"] = files.pop("database.sqlite3")
    backup.unlink()
    _archive(backup, files)


def _refused(result, message: str) -> None:
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_a_restore_refuses_a_database_that_has_households(run_twofold, tmp_path, demo_backed_up):
    backup = _backup(demo_backed_up, tmp_path)

    _refused(run_twofold("restore", str(backup)), NOT_EMPTY.format(households=1, accounts=len(DEMO_PEOPLE)))


def test_a_restore_refuses_a_backup_from_a_newer_twofold(run_twofold, tmp_path, demo_backed_up):
    backup = _backup(demo_backed_up, tmp_path)
    with tarfile.open(backup) as archive:
        migrations = json.loads(archive.extractfile("manifest.json").read())["migrations"]  # type: ignore[union-attr]
    migrations["households"].append("0999_from_the_future")
    _rewrite_manifest(backup, migrations=migrations, twofold_version="9.0.0")
    elsewhere = tmp_path / "elsewhere"

    result = run_twofold("restore", str(backup), environ={"TWOFOLD_DATA_DIR": str(elsewhere)})

    _refused(result, "made by Twofold 9.0.0, newer than this one")
    assert "households.0999_from_the_future" in result.stderr
    assert "Install Twofold 9.0.0 or newer" in result.stderr


def test_a_restore_refuses_another_kind_of_database(run_twofold, tmp_path, demo_backed_up):
    backup = _backup(demo_backed_up, tmp_path)
    _pretend_postgresql(backup)

    result = run_twofold("restore", str(backup), environ={"TWOFOLD_DATA_DIR": str(tmp_path / "elsewhere")})

    _refused(result, "This backup is of a PostgreSQL database and this Twofold uses SQLite")


def test_an_older_backup_is_restored_then_migrated(run_twofold, tmp_path):
    for command in (("migrate", "--no-input"), ("demo", "--weeks", "1"), ("migrate", "audit", "zero")):
        assert run_twofold(*command).returncode == 0, command
    assert run_twofold("backup", str(tmp_path / "older.tar.gz")).returncode == 0
    elsewhere = tmp_path / "elsewhere"

    older = str(tmp_path / "older.tar.gz")
    result = run_twofold("restore", older, environ={"TWOFOLD_DATA_DIR": str(elsewhere)})

    assert result.returncode == 0, result.stderr
    assert "Migrated it to this version: audit.0001_initial, audit.0002" in result.stdout
    with sqlite3.connect(elsewhere / "twofold.sqlite3") as db:
        assert db.execute("SELECT COUNT(*) FROM audit_auditentry").fetchone() == (0,)
        assert db.execute("SELECT COUNT(*) FROM care_careevent").fetchone()[0] > 0


def test_a_restore_with_other_keys_restores_and_says_what_cannot_be_opened(
    run_twofold, tmp_path, demo_backed_up
):
    backup = _backup(demo_backed_up, tmp_path)
    other = Fernet.generate_key().decode()

    result = run_twofold(
        "restore",
        str(backup),
        environ={"TWOFOLD_DATA_DIR": str(tmp_path / "elsewhere"), "TWOFOLD_ENCRYPTION_KEYS": other},
    )

    assert result.returncode == 0, result.stderr
    assert f"key(s) 1 of that list (fingerprints {fingerprint(KEY)})" in result.stderr
    # The demo's past weeks hold two sealed check-in answers each (how many weeks have passed since the birth
    # week depends on today's weekday, so they are counted) beside the four screenings.
    checkins = _sealed_checkins(run_twofold)
    assert checkins >= 2
    cannot = f"{checkins + 4} sealed row(s) cannot be opened with the keys configured here"
    assert f"{cannot} (checkins.Checkin: {checkins}, wellbeing.Screening: 4)" in result.stderr
    assert ALL_OPEN not in result.stdout
    with_the_key = run_twofold(
        "shell",
        "-c",
        "from twofold.home.backup import unreadable_sealed_values; print(unreadable_sealed_values())",
        environ={"TWOFOLD_DATA_DIR": str(tmp_path / "elsewhere")},
    )
    assert with_the_key.stdout.strip().endswith("{}")


def test_a_backup_of_a_database_never_migrated_says_to_migrate(run_twofold, tmp_path):
    result = run_twofold("backup", str(tmp_path / "backup.tar.gz"))

    _refused(result, NOT_READY.split("(")[0])
    assert "run `twofold migrate` first" in result.stderr
    assert not (tmp_path / "backup.tar.gz").exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_a_restore_of_a_missing_file_says_so(run_twofold, tmp_path):
    _refused(run_twofold("restore", str(tmp_path / "nothing.tar.gz")), "There is no file at")


def test_a_postgresql_backup_without_pg_dump_says_how_to_install_it(run_twofold, tmp_path):
    result = run_twofold(
        "backup",
        str(tmp_path),
        environ={"DATABASE_URL": "postgres://twofold@127.0.0.1:1/twofold", "PATH": str(tmp_path)},
    )

    _refused(result, NO_PG_TOOL.format(tool="pg_dump"))
    assert list(tmp_path.glob("*.tar.gz")) == []


def test_a_restore_into_a_database_that_does_not_answer_says_so(run_twofold, tmp_path, demo_backed_up):
    backup = _backup(demo_backed_up, tmp_path)
    _pretend_postgresql(backup)

    result = run_twofold(
        "restore", str(backup), environ={"DATABASE_URL": "postgres://twofold@127.0.0.1:1/twofold"}
    )

    _refused(result, "The database here could not be used (")


def test_a_damaged_snapshot_is_refused_and_the_empty_database_stays_empty(
    run_twofold, tmp_path, demo_backed_up
):
    backup = _backup(demo_backed_up, tmp_path)
    with tarfile.open(backup) as archive:
        files = {m.name: archive.extractfile(m).read() for m in archive.getmembers()}  # type: ignore[union-attr]
    files["database.sqlite3"] = b"not a database at all" * 100
    backup.unlink()
    _archive(backup, files)
    elsewhere = {"TWOFOLD_DATA_DIR": str(tmp_path / "elsewhere")}

    result = run_twofold("restore", str(backup), environ=elsewhere)

    _refused(result, DAMAGED.format(reason="file is not a database"))
    with sqlite3.connect(tmp_path / "elsewhere" / "twofold.sqlite3") as db:
        assert db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall() == []
