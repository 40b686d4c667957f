"""Server time of the summary for a health visit (14 days and a whole year) and of Today and Quick log with
the health cards, as ratios against a minimal logged-in page in the same run, on a year of demo log.

Usage: `.venv/bin/python benchmarks/health.py [--weeks 52] [--rounds 30]`. Builds the demo like
benchmarks/run.py (a baby past 3 months has the demo's fever ten days ago, so the summary lists it).
Aim: the 14-day summary at most 2x the baseline page. The PDF is timed too, against the same baseline: it
is asked for once a visit, and most of its time is setting the type.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.run import _setup, rounds_against  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--weeks", type=int, default=52)
    parser.add_argument("--rounds", type=int, default=30)
    args = parser.parse_args()
    _setup(args.weeks)

    from django.contrib.auth import get_user_model
    from django.test import Client
    from django.urls import reverse
    from django.utils import timezone

    sam = Client()
    sam.force_login(get_user_model().objects.get(username="sam@demo.twofold"))
    today = timezone.localdate()
    year = {"since": today.replace(year=today.year - 1).isoformat(), "until": today.isoformat()}

    def get(url: str, params: dict[str, str] | None = None) -> Callable[[], int]:
        return lambda: sam.get(url, params or {}).status_code

    pages = {
        "baseline: account page": get(reverse("accounts:account")),
        "Today (with health cards)": get(reverse("home:today")),
        "Quick log (with health cards)": get(reverse("care:quick_log")),
        "Summary, last 14 days": get(reverse("health:summary")),
        "Summary, a whole year": get(reverse("health:summary"), year),
        "Summary PDF, last 14 days": get(reverse("health:summary_pdf")),
    }
    for name, action in pages.items():
        assert action() == 200, name
    rounds_against(pages, args.rounds, "baseline: account page")


if __name__ == "__main__":
    main()
