"""`twofold demo` as `make run` uses it: the real console script, its exit status and its message."""

from __future__ import annotations

import csv
import io

import pytest

from twofold.households.demo import DEMO_PASSWORD


@pytest.fixture
def run(run_twofold):
    return run_twofold


def test_demo_with_weeks_out_of_range_exits_non_zero_with_a_message_and_no_traceback(run):
    result = run("demo", "--weeks", "0")
    assert result.returncode == 1
    assert "Choose --weeks from 1 to 104" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_make_run_steps_make_the_demo_once_and_it_exports(run):
    assert run("migrate", "--no-input").returncode == 0

    made = run("demo", "--if-empty", "--weeks", "1")
    assert made.returncode == 0, made.stderr
    assert "alex@demo.twofold" in made.stdout and DEMO_PASSWORD in made.stdout
    assert "Open http://127.0.0.1:8000" in made.stdout

    again = run("demo", "--if-empty")
    assert again.returncode == 0, again.stderr
    assert "already has households" in again.stdout

    refused = run("demo", "--weeks", "1")
    assert refused.returncode == 1
    assert "fresh database" in refused.stderr and "Traceback" not in refused.stderr

    exported = run("export", "--household", "1", "--format", "csv", "--output", "-")
    assert exported.returncode == 0, exported.stderr
    rows = list(csv.DictReader(io.StringIO(exported.stdout)))
    assert len(rows) > 100
    assert {row["by"] for row in rows} >= {"Alex", "Sam"}

    missing = run("export", "--household", "2")
    assert missing.returncode == 1
    assert "No household has the id 2" in missing.stderr and "Traceback" not in missing.stderr
