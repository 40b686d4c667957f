"""The real `twofold` console script, as `make run` and an administrator use it: exit status and message."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

TWOFOLD = Path(sys.executable).parent / "twofold"


@pytest.fixture
def run(run_twofold):
    return run_twofold


def test_export_before_migrate_says_to_migrate(run):
    result = run("export", "--household", "1", "--format", "json", "--output", "-")
    assert result.returncode == 1
    assert "Run `twofold migrate` first" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_purge_with_a_bad_retention_setting_refuses_to_start(run):
    for value, words in (("thirty", "must be a whole number"), ("-1", "must be 0 or more")):
        result = run("purge", environ={"TWOFOLD_DELETED_RETENTION_DAYS": value})
        assert result.returncode != 0
        assert f"TWOFOLD_DELETED_RETENTION_DAYS {words}, not '{value}'" in result.stderr
        assert "Traceback" not in result.stderr + result.stdout


def test_purge_before_migrate_says_to_migrate(run):
    result = run("purge")
    assert result.returncode == 1
    assert "Run `twofold migrate` first" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_purge_after_migrate_says_how_many(run, migrated_data_dir):
    result = run("purge", environ={"TWOFOLD_DELETED_RETENTION_DAYS": "7"})
    assert result.returncode == 0, result.stderr
    assert result.stdout == "Purged 0 deleted care events (kept for 7 days after deletion).\n"
