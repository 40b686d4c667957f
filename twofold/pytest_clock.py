"""Loaded by pytest (`-p twofold.pytest_clock`): runs the whole session at a chosen instant.

`TWOFOLD_TEST_NOW=2026-03-29T03:00:00+01:00 pytest ...` travels the clock to that instant before any test
runs and lets it tick from there, so `make test-clock` can show the suite passes whatever the date, the time
of day or a clock change. Without the variable the plugin does nothing. Tests that pin their own clock with
`time_machine.travel` still do: travels nest.
"""

from __future__ import annotations

import datetime as dt
import os

import pytest
import time_machine

TEST_NOW = "TWOFOLD_TEST_NOW"
NEEDS_AN_OFFSET = (
    "TWOFOLD_TEST_NOW must be an ISO 8601 instant with its UTC offset, such as 2026-03-29T03:00:00+01:00; "
    "{value!r} is not."
)

# The fixture (twofold/conftest.py) that runs the real console script in a child process.
SUBPROCESS_FIXTURE = "run_twofold"

_travel: time_machine.travel | None = None


def instant_from_environment(environ: dict[str, str] | os._Environ[str]) -> dt.datetime | None:
    """The instant TWOFOLD_TEST_NOW names, or None when it is unset or empty."""
    value = environ.get(TEST_NOW, "").strip()
    if not value:
        return None
    try:
        instant = dt.datetime.fromisoformat(value)
    except ValueError:
        raise pytest.UsageError(NEEDS_AN_OFFSET.format(value=value)) from None
    if instant.utcoffset() is None:
        raise pytest.UsageError(NEEDS_AN_OFFSET.format(value=value))
    return instant


def pytest_configure(config: pytest.Config) -> None:
    global _travel
    instant = instant_from_environment(os.environ)
    if instant is None:
        return
    # A fixed offset, not a zone: time_machine would also change the process's local zone for a ZoneInfo,
    # and the app must never read the process's zone anyway.
    _travel = time_machine.travel(instant, tick=True)
    _travel.start()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if _travel is None:
        return
    # The real `twofold` script runs in a child process, on the real clock: under a travelled clock it
    # would prove nothing and cost seconds a run.
    skip = pytest.mark.skip(reason=f"runs a subprocess on the real clock, not at {TEST_NOW}")
    for item in items:
        if SUBPROCESS_FIXTURE in getattr(item, "fixturenames", ()):
            item.add_marker(skip)


def pytest_unconfigure(config: pytest.Config) -> None:
    global _travel
    if _travel is not None:
        _travel.stop()
        _travel = None


def pytest_report_header(config: pytest.Config) -> str | None:
    value = os.environ.get(TEST_NOW, "").strip()
    return f"clock: the session runs at {value} ({TEST_NOW})" if value else None
