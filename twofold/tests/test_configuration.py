"""Documentation kept honest: every environment variable the settings read is in README.md."""

import re
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from twofold.env import env_bool, env_int

ROOT = Path(__file__).resolve().parents[2]


def _variables_read_by_settings() -> set[str]:
    source = (ROOT / "twofold" / "settings.py").read_text()
    return set(re.findall(r'env_(?:str|bool|int|list)\(\s*"([A-Z_]+)"', source))


def test_every_setting_variable_is_documented():
    readme = (ROOT / "README.md").read_text()
    variables = _variables_read_by_settings()
    assert len(variables) > 10
    missing = sorted(v for v in variables if f"`{v}`" not in readme)
    assert not missing, f"Document these in README.md: {missing}"


def test_bad_values_fail_loudly(monkeypatch):
    monkeypatch.setenv("TWOFOLD_X", "maybe")
    with pytest.raises(ImproperlyConfigured, match="true or false"):
        env_bool("TWOFOLD_X")
    monkeypatch.setenv("TWOFOLD_X", "ten")
    with pytest.raises(ImproperlyConfigured, match="whole number"):
        env_int("TWOFOLD_X", 1)


def test_readme_opens_with_the_two_commands():
    head = (ROOT / "README.md").read_text()[:400]
    assert "make run" in head and "make test" in head


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
