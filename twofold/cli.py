"""The `twofold` console command: Django's management commands under Twofold's name."""

from __future__ import annotations

import os
import sys


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twofold.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(["twofold", *sys.argv[1:]])
