"""`twofold report`: the weekly summary from the command line, its default week, and its refusals."""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from pathlib import Path

import pytest
import time_machine
from django.core.management import CommandError, call_command

from twofold.households.demo import DEMO_HOUSEHOLD_NAME
from twofold.insights.selectors import week_report_for
from twofold.insights.serialize import report_document
from twofold.insights.tests.test_serialize import MONDAY, NOW, WEEK, log_the_week

TWOFOLD = Path(sys.executable).parent / "twofold"


def report(*args: str, **options: object) -> str:
    out = io.StringIO()
    call_command("report", *args, stdout=out, **options)
    return out.getvalue()


@time_machine.travel(NOW, tick=False)
def test_json_is_the_report_document_of_the_week(world):
    log_the_week(world)
    household = world.alex.household

    printed = json.loads(report(household=household.pk, week=WEEK, format="json"))

    assert printed == report_document(week_report_for(household=household, monday=MONDAY, now=NOW), household)
    assert printed["week"]["label"] == WEEK
    assert printed["totals"]["night_wakings"] == 4


@time_machine.travel(NOW, tick=False)
def test_text_is_the_default_and_says_the_weeks_sentences(world):
    log_the_week(world)

    text = report(household=world.alex.household_id, week=WEEK)

    assert text.startswith("Alex and Sam: the week of 16 November 2026 (2026-W47)\n")
    assert "Alex handled 3 of 4 night wakings; Sam 1." in text
    assert "Alex's longest sleep averaged 7 h 39, Sam's 8 h 26." in text
    assert "Alex did 57 % of the logged care (4 of 7 events), Sam 29 % and Pat 14 %." in text


@time_machine.travel(dt.datetime(2026, 11, 18, 12, 0, tzinfo=dt.UTC), tick=False)
def test_without_a_week_it_reports_this_week(world):
    printed = json.loads(report(household=world.alex.household_id, format="json"))

    assert printed["week"]["label"] == "2026-W47"


# Monday 23 November 03:00 UTC is still Sunday evening in New York, the last day of week 47 there.
@time_machine.travel(dt.datetime(2026, 11, 23, 3, 0, tzinfo=dt.UTC), tick=False)
def test_this_week_is_the_week_in_the_households_own_time_zone(world):
    new_york = json.loads(report(household=world.robin.household_id, format="json"))
    london = json.loads(report(household=world.alex.household_id, format="json"))

    assert new_york["week"]["label"] == "2026-W47"
    assert london["week"]["label"] == "2026-W48"


def test_an_unknown_household_says_which_ids_exist(world):
    missing = world.robin.household_id + 100

    with pytest.raises(CommandError) as refused:
        report(household=missing)

    message = str(refused.value)
    assert f"No household has the id {missing}." in message
    assert f"{world.alex.household_id}, {world.robin.household_id}" in message
    assert "after --household" in message


@pytest.mark.parametrize(
    ("week", "says"),
    [
        ("2026-47", "“2026-47” is not a week. Write it like 2026-W47."),
        ("2026-W60", "2026 has no week 60. Weeks run from 1 to 52 or 53."),
        ("2026-W49", "2026-W49 has not happened yet. This week is 2026-W48"),
    ],
)
@time_machine.travel(NOW, tick=False)
def test_a_malformed_or_future_week_is_refused_with_what_to_type(world, week, says):
    with pytest.raises(CommandError) as refused:
        report(household=world.alex.household_id, week=week)

    assert str(refused.value).startswith("--week: ")
    assert says in str(refused.value)
    assert "This week is 2026-W48" in str(refused.value)


def test_an_unknown_format_is_refused(world):
    with pytest.raises(CommandError, match="--format must be text or json, not csv"):
        report(household=world.alex.household_id, format="csv")


@pytest.fixture
def run(run_twofold):
    return run_twofold


def test_the_real_command_prints_a_report_and_refuses_a_bad_week_without_a_traceback(run, migrated_data_dir):

    empty = run("report", "--household", "1")
    assert empty.returncode == 1
    assert "No household has the id 1. There are no households yet" in empty.stderr
    assert "Traceback" not in empty.stderr + empty.stdout

    assert run("demo", "--weeks", "1").returncode == 0
    printed = run("report", "--household", "1")
    assert printed.returncode == 0, printed.stderr
    assert f"{DEMO_HOUSEHOLD_NAME}: the week of" in printed.stdout
    assert "Longest sleep each night" in printed.stdout

    refused = run("report", "--household", "1", "--week", "2026-47")
    assert refused.returncode == 1
    assert "Write it like 2026-W47" in refused.stderr
    assert "Traceback" not in refused.stderr + refused.stdout
