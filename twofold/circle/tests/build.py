"""Shared builders for the circle's tests: a fixed Monday noon in London, and Saturday's night."""

from __future__ import annotations

import datetime as dt
import html
import re
from zoneinfo import ZoneInfo

from twofold.circle import services
from twofold.circle.models import HelpRequest
from twofold.conftest import join
from twofold.households.models import Member, Role

LONDON = ZoneInfo("Europe/London")
NOW = dt.datetime(2026, 11, 23, 12, 0, tzinfo=dt.UTC)  # Monday noon in London
SATURDAY = dt.date(2026, 11, 28)
SAT_START = dt.datetime(2026, 11, 28, 22, 0, tzinfo=LONDON)
SAT_END = dt.datetime(2026, 11, 29, 7, 0, tzinfo=LONDON)
SUNDAY_MORNING = dt.datetime(2026, 11, 29, 9, 0, tzinfo=LONDON)


def text(response) -> str:
    """The page's words as a reader meets them: tags dropped, spaces collapsed, entities turned back."""
    words = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", html.unescape(words)).replace(" ,", ",").replace(" .", ".")


def ask_saturday_night(parent: Member, **kw) -> HelpRequest:
    return services.ask(member=parent, kind="night", starts=SAT_START, ends=SAT_END, now=NOW, **kw)


def ask_meal(parent: Member, day: int, **kw) -> HelpRequest:
    starts = dt.datetime(2026, 11, day, 18, 0, tzinfo=LONDON)
    return services.ask(
        member=parent, kind="meal", starts=starts, ends=starts + dt.timedelta(hours=1), now=NOW, **kw
    )


def second_helper(world) -> Member:
    return join(world.alex, "jo@example.com", "Jo", Role.HELPER)
