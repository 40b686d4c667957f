"""`twofold reseal` through the real script: all or nothing, naming the rows no key opens."""

from __future__ import annotations

import sqlite3

import pytest
from cryptography.fernet import Fernet

from twofold.sealing import NOTHING_CHANGED

TAKE_TWO_CHECKS = """
from django.contrib.auth import get_user_model
from twofold.households.services import create_household
from twofold.wellbeing import services

user = get_user_model().objects.create_user(username="a@example.com", email="a@example.com", password="x")
member = create_household(user=user, name="H", display_name="A", time_zone="Europe/London")
for instrument in ("phq2", "gad2"):
    screening = services.start_screening(member=member, instrument=instrument)
    for item in services.offered_instruments()[instrument].items:
        services.record_answer(member=member, screening=screening, item=item.number, position=1)
    services.finish_screening(member=member, screening=screening)
"""


def _sealed(tmp_path):
    with sqlite3.connect(tmp_path / "twofold.sqlite3") as db:
        return db.execute(
            "SELECT id, sealed_answers, sealed_result FROM wellbeing_screening ORDER BY id"
        ).fetchall()


@pytest.fixture
def two_keys(run_twofold, migrated_data_dir, tmp_path):
    """Two screenings: #1 sealed with `first`, #2 with `second`."""
    first, second = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    made = run_twofold("shell", "-c", TAKE_TWO_CHECKS, environ={"TWOFOLD_ENCRYPTION_KEYS": first})
    assert made.returncode == 0, made.stderr
    with sqlite3.connect(tmp_path / "twofold.sqlite3") as db:
        (answers, result) = db.execute(
            "SELECT sealed_answers, sealed_result FROM wellbeing_screening WHERE id=2"
        ).fetchone()
        opened = Fernet(first.encode())
        db.execute(
            "UPDATE wellbeing_screening SET sealed_answers=?, sealed_result=? WHERE id=2",
            (
                Fernet(second.encode()).encrypt(opened.decrypt(answers.encode())).decode(),
                Fernet(second.encode()).encrypt(opened.decrypt(result.encode())).decode(),
            ),
        )
    return first, second


def test_reseal_changes_nothing_and_names_the_rows_no_key_opens(run_twofold, tmp_path, two_keys):
    first, _second = two_keys
    before = _sealed(tmp_path)
    newest = Fernet.generate_key().decode()

    result = run_twofold("reseal", environ={"TWOFOLD_ENCRYPTION_KEYS": f"{newest},{first}"})

    assert result.returncode == 1
    assert NOTHING_CHANGED.format(count=1, rows="screening #2") in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert _sealed(tmp_path) == before  # screening 1 was not re-sealed either


def test_reseal_with_every_key_moves_every_row_to_the_newest(run_twofold, tmp_path, two_keys):
    first, second = two_keys
    newest = Fernet.generate_key().decode()

    result = run_twofold("reseal", environ={"TWOFOLD_ENCRYPTION_KEYS": f"{newest},{first},{second}"})

    assert result.returncode == 0, result.stderr
    assert "Re-sealed 2 screening(s)" in result.stdout
    opener = Fernet(newest.encode())
    for _id, answers, sealed_result in _sealed(tmp_path):
        opener.decrypt(answers.encode())
        opener.decrypt(sealed_result.encode())
