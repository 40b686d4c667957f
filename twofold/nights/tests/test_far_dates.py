"""A night at the calendar's ends (0001-01-01, 9999-12-31) is refused under `night`, never a 500."""

from __future__ import annotations

import html
import io
import re

import pytest
import time_machine
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from twofold.conftest import client_for
from twofold.nights.models import NightPlan
from twofold.nights.services import AHEAD_WEEKS, TOO_EARLY, TOO_FAR

from .logs import NOW

pytestmark = pytest.mark.django_db

FAR = [("9999-12-31", TOO_FAR.format(weeks=AHEAD_WEEKS)), ("9999-12-28", TOO_FAR.format(weeks=AHEAD_WEEKS))]
FAR += [("0001-01-01", TOO_EARLY)]


def api(member) -> APIClient:
    client = APIClient(raise_request_exception=False)
    client.force_authenticate(member.user)
    return client


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(("night", "says"), FAR)
@pytest.mark.parametrize("url", ["/api/v1/nights/plans/", "/api/v1/nights/plans/week/"])
def test_the_api_refuses_a_far_night_under_night(world, url, night, says):
    response = api(world.alex).post(url, {"night": night}, format="json")

    assert response.status_code == 400
    assert response.json() == {"night": [says]}
    assert not NightPlan.objects.exists()


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(("night", "says"), FAR)
@pytest.mark.parametrize("url", ["/nights/plan/", "/nights/week/"])
def test_the_plan_forms_refuse_a_far_night(world, url, night, says):
    client = client_for(world.alex)
    client.raise_request_exception = False

    response = client.post(url, {"night": night, "feeding": "bottle", "fairness": "even"})

    assert response.status_code in {200, 400}
    assert says in html.unescape(response.content.decode())
    assert not NightPlan.objects.exists()


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize("args", [["--date", "9999-12-31"], ["--date", "9999-12-28", "--week"]])
def test_the_command_refuses_a_far_night_without_saving_too(world, args):
    with pytest.raises(CommandError, match=re.escape(TOO_FAR.format(weeks=AHEAD_WEEKS))):
        call_command("plan_night", "--household", str(world.alex.household_id), *args, stdout=io.StringIO())


@time_machine.travel(NOW, tick=False)
def test_the_command_still_shows_how_a_past_night_would_be_planned(world):
    out = io.StringIO()
    household = str(world.alex.household_id)

    call_command("plan_night", "--household", household, "--date", "2026-11-01", stdout=out)

    assert out.getvalue().startswith("Night of Sunday 1 November 2026\n")
    assert not NightPlan.objects.exists()


def test_the_real_command_says_so_and_exits_1(run_twofold, migrated_data_dir):
    assert run_twofold("demo", "--weeks", "1").returncode == 0

    far = run_twofold("plan-night", "--household", "1", "--date", "9999-12-31")

    assert far.returncode == 1
    assert "Plan up to 8 weeks ahead" in far.stderr and "Traceback" not in far.stderr
