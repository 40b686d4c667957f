"""Every date and time picker is filled in the form the browser reads. A date input given the locale's
07/12/2026 shows empty, and the form then sends nothing: a parent met exactly that on the summary and the
circle's ask form."""

import re

import pytest
import time_machine

from twofold.conftest import client_for
from twofold.reminders.models import ReminderSettings

BROWSER_FORMATS = {
    "date": re.compile(r"\d{4}-\d{2}-\d{2}"),
    "time": re.compile(r"\d{2}:\d{2}"),
    "datetime-local": re.compile(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}"),
}
PICKER = re.compile(r"<input\b[^>]*\btype=\"(date|time|datetime-local)\"[^>]*>")
VALUE = re.compile(r"\bvalue=\"([^\"]*)\"")

# Each page with a picker a parent meets filled in, and how many filled pickers it has at least.
PAGES = {
    "/health/summary/": 2,
    "/circle/ask/": 3,
    "/reminders/": 2,
    "/household/": 2,
    "/nights/": 1,
    "/history/?date_from=2026-11-01&date_to=2026-11-30": 2,
    "/log/feed/": 1,
}


def filled_pickers(html: str) -> list[tuple[str, str]]:
    found = []
    for match in PICKER.finditer(html):
        value = VALUE.search(match.group(0))
        if value and value.group(1):
            found.append((match.group(1), value.group(1)))
    return found


@time_machine.travel("2026-12-07 06:12:00+00:00", tick=False)
@pytest.mark.parametrize(("path", "at_least"), PAGES.items())
def test_each_picker_is_filled_in_the_browsers_own_format(world, path, at_least):
    ReminderSettings.objects.update_or_create(
        member=world.alex, defaults={"quiet_from": "21:30", "quiet_until": "06:45"}
    )
    page = client_for(world.alex).get(path)

    assert page.status_code == 200
    pickers = filled_pickers(page.content.decode())
    assert len(pickers) >= at_least, pickers
    for kind, value in pickers:
        assert BROWSER_FORMATS[kind].fullmatch(value), (path, kind, value)


def test_a_pages_title_is_only_words(world):
    title = re.search(
        r"<title>(.*?)</title>", client_for(world.alex).get("/reminders/").content.decode(), re.S
    )
    assert title is not None and "<" not in title.group(1) and title.group(1).startswith("Reminders")
