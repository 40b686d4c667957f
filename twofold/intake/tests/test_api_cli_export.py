"""POST /api/v1/intake/, `twofold intake` and the personal download: the same reading everywhere, for the
author only."""

from __future__ import annotations

import datetime as dt
import io
import json
import zipfile

import pytest
import time_machine
from django.core.management import CommandError, call_command
from rest_framework.test import APIClient

from twofold.conftest import client_for
from twofold.intake.models import Writing
from twofold.intake.services import share_summary

NOW = dt.datetime(2026, 11, 18, 20, 30, tzinfo=dt.UTC)


def api(member) -> APIClient:
    client = APIClient()
    client.force_authenticate(member.user)
    return client


@time_machine.travel(NOW, tick=False)
def test_the_api_reads_keeps_and_answers_safety_first(world):
    text = "I haven't slept in days. Honestly everyone would be better off without me."
    response = api(world.alex).post("/api/v1/intake/", {"text": text}, format="json")
    assert response.status_code == 201
    body = response.json()
    assert body["safety_flag"] is True
    assert [s["key"] for s in body["situations"]][:1] == ["self_harm_risk"]
    span = body["situations"][0]["evidence"][0]
    assert text[span["start"] : span["end"]] == span["text"]
    assert body["resources"]["emergency_number"] == "999"
    assert body["next_steps"] and all(s["path"].startswith("/") for s in body["next_steps"])
    assert Writing.objects.get(pk=body["id"]).author == world.alex


@time_machine.travel(NOW, tick=False)
def test_the_guidance_names_the_professionals_of_the_households_country(world):
    body = api(world.robin).post("/api/v1/intake/", {"text": "I resent the baby."}, format="json").json()
    assert "your doctor, midwife or nurse" in body["hard_feelings"]
    assert "health visitor" not in body["hard_feelings"]


@time_machine.travel(NOW, tick=False)
def test_the_api_refuses_bad_input_with_field_errors_and_keeps_nothing(world):
    for body in ({"text": ""}, {}, {"text": "x" * 20_001}):
        response = api(world.alex).post("/api/v1/intake/", body, format="json")
        assert response.status_code == 400
        assert "text" in response.json()
    assert not Writing.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_the_api_is_for_parents_only(world):
    assert api(world.pat).post("/api/v1/intake/", {"text": "tired"}, format="json").status_code == 404
    assert APIClient().post("/api/v1/intake/", {"text": "tired"}, format="json").status_code in (401, 403)
    assert not Writing.objects.exists()


def test_the_command_prints_the_reading_as_json(tmp_path, capsys, db):
    post = tmp_path / "post.txt"
    post.write_text("Some nights I want to shake my partner awake. The diapers are endless and I'm exausted.")
    call_command("intake", "--text-file", str(post), "--country", "US")
    document = json.loads(capsys.readouterr().out)
    assert document["safety_flag"] is False
    assert [s["key"] for s in document["situations"]] == ["sleep_deprivation"]
    assert document["country"] == "US"


def test_the_command_says_what_is_wrong_without_a_traceback(run_twofold, tmp_path):
    result = run_twofold("intake", "--text-file", str(tmp_path / "missing.txt"))
    assert result.returncode != 0
    assert "No file at" in result.stderr and "Traceback" not in result.stderr


def test_the_command_refuses_an_empty_file(tmp_path, db):
    (tmp_path / "empty.txt").write_text("  \n")
    with pytest.raises(CommandError, match="empty"):
        call_command("intake", "--text-file", str(tmp_path / "empty.txt"))


@time_machine.travel(NOW, tick=False)
def test_the_personal_download_holds_their_own_writings_only(world):
    client_for(world.alex).post("/intake/", {"text": "Alex's words about the nights."})
    client_for(world.sam).post("/intake/", {"text": "Sam's words about work."})
    document = json.loads(client_for(world.alex).get("/account/download/").content)
    [membership] = document["memberships"]
    assert [w["text"] for w in membership["intake_writings"]] == ["Alex's words about the nights."]
    assert "Sam's words" not in json.dumps(document)
    household = zipfile.ZipFile(io.BytesIO(client_for(world.alex).get("/household/export/").content))
    for name in household.namelist():  # the household export never holds a writing
        assert b"Alex's words" not in household.read(name)


@time_machine.travel(NOW, tick=False)
def test_a_shared_summary_is_in_its_authors_download_only(world):
    client_for(world.alex).post("/intake/", {"text": "I haven't slept in days."})
    share_summary(writing=Writing.objects.get(author=world.alex), situations=["sleep_deprivation"])
    [mine] = json.loads(client_for(world.alex).get("/account/download/").content)["memberships"]
    assert mine["intake_writings"][0]["shared_summary"] == {
        "situations": ["sleep_deprivation"],
        "shared_at": "2026-11-18T20:30:00Z",
    }
    # The parent it was shared with sees it on Today, but it is not theirs to download.
    [sams] = json.loads(client_for(world.sam).get("/account/download/").content)["memberships"]
    assert sams["intake_writings"] == []
    assert "sleep_deprivation" not in json.dumps(sams.get("intake_writings"))
