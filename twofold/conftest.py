"""The same people everywhere: two parents and a helper in household A, one parent in household B."""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.test import Client

from twofold.households.models import Child, Household, Member, Role
from twofold.households.services import accept_invitation, add_child, create_household, invite

PASSWORD = "a-long-test-passphrase-42"


def make_user(email: str):
    return get_user_model().objects.create_user(
        username=email, email=email, password=PASSWORD, first_name=email.split("@")[0].title()
    )


@dataclass
class World:
    alex: Member
    sam: Member
    pat: Member
    ada: Child
    robin: Member
    bo: Child


def join(household_parent: Member, email: str, name: str, role: str) -> Member:
    token = invite(member=household_parent, role=role).token
    return accept_invitation(user=make_user(email), token=token, display_name=name)


@pytest.fixture
def world(db) -> World:
    alex = create_household(
        user=make_user("alex@example.com"),
        name="Alex and Sam",
        display_name="Alex",
        gave_birth=True,
        time_zone="Europe/London",
    )
    sam = join(alex, "sam@example.com", "Sam", Role.PARENT)
    pat = join(alex, "pat@example.com", "Pat", Role.HELPER)
    ada = add_child(member=alex, name="Ada", birth_date=dt.date(2026, 10, 1), feeding_method="mixed")
    robin = create_household(
        user=make_user("robin@example.com"),
        name="Robin's",
        display_name="Robin",
        country="US",
        locale="en-US",
        time_zone="America/New_York",
    )
    bo = add_child(member=robin, name="Bo", birth_date=dt.date(2026, 9, 1), feeding_method="formula")
    # Both households have been here since the summer, as the tests' fixed dates in late 2026 assume: a
    # household's first check-in looks back on the week it was made, never before.
    since = dt.datetime(2026, 8, 3, 9, 0, tzinfo=dt.UTC)
    Household.objects.filter(pk__in=[alex.household_id, robin.household_id]).update(created_at=since)
    for member in (alex, sam, pat, robin):
        member.household.created_at = since
    return World(alex=alex, sam=sam, pat=pat, ada=ada, robin=robin, bo=bo)


def page_text(response) -> str:
    """The page as a reader sees it: entities such as &#x27; turned back into characters."""
    return html.unescape(response.content.decode())


def client_for(member: Member) -> Client:
    if member.user is None:
        raise ValueError("A member whose account was deleted cannot log in.")
    client = Client()
    client.force_login(member.user)
    return client


@pytest.fixture(autouse=True)
def _uncounted_rate_limits():
    # The token endpoint's rate limits count in Django's cache, which outlives a test; each starts at zero.
    cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    # Real hashing is deliberately slow; tests make many users.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def twofold_in(data_dir):
    """A runner of the real `twofold` script on its own SQLite file in `data_dir`."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    script = Path(sys.executable).parent / "twofold"
    # Not passed on: the test database's URL, and the browser tests' async guard switch (a real command must
    # run as in production, where Django's deploy checks refuse that switch).
    left_out = {"DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {key: value for key, value in os.environ.items() if key not in left_out}
    env |= {"TWOFOLD_DATA_DIR": str(data_dir), "TWOFOLD_DEBUG": "true"}

    def twofold(*args: str, environ: dict[str, str | None] | None = None) -> subprocess.CompletedProcess[str]:
        """`environ` adds variables to the child's environment; a None value removes one."""
        child_env = dict(env)
        for key, value in (environ or {}).items():
            if value is None:
                child_env.pop(key, None)
            else:
                child_env[key] = value
        return subprocess.run(  # noqa: S603 (our own script, fixed arguments)
            [str(script), *args],
            env=child_env,
            cwd=data_dir,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    return twofold


@pytest.fixture
def run_twofold(tmp_path):
    """Run the real `twofold` script on its own SQLite file in a temporary data directory."""
    return twofold_in(tmp_path)


@pytest.fixture(scope="session")
def _migrated_template(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("migrated")
    made = twofold_in(data_dir)("migrate", "--no-input")
    if made.returncode != 0:
        pytest.fail(f"`twofold migrate` failed:\n{made.stderr}")
    return data_dir


@pytest.fixture
def migrated_data_dir(tmp_path, _migrated_template):
    """The temporary data directory of `run_twofold`, holding a database `twofold migrate` made. The script
    migrates once a session and each test gets a copy: the migrations alone take it seconds."""
    import shutil

    shutil.copytree(_migrated_template, tmp_path, dirs_exist_ok=True)
    return tmp_path
