"""GET /api/v1/insights/: the weekly report for a household's parents, and nobody else."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
import time_machine
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from twofold.care.services import log_care_event
from twofold.households.api import CHOOSE_HOUSEHOLD
from twofold.households.models import Role
from twofold.households.services import accept_invitation, invite
from twofold.insights.api import NOT_YOURS
from twofold.insights.tests.test_serialize import DETAILS, NOW, WEEK, log_the_week

URL = "/api/v1/insights/"
pytestmark = pytest.mark.usefixtures("pinned")


@pytest.fixture
def pinned():
    with time_machine.travel(NOW, tick=False):
        yield


def client(member) -> APIClient:
    api = APIClient()
    api.force_authenticate(member.user)
    return api


def cli_json(household_id: int, week: str) -> dict:
    out = io.StringIO()
    call_command("report", household=household_id, week=week, format="json", stdout=out)
    return json.loads(out.getvalue())


def also_in_robins_household(world, role: str):
    """Alex's own account joins Robin's household too."""
    return accept_invitation(
        user=world.alex.user, token=invite(member=world.robin, role=role).token, display_name="Alex"
    )


def test_a_parent_gets_the_same_document_as_the_command_line(world):
    log_the_week(world)

    response = client(world.sam).get(URL, {"week": WEEK})

    assert response.status_code == 200
    body = response.json()
    assert body == cli_json(world.alex.household_id, WEEK)
    assert body["sentences"][0] == "Alex handled 3 of 4 night wakings; Sam 1."
    assert client(world.alex).get(URL, {"week": WEEK, "household": world.alex.household_id}).json() == body


def test_without_a_week_it_is_this_week_in_the_households_zone(world):
    body = client(world.alex).get(URL).json()

    assert body["week"]["label"] == "2026-W48"


def test_a_helper_gets_404_like_an_outsider(world):
    log_the_week(world)
    a = world.alex.household_id

    helper = client(world.pat).get(URL, {"week": WEEK})
    helper_naming_it = client(world.pat).get(URL, {"week": WEEK, "household": a})
    outsider = client(world.robin).get(URL, {"week": WEEK, "household": a})
    nowhere = client(world.robin).get(URL, {"week": WEEK, "household": a + 100})

    for response in (helper, helper_naming_it, outsider, nowhere):
        assert response.status_code == 404
        assert response.json() == {"detail": NOT_YOURS}
        assert "Alex" not in response.content.decode()


def test_another_households_id_is_404_and_shows_nothing_of_it(world):
    log_the_week(world)

    response = client(world.robin).get(URL, {"week": WEEK, "household": world.alex.household_id})
    own = client(world.robin).get(URL, {"week": WEEK})

    assert response.status_code == 404
    assert own.status_code == 200
    assert own.json()["household"]["id"] == world.robin.household_id
    assert [p["name"] for p in own.json()["people"]] == ["Robin"]
    assert own.json()["totals"]["events"] == 4  # Robin's own feeds, none of household A's care


def test_someone_in_several_households_must_say_which(world):
    log_the_week(world)
    also_in_robins_household(world, Role.PARENT)
    a, b = world.alex.household_id, world.robin.household_id

    unsaid = client(world.alex).get(URL, {"week": WEEK})
    chosen = client(world.alex).get(URL, {"week": WEEK, "household": b})

    assert unsaid.status_code == 400
    assert unsaid.json() == {"household": [CHOOSE_HOUSEHOLD.format(ids=f"{a}, {b}")]}
    assert chosen.status_code == 200
    assert chosen.json()["household"]["id"] == b
    assert {p["name"] for p in chosen.json()["people"]} == {"Robin", "Alex"}


def test_a_parent_who_helps_elsewhere_still_gets_404_there(world):
    also_in_robins_household(world, Role.HELPER)

    assert client(world.alex).get(URL, {"household": world.robin.household_id}).status_code == 404
    assert client(world.alex).get(URL, {"household": world.alex.household_id}).status_code == 200
    assert "household" in client(world.alex).get(URL).json()


@pytest.mark.parametrize(
    ("week", "says"),
    [
        ("2026-47", "“2026-47” is not a week. Write it like 2026-W47. This week is 2026-W48."),
        ("2026-W60", "2026 has no week 60. Weeks run from 1 to 52 or 53. This week is 2026-W48."),
        ("2026-W49", "2026-W49 has not happened yet. This week is 2026-W48: ask for it or an earlier week."),
    ],
)
def test_a_malformed_or_future_week_is_a_400_under_week(world, week, says):
    response = client(world.alex).get(URL, {"week": week})

    assert response.status_code == 400
    assert response.json() == {"week": [says]}


def test_a_household_that_is_not_a_number_is_a_400_under_household(world):
    response = client(world.alex).get(URL, {"household": "ours"})

    assert response.status_code == 400
    assert list(response.json()) == ["household"]


def test_without_logging_in_there_is_no_report(world):
    response = APIClient().get(URL)

    assert response.status_code == 401
    assert "Alex" not in response.content.decode()


def log_days(world, days: int) -> None:
    """Two feeds a day (one in the night) for `days` days up to the pinned now."""
    for back in range(days):
        night = NOW - dt.timedelta(days=back, hours=9)  # 03:00 London
        for start, member in ((night, world.alex), (night + dt.timedelta(hours=11), world.sam)):
            if start < NOW:
                log_care_event(
                    member=member,
                    child=world.ada,
                    kind="feed",
                    start=start,
                    end=start + dt.timedelta(minutes=20),
                    details=DETAILS["feed"],
                    now=NOW,
                )


def queries(member, params: dict) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client(member).get(URL, params)
    assert response.status_code == 200
    return len(captured)


def test_the_report_costs_the_same_queries_for_one_week_or_twelve_of_log(world):
    world.ada.birth_date = dt.date(2026, 6, 1)  # twelve weeks of log before it: no care before a birth
    world.ada.save()
    log_days(world, 7)
    queries(world.alex, {"week": WEEK})  # the first look works out and keeps the finished nights
    one_week = queries(world.alex, {"week": WEEK})

    log_days(world, 12 * 7)  # the same days again, and eleven weeks before them
    queries(world.alex, {"week": WEEK})
    twelve_weeks = queries(world.alex, {"week": WEEK})

    assert twelve_weeks == one_week
    # The caller's memberships, the household's people, the remembered nights, when the log begins, and the
    # week's own care.
    assert one_week == 5


def test_the_schema_documents_the_parameters_and_the_whole_document(world):
    schema = SchemaGenerator().get_schema(request=None, public=True)
    operation = schema["paths"][URL]["get"]
    components = schema["components"]["schemas"]

    assert {p["name"] for p in operation["parameters"]} == {"week", "household"}
    assert set(operation["responses"]) == {"200", "400", "401", "403", "404"}
    documented = operation["responses"]["200"]["content"]["application/json"]["schema"]["$ref"]
    log_the_week(world)
    body = client(world.alex).get(URL, {"week": WEEK}).json()

    def component_of(described: dict) -> dict:
        ref = described.get("$ref") or described.get("allOf", [{}])[0].get("$ref", "")
        return components.get(ref.rsplit("/", 1)[-1], {})

    def same_keys(value: object, component: dict, where: str) -> None:
        assert isinstance(value, dict), where
        assert list(value) == list(component["properties"]), where
        for key, item in value.items():
            described = component["properties"][key]
            if described.get("type") == "array":
                inner = component_of(described["items"])
                for element in item if "properties" in inner else ():
                    same_keys(element, inner, f"{where}.{key}[]")
            elif "properties" in component_of(described):
                same_keys(item, component_of(described), f"{where}.{key}")

    same_keys(body, components[documented.rsplit("/", 1)[1]], "document")
