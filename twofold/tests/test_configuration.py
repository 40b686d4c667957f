"""Configuration from the environment: bad values fail loudly, and production needs its secrets.

That every variable is documented is checked in test_docs.py."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from twofold.env import env_bool, env_int


def test_bad_values_fail_loudly(monkeypatch):
    monkeypatch.setenv("TWOFOLD_X", "maybe")
    with pytest.raises(ImproperlyConfigured, match="true or false"):
        env_bool("TWOFOLD_X")
    monkeypatch.setenv("TWOFOLD_X", "ten")
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        env_int("TWOFOLD_X", 1)


def test_production_without_a_secret_key_refuses_to_start(tmp_path):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("TWOFOLD_")}
    env |= {"DJANGO_SETTINGS_MODULE": "twofold.settings", "TWOFOLD_DATA_DIR": str(tmp_path)}
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", "import django; django.setup()"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode != 0
    assert "Set TWOFOLD_SECRET_KEY" in result.stderr


def _twofold_script(tmp_path, *args, **variables):
    """The real `twofold` script with only the given TWOFOLD_ variables (and a data directory)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    env = {k: v for k, v in os.environ.items() if not k.startswith("TWOFOLD_") and k != "DATABASE_URL"}
    env |= {"TWOFOLD_DATA_DIR": str(tmp_path), **variables}
    return subprocess.run(  # noqa: S603 (our own script, fixed arguments)
        [str(Path(sys.executable).parent / "twofold"), *args],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _a_key():
    from cryptography.fernet import Fernet

    return Fernet.generate_key().decode()


@pytest.mark.parametrize("debug", ["true", "false"])
@pytest.mark.parametrize("command", ["check", "migrate", "runserver"])
def test_a_malformed_encryption_key_stops_check_and_start_up_with_a_message(tmp_path, debug, command):
    from twofold.env import MAKE_A_KEY

    result = _twofold_script(
        tmp_path,
        command,
        TWOFOLD_DEBUG=debug,
        TWOFOLD_SECRET_KEY="a-long-random-string-for-the-test",
        TWOFOLD_ENCRYPTION_KEYS=f"{_a_key()},not-a-key",
    )
    assert result.returncode != 0
    assert "TWOFOLD_ENCRYPTION_KEYS: key 2 of 2 is not a Fernet key" in result.stderr
    assert MAKE_A_KEY in result.stderr
    assert "not-a-key" not in result.stderr  # the message never repeats a secret
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "twofold.sqlite3").exists()  # migrate never began, runserver never served


@pytest.mark.parametrize("command", ["check", "migrate", "runserver"])
def test_a_missing_encryption_key_stops_check_and_start_up_in_production_with_a_message(tmp_path, command):
    from twofold.env import MAKE_A_KEY

    result = _twofold_script(tmp_path, command, TWOFOLD_SECRET_KEY="a-long-random-string-for-the-test")
    assert result.returncode != 0
    assert "Set TWOFOLD_ENCRYPTION_KEYS" in result.stderr
    assert MAKE_A_KEY in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "twofold.sqlite3").exists()  # migrate never began, runserver never served


def test_well_formed_keys_pass_check(tmp_path):
    result = _twofold_script(
        tmp_path,
        "check",
        TWOFOLD_SECRET_KEY="a-long-random-string-for-the-test",
        TWOFOLD_ENCRYPTION_KEYS=f"{_a_key()}, {_a_key()}",
    )
    assert result.returncode == 0, result.stderr


def test_wsgi_start_up_refuses_a_malformed_key(tmp_path):
    import os
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if not k.startswith("TWOFOLD_")}
    env |= {
        "TWOFOLD_DATA_DIR": str(tmp_path),
        "TWOFOLD_SECRET_KEY": "a-long-random-string-for-the-test",
        "TWOFOLD_ENCRYPTION_KEYS": "short",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", "import twofold.wsgi"], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "TWOFOLD_ENCRYPTION_KEYS: key 1 of 1 is not a Fernet key" in result.stderr
