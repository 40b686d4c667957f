"""Server time of the bonding pages and of Today for a parent with a bonding plan, as ratios against a
minimal logged-in page in the same run.

Usage: `.venv/bin/python benchmarks/bonding.py [--weeks 52] [--rounds 30]`. Builds the demo (Sam has a
plan) like benchmarks/run.py. Target: Today with a plan at most 2x the baseline page, as Today is.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.run import _setup, _timed, rounds_against  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--weeks", type=int, default=52)
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    _setup(args.weeks)

    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse

    users = get_user_model().objects
    alex, sam = Client(), Client()
    alex.force_login(users.get(username="alex@demo.twofold"))
    sam.force_login(users.get(username="sam@demo.twofold"))

    def get(client: Client, url: str) -> Callable[[], int]:
        return lambda: client.get(url).status_code

    pages = {
        "baseline: account page": get(sam, reverse("accounts:account")),
        "Today (Alex, no plan)": get(alex, reverse("home:today")),
        "Today (Sam, with a plan)": get(sam, reverse("home:today")),
        "Bonding plan page": get(sam, reverse("bonding:home")),
        "Settling trend (12 weeks)": get(sam, reverse("bonding:trend")),
        "Crying (28 days, colic from birth)": get(sam, reverse("bonding:crying")),
        "Coping card": get(sam, reverse("bonding:coping")),
    }
    for action in pages.values():
        _timed(action)
    rounds_against(pages, args.rounds, "baseline: account page")


if __name__ == "__main__":
    main()
