"""The `twofold` console command: Django's management commands under Twofold's name."""

from __future__ import annotations

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twofold.settings")
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured
    from django.core.management import execute_from_command_line

    # A bad setting is the operator's to fix: say which and how, without a traceback, and refuse to run.
    try:
        settings.INSTALLED_APPS  # noqa: B018 (reading it loads the settings)
    except ImproperlyConfigured as error:
        sys.exit(f"twofold: {error}")

    args = sys.argv[1:]
    # Commands are spelt with hyphens on the command line (`twofold plan-night`), underscores in Python.
    if args and not args[0].startswith("-"):
        args[0] = args[0].replace("-", "_")
    execute_from_command_line(["twofold", *args])
