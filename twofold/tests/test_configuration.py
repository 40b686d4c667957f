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
