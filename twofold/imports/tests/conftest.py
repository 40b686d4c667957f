"""The samples' family: Mila (born 9 April 2026) with parents Sam and Ren, in London, in early June 2026."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pytest
import time_machine

from twofold.conftest import join, make_user
from twofold.households.models import Child, Member, Role
from twofold.households.services import add_child, create_household
from twofold.imports.files import Bundle, open_path

DATA = Path(__file__).parent / "data"
# After the samples (14-17 May 2026), well inside the ten years care may reach back.
NOW = dt.datetime(2026, 6, 1, 12, 0, tzinfo=dt.UTC)


@dataclass
class Family:
    sam: Member
    ren: Member
    mila: Child


@pytest.fixture
def clock():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def family(db, clock) -> Family:
    return make_family()


def make_family() -> Family:
    sam = create_household(
        user=make_user("sam@example.com"), name="Sam and Ren", display_name="Sam", time_zone="Europe/London"
    )
    ren = join(sam, "ren@example.com", "Ren", Role.PARENT)
    mila = add_child(member=sam, name="Mila", birth_date=dt.date(2026, 4, 9), feeding_method="mixed")
    return Family(sam=sam, ren=ren, mila=mila)


def sample(*parts: str) -> Bundle:
    return open_path(DATA.joinpath(*parts))
