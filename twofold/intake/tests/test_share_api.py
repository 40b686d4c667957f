"""The sharing API: the author shares and takes back; the other parent lists what was shared with them;
a helper's list is empty; another household's writing is a 404. (Their shapes against the schema:
api/tests/test_schema_conformance.py.)"""

from __future__ import annotations

import datetime as dt

import time_machine
from rest_framework.test import APIClient

from twofold.intake.models import Writing
from twofold.intake.services import NOT_HEARD, NOTHING_CHOSEN, keep_writing

NOW = dt.datetime(2026, 11, 18, 20, 30, tzinfo=dt.UTC)
SHARE = "/api/v1/intake/{id}/share/"
SHARED = "/api/v1/intake/shared/"


def api(member) -> APIClient:
    client = APIClient()
    client.force_authenticate(member.user)
    return client


def written(member) -> Writing:
    return keep_writing(author=member, text="I haven't slept in days and he scrolls on the sofa.")


@time_machine.travel(NOW, tick=False)
def test_the_author_shares_the_other_parent_lists_it_then_it_is_taken_back(world):
    writing = written(world.alex)
    alex, sam = api(world.alex), api(world.sam)
    assert sam.get(SHARED).json() == []

    path = SHARE.format(id=writing.pk)
    response = alex.post(path, {"situations": ["sleep_deprivation"]}, format="json")
    assert response.status_code == 200
    assert response.json()["situations"] == [{"key": "sleep_deprivation", "name": "Very little sleep"}]

    listed = sam.get(SHARED)
    assert listed.json() == [
        {
            "author": "Alex",
            "situations": [{"key": "sleep_deprivation", "name": "Very little sleep"}],
            "shared_at": "2026-11-18T20:30:00Z",
        }
    ]
    assert "sofa" not in listed.content.decode()

    assert alex.delete(path).status_code == 204
    assert sam.get(SHARED).json() == []


@time_machine.travel(NOW, tick=False)
def test_a_helper_lists_nothing_and_cannot_share(world):
    writing = written(world.alex)
    api(world.alex).post(SHARE.format(id=writing.pk), {"situations": ["sleep_deprivation"]}, format="json")
    pat = api(world.pat)
    assert pat.get(SHARED).json() == []
    assert pat.post(SHARE.format(id=writing.pk), {"situations": []}, format="json").status_code == 404


@time_machine.travel(NOW, tick=False)
def test_bad_choices_get_field_errors_and_nothing_is_shared(world):
    writing = written(world.alex)
    alex = api(world.alex)
    path = SHARE.format(id=writing.pk)
    response = alex.post(path, {"situations": []}, format="json")
    assert response.status_code == 400 and response.json()["situations"] == [NOTHING_CHOSEN]
    response = alex.post(path, {"situations": ["self_harm_risk"]}, format="json")
    assert response.status_code == 400 and response.json()["situations"] == [NOT_HEARD]
    response = alex.post(path, {"situations": ["not_a_situation"]}, format="json")
    assert response.status_code == 400 and "situations" in response.json()
    writing.refresh_from_db()
    assert writing.shared_at is None


@time_machine.travel(NOW, tick=False)
def test_the_other_parent_and_another_household_get_404(world):
    writing = written(world.alex)
    path = SHARE.format(id=writing.pk)
    for member in (world.sam, world.robin):
        assert api(member).post(path, {"situations": ["sleep_deprivation"]}, format="json").status_code == 404
        assert api(member).delete(path).status_code == 404
    writing.refresh_from_db()
    assert writing.shared_at is None
