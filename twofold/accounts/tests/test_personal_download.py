"""A member's own download: everything Twofold holds about them, and nothing private of anyone else."""

from __future__ import annotations

import json

from django.test import Client

from twofold.accounts.tests.lived_in import ALEX_PRIVATE_WORDS, SAM_PRIVATE_WORDS, live_in
from twofold.audit.models import Action, AuditEntry
from twofold.conftest import client_for
from twofold.households.models import Role
from twofold.households.services import accept_invitation, invite, leave_household

DOWNLOAD = "/account/download/"


def _download(member) -> dict:
    response = client_for(member).get(DOWNLOAD)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="twofold-me-')
    return json.loads(response.content)


def test_it_holds_their_account_screenings_answers_and_care(world):
    lived = live_in(world)
    document = _download(world.sam)

    assert document["format"] == "twofold-personal-export"
    assert document["account"]["email"] == "sam@example.com"
    [here] = document["memberships"]
    assert (here["household"]["name"], here["display_name"], here["role"]) == (
        "Alex and Sam",
        "Sam",
        "parent",
    )

    [screening] = here["screenings"]
    assert screening["id"] == lived.sams_screening.pk
    assert screening["questionnaire"] == "phq9"
    assert screening["answers"] and all(isinstance(v, int) for v in screening["answers"].values())
    assert screening["result"]["total"] == 4
    assert here["share_future_results"] is True

    [checkin] = here["checkins"]
    assert checkin["appreciated"] == SAM_PRIVATE_WORDS
    assert checkin["care_share"] == 50 and checkin["revealed_at"] is not None
    assert [a["text"] for a in here["agreements"]["written"]] == ["Sam takes Saturday mornings"]
    assert {r["outcome"] for r in here["agreements"]["your_reviews"]} == {"kept"}
    [concern] = here["concerns"]
    assert (concern["raised_by"]["name"], concern["about"]["name"]) == ("Alex", "Sam")
    assert here["night_preferences"]["work_mornings"] == [0, 1, 2, 3, 4]
    assert [plan["child"]["name"] for plan in here["bonding_plans"]] == ["Ada"]

    care = {event["id"]: event for event in here["care"]}
    assert set(care) == {lived.sams_feed.pk, lived.sams_deleted_feed.pk, lived.logged_by_sam_for_alex.pk}
    assert care[lived.sams_deleted_feed.pk]["deleted"] is True
    assert care[lived.sams_deleted_feed.pk]["deleted_at"] is not None
    assert care[lived.logged_by_sam_for_alex.pk]["by"]["name"] == "Alex"
    assert care[lived.sams_feed.pk]["details"]["amount_ml"] == 90.0


def test_it_holds_nothing_private_of_the_other_parent(world):
    lived = live_in(world)
    document = _download(world.sam)
    text = json.dumps(document, ensure_ascii=False)
    assert ALEX_PRIVATE_WORDS not in text  # Alex's check-in, even though it was revealed to Sam
    # Alex's agreement was shared with Sam; it is named only beside Sam's own answer about it.
    assert text.count("Alex books the health visitor") == 1
    assert "alex@example.com" not in text
    [here] = document["memberships"]
    assert [s["id"] for s in here["screenings"]] == [lived.sams_screening.pk]
    assert not {e["id"] for e in here["care"]} & {lived.alex_feed.pk, lived.pat_feed.pk}

    alex = json.dumps(_download(world.alex), ensure_ascii=False)
    assert SAM_PRIVATE_WORDS not in alex and ALEX_PRIVATE_WORDS in alex


def test_a_household_they_left_is_still_theirs_to_download(world):
    token = invite(member=world.robin, role=Role.HELPER).token
    at_robins = accept_invitation(user=world.sam.user, token=token, display_name="Sammy")
    leave_household(member=at_robins)

    memberships = _download(world.sam)["memberships"]
    assert [(m["household"]["name"], m["display_name"]) for m in memberships] == [
        ("Alex and Sam", "Sam"),
        ("Robin's", "Sammy"),
    ]
    assert memberships[1]["left_at"] is not None


def test_the_download_is_in_their_own_trail_and_the_trail_is_in_it(world):
    _download(world.sam)
    entry = AuditEntry.objects.get(action=Action.EXPORT_DOWNLOADED)
    assert list(entry.concerns.all()) == [world.sam.user]
    [audit] = _download(world.sam)["audit"][:1]
    assert (audit["action"], audit["by"]) == ("export_downloaded", "Sam")


def test_it_needs_a_login(db):
    response = Client().get(DOWNLOAD)
    assert response.status_code == 302 and "/account/login/" in response["Location"]
