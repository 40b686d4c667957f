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
