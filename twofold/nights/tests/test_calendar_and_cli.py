"""The calendar feed at a secret address, and `twofold plan-night`."""

from __future__ import annotations

import datetime as dt
import io
import re

import icalendar
import pytest
import time_machine
from django.core.management import CommandError, call_command
from django.test import Client

from twofold.conftest import client_for
from twofold.nights.calendar import SUMMARY
from twofold.nights.models import CalendarLink, NightPlan
from twofold.nights.services import make_plan, new_calendar_link

from .logs import NOW, TONIGHT

pytestmark = pytest.mark.django_db


def events(body: bytes) -> list:
    return list(icalendar.Calendar.from_ical(body).walk("VEVENT"))


@time_machine.travel(NOW, tick=False)
def test_a_member_subscribes_to_their_own_shifts_only(world):
    plan = make_plan(member=world.alex, day=TONIGHT, now=NOW)
    sam = client_for(world.sam)
    sam.post("/nights/calendar/")
    url = re.search(
        r'value="(http://testserver/nights/calendar/[^"]+\.ics)"',
        sam.get("/nights/calendar/").content.decode(),
    )
    assert url, "the address is shown once after it is made"
    assert "Copy it now" not in sam.get("/nights/calendar/").content.decode()  # and only once

    response = Client().get(url.group(1).removeprefix("http://testserver"))
    assert response.status_code == 200 and response["Content-Type"].startswith("text/calendar")
    (event,) = events(response.content)
    assert str(event["SUMMARY"]) == SUMMARY
    assert event.decoded("DTSTART") == dt.datetime(2026, 11, 24, 2, 30, tzinfo=dt.UTC)
    assert event.decoded("DTEND") == dt.datetime(2026, 11, 24, 7, 0, tzinfo=dt.UTC)
    assert str(event["UID"]) == f"night-{plan.pk}-{world.sam.pk}-0@twofold"


@time_machine.travel(NOW, tick=False)
def test_the_uid_stays_when_the_plan_is_edited_so_the_event_moves(world):
    from twofold.nights.edits import Duty
    from twofold.nights.services import edit_shifts

    plan = make_plan(member=world.alex, day=TONIGHT, now=NOW)
    token = new_calendar_link(member=world.sam)
    before = events(Client().get(f"/nights/calendar/{token}.ics").content)[0]
    start = dt.datetime(2026, 11, 23, 22, tzinfo=dt.UTC)
    edit_shifts(
        member=world.alex,
        plan=plan,
        duty=[
            Duty(world.alex.pk, start, start + dt.timedelta(hours=3)),
            Duty(world.sam.pk, start + dt.timedelta(hours=3), start + dt.timedelta(hours=9)),
        ],
        now=NOW,
    )
    after = events(Client().get(f"/nights/calendar/{token}.ics").content)[0]
    assert after["UID"] == before["UID"]
    assert after.decoded("DTSTART") == start + dt.timedelta(hours=3)


@time_machine.travel(NOW, tick=False)
def test_a_wrong_or_old_address_is_404(world):
    old = new_calendar_link(member=world.sam)
    new = new_calendar_link(member=world.sam)
    client = Client()
    assert client.get(f"/nights/calendar/{old}.ics").status_code == 404
    assert client.get("/nights/calendar/not-a-token.ics").status_code == 404
    assert client.get(f"/nights/calendar/{new}.ics").status_code == 200
    assert not CalendarLink.objects.filter(token_hash__contains=new).exists()  # only a fingerprint is kept
    client_for(world.sam).post("/nights/calendar/", {"action": "revoke"})
    assert client.get(f"/nights/calendar/{new}.ics").status_code == 404


@time_machine.travel(dt.datetime(2026, 10, 24, 12, tzinfo=dt.UTC), tick=False)
def test_the_autumn_clock_change_night_is_right_in_the_feed(world):
    make_plan(member=world.alex, day=dt.date(2026, 10, 24))
    token = new_calendar_link(member=world.alex)
    (event,) = events(Client().get(f"/nights/calendar/{token}.ics").content)
    # 22:00 BST is 21:00 UTC; the 10-hour night splits at the second 02:00 (GMT).
    assert event.decoded("DTSTART") == dt.datetime(2026, 10, 24, 21, tzinfo=dt.UTC)
    assert event.decoded("DTEND") == dt.datetime(2026, 10, 25, 2, tzinfo=dt.UTC)


@time_machine.travel(NOW, tick=False)
def test_a_helper_gets_their_calendar_page_too(world):
    assert client_for(world.pat).get("/nights/calendar/").status_code == 200


def plan_night(*args: str) -> str:
    out = io.StringIO()
    call_command("plan_night", *args, stdout=out)
    return out.getvalue()


@time_machine.travel(NOW, tick=False)
def test_the_command_prints_tonights_plan_and_saves_only_when_asked(world):
    printed = plan_night("--household", str(world.alex.household_id))
    assert printed.startswith("Night of Monday 23 November 2026\n")
    assert "  Alex: 22:00–02:30" in printed and "Why:" in printed
    assert not NightPlan.objects.exists()
    plan_night("--household", str(world.alex.household_id), "--week", "--save")
    assert NightPlan.objects.filter(household=world.alex.household).count() == 7


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["--household", "999"], "No household has the id 999."),
        (["--date", "23/11/2026"], "--date must be a date written like 2026-11-23"),
        (["--date", "2026-11-01", "--save"], "That night has already ended"),
    ],
)
def test_the_command_refuses_with_what_to_type(world, args, says):
    if args[0] != "--household":
        args = ["--household", str(world.alex.household_id), *args]
    with pytest.raises(CommandError, match=re.escape(says)):
        plan_night(*args)


def test_the_real_command_runs_without_a_traceback(run_twofold, migrated_data_dir):
    missing = run_twofold("plan-night", "--household", "1")
    assert missing.returncode == 1 and "No household has the id 1." in missing.stderr
    assert "Traceback" not in missing.stderr
    assert run_twofold("demo", "--weeks", "1").returncode == 0
    printed = run_twofold("plan-night", "--household", "1", "--week")
    assert printed.returncode == 0, printed.stderr
    assert printed.stdout.count("Night of ") == 7
    bad = run_twofold("plan-night", "--household", "1", "--date", "tomorrow")
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
