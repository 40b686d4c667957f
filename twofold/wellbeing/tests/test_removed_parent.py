"""A parent removed from a household keeps their own results to read, download and delete."""

from __future__ import annotations

import re

from django.test import Client
from django.urls import reverse

from twofold.conftest import client_for, page_text
from twofold.households import services as households
from twofold.households.models import Member
from twofold.wellbeing import services as wellbeing
from twofold.wellbeing.models import Screening


def words(response) -> str:
    return re.sub(r"\s+", " ", page_text(response))


def remove(by: Member, member: Member, client: Client | None = None):
    client = client or client_for(by)
    url = reverse("households:member_remove", args=[member.pk])
    return client.post(url, {"confirm": "remove"}, follow=True)


def take(member: Member, instrument: str = "phq2") -> Screening:
    screening = wellbeing.start_screening(member=member, instrument=instrument)
    for item in wellbeing.offered_instruments()[instrument].items:
        wellbeing.record_answer(member=member, screening=screening, item=item.number, position=2)
    return wellbeing.finish_screening(member=member, screening=screening).screening


def test_a_removed_parent_keeps_their_own_results_to_read_download_and_delete(world):
    mine = take(world.sam)
    wellbeing.share_screening(member=world.sam, screening=mine, shared=True)
    remove(world.alex, world.sam)
    sam = client_for(world.sam)

    listing = words(sam.get(reverse("wellbeing:yours")))
    assert "From Alex and Sam" in listing and reverse("wellbeing:yours_result", args=[mine.pk]) in listing
    result = words(sam.get(reverse("wellbeing:yours_result", args=[mine.pk])))
    assert "Your PHQ-2 result" in result and "You are no longer in Alex and Sam" in result
    assert "Share this result" not in result and "Stop sharing" not in result

    download = sam.get(reverse("wellbeing:yours_download"))
    assert download["Content-Disposition"].startswith("attachment;")
    rows = download.json()["screenings"]
    assert [row["id"] for row in rows] == [mine.pk]
    assert rows[0]["household_name"] == "Alex and Sam" and len(rows[0]["answers"]) == 2

    # What Sam shared no longer reaches the household; nobody else reaches it through Sam's pages.
    assert sam.get(reverse("wellbeing:result", args=[mine.pk])).status_code == 302  # no household: start
    assert client_for(world.alex).get(reverse("wellbeing:result", args=[mine.pk])).status_code == 404
    for other in (world.alex, world.robin):
        assert client_for(other).get(reverse("wellbeing:yours_result", args=[mine.pk])).status_code == 404
        assert (
            client_for(other)
            .post(reverse("wellbeing:yours_delete", args=[mine.pk]), {"confirm": "delete"})
            .status_code
            == 404
        )
        assert mine.pk not in [
            row["id"]
            for row in client_for(other).get(reverse("wellbeing:yours_download")).json()["screenings"]
        ]

    assert "Delete your two-minute check on mood" in words(
        sam.get(reverse("wellbeing:yours_delete", args=[mine.pk]))
    )
    response = sam.post(reverse("wellbeing:yours_delete", args=[mine.pk]), {"confirm": "delete"}, follow=True)
    assert "That result and its answers are deleted." in words(response)
    assert not Screening.objects.filter(pk=mine.pk).exists()


def test_a_removed_parent_still_reads_their_own_results_over_the_api(world):
    mine = take(world.sam)
    remove(world.alex, world.sam)
    api = client_for(world.sam)
    assert [row["id"] for row in api.get("/api/v1/wellbeing/screenings/").json()["results"]] == [mine.pk]
    detail = api.get(f"/api/v1/wellbeing/screenings/{mine.pk}/").json()
    assert detail["shared_by"] is None and len(detail["answers"]) == 2
    assert client_for(world.alex).get(f"/api/v1/wellbeing/screenings/{mine.pk}/").status_code == 404


def test_a_result_from_another_of_your_households_is_yours_but_shared_only_from_there(world):
    mine = take(world.sam)
    token = households.invite(member=world.robin, role="parent").token
    households.accept_invitation(user=world.sam.user, token=token, display_name="Sam")
    sam = client_for(world.sam)
    sam.post(reverse("households:switch"), {"household": world.robin.household_id})
    page = words(sam.get(reverse("wellbeing:yours_result", args=[mine.pk])))
    assert "Your PHQ-2 result" in page
    assert "no longer in" not in page and "Share this result" not in page
    assert reverse("wellbeing:yours_result", args=[mine.pk]) not in words(sam.get(reverse("wellbeing:yours")))
