"""A parent's own check-in answers, by account: read, downloaded and deleted after leaving or removal, and
never another parent's (the other parent of the household, or another household's)."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.conf import settings
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import reverse

from twofold import sealing
from twofold.checkins.answers import ANSWERS_SEALED
from twofold.checkins.models import AgreementReview, Checkin
from twofold.checkins.services import add_agreement, review_agreement, submit_checkin
from twofold.checkins.tests.helpers import ALEX_ANSWERS, NOW, SAM_ANSWERS, text
from twofold.checkins.tests.test_sealing import seal_with_another_key
from twofold.conftest import client_for
from twofold.households import services as households
from twofold.households.models import Member

ROBIN_ANSWERS = {**ALEX_ANSWERS, "appreciated": "Robin-appreciates-the-quiet", "needed": "Robin-needs-a-walk"}
ALEX_WORDS = ("Alex-appreciates-the-bath-routine", "Alex-needs-one-lie-in")
SAM_WORDS = ("Sam-appreciates-the-night-feeds", "Sam-needs-to-learn-the-sling")
ROBIN_WORDS = ("Robin-appreciates-the-quiet", "Robin-needs-a-walk")


def words(response) -> str:
    return re.sub(r"\s+", " ", text(response))


def remove(by: Member, member: Member) -> None:
    url = reverse("households:member_remove", args=[member.pk])
    response = client_for(by).post(url, {"confirm": "remove"})
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.left_at is not None


def answered_week(world) -> tuple[Checkin, Checkin, Checkin]:
    """W47 answered by Alex and Sam (each saying how Alex's W46 agreement went) and by Robin next door."""
    with time_machine.travel(NOW - dt.timedelta(weeks=1), tick=False):
        agreement = add_agreement(member=world.alex, text="Alex-takes-the-2am-feed")
    alex = submit_checkin(member=world.alex, answers=ALEX_ANSWERS, reviews={agreement.pk: "kept"}, now=NOW)
    sam = submit_checkin(member=world.sam, answers=SAM_ANSWERS, reviews={agreement.pk: "partly"}, now=NOW)
    robin = submit_checkin(member=world.robin, answers=ROBIN_ANSWERS, now=NOW)
    return alex, sam, robin


@time_machine.travel(NOW, tick=False)
def test_a_removed_parent_reads_and_downloads_their_own_answers_and_never_another_parents(world):
    alex, sam_answer, robin = answered_week(world)
    remove(world.alex, world.sam)
    sam = client_for(world.sam)

    page = words(sam.get(reverse("checkins:yours")))
    assert "From Alex and Sam" in page and "You are no longer in Alex and Sam" in page
    assert "Week of 16 Nov to 22 Nov" in page
    assert all(w in page for w in SAM_WORDS)
    assert "<dt>My share of the night wakings</dt><dd>70 %</dd>" in page and "<dd>7 / 10</dd>" in page
    assert "“Alex-takes-the-2am-feed”: partly kept" in page
    assert not any(w in page for w in ALEX_WORDS + ROBIN_WORDS)
    assert ": kept" not in page  # Alex's review of the same agreement
    assert reverse("checkins:yours_delete", args=[sam_answer.pk]) in page
    assert reverse("checkins:yours_delete", args=[alex.pk]) not in page

    download = sam.get(reverse("checkins:yours_download"))
    assert download.status_code == 200 and download["Content-Disposition"].startswith("attachment;")
    assert "twofold-my-checkins-" in download["Content-Disposition"]
    document = download.json()
    assert [a["id"] for a in document["answers"]] == [sam_answer.pk]
    [answer] = document["answers"]
    assert answer["household_name"] == "Alex and Sam" and answer["week"] == "2026-W47"
    assert answer["night_share"] == 70 and answer["needed"] == SAM_WORDS[1] and answer["sealed_note"] is None
    assert [(r["agreement"], r["outcome"]) for r in document["agreement_reviews"]] == [
        ("Alex-takes-the-2am-feed", "partly")
    ]
    assert not any(w in download.content.decode() for w in ALEX_WORDS + ROBIN_WORDS)

    # The other parents' own pages hold only their own.
    alex_page = words(client_for(world.alex).get(reverse("checkins:yours")))
    assert all(w in alex_page for w in ALEX_WORDS) and not any(w in alex_page for w in SAM_WORDS)
    assert "no longer in" not in alex_page
    robin_download = client_for(world.robin).get(reverse("checkins:yours_download")).json()
    assert [a["id"] for a in robin_download["answers"]] == [robin.pk]


@time_machine.travel(NOW, tick=False)
def test_a_removed_parent_deletes_one_answer_after_a_confirmation_and_nothing_else_goes(world):
    alex, sam_answer, robin = answered_week(world)
    remove(world.alex, world.sam)
    sam = client_for(world.sam)
    url = reverse("checkins:yours_delete", args=[sam_answer.pk])

    confirm = words(sam.get(url))
    assert "Delete your answers for the week of 16 Nov to 22 Nov?" in confirm
    assert "They also disappear from Alex and Sam's check-in for that week" in confirm
    assert 'name="confirm" value="delete"' in confirm
    assert sam.post(url).status_code == 200  # no confirmation: the page again, nothing deleted
    assert Checkin.objects.filter(pk=sam_answer.pk).exists()

    response = sam.post(url, {"confirm": "delete"}, follow=True)
    assert response.redirect_chain == [(reverse("checkins:yours"), 302)]
    assert "Your answers for the week of 16 Nov to 22 Nov in Alex and Sam are deleted." in words(response)
    assert "There are none" in words(response)
    assert not Checkin.objects.filter(pk=sam_answer.pk).exists()
    assert not AgreementReview.objects.filter(reviewer=world.sam).exists()
    assert set(Checkin.objects.values_list("pk", flat=True)) == {alex.pk, robin.pk}
    assert AgreementReview.objects.filter(reviewer=world.alex).count() == 1

    # Gone from the household's check-in for that week too.
    week = words(client_for(world.alex).get("/checkin/?week=2026-W47"))
    assert all(w in week for w in ALEX_WORDS) and not any(w in week for w in SAM_WORDS)


@time_machine.travel(NOW, tick=False)
def test_another_parents_answer_is_a_404_and_stays(world):
    alex, sam_answer, robin = answered_week(world)
    remove(world.alex, world.sam)
    not_theirs = ((world.sam, (alex, robin)), (world.alex, (sam_answer, robin)), (world.robin, (alex,)))
    for member, others in not_theirs:
        client = client_for(member)
        for other in others:
            url = reverse("checkins:yours_delete", args=[other.pk])
            assert client.get(url).status_code == 404
            assert client.post(url, {"confirm": "delete"}).status_code == 404
    assert Checkin.objects.count() == 3
    assert client_for(world.sam).get(reverse("checkins:yours_delete", args=[10**12])).status_code == 404


@time_machine.travel(NOW, tick=False)
def test_deleting_all_takes_every_answer_of_yours_in_every_household_and_no_one_elses(world):
    token = households.invite(member=world.robin, role="parent").token
    sam_next_door = households.accept_invitation(user=world.sam.user, token=token, display_name="Sam")
    alex, _, robin = answered_week(world)
    submit_checkin(member=sam_next_door, answers=SAM_ANSWERS, now=NOW)
    sam = client_for(world.sam)
    url = reverse("checkins:yours_delete_all")

    page = words(sam.get(reverse("checkins:yours")))
    assert "From Alex and Sam" in page and f"From {world.robin.household.name}" in page
    confirm = words(sam.get(url))
    assert "Delete all your check-in answers?" in confirm
    assert "This deletes your answers for 2 weeks and 1 review of an agreement, from" in confirm
    assert "Alex and Sam" in confirm and world.robin.household.name in confirm
    assert "They also disappear from each household's check-ins" in confirm
    assert Checkin.objects.filter(member__user=world.sam.user).count() == 2  # a GET deletes nothing

    response = sam.post(url, {"confirm": "delete"}, follow=True)
    assert "your answers for 2 weeks and 1 review of an agreement" in words(response)
    assert not Checkin.objects.filter(member__user=world.sam.user).exists()
    assert not AgreementReview.objects.filter(reviewer__user=world.sam.user).exists()
    assert set(Checkin.objects.values_list("pk", flat=True)) == {alex.pk, robin.pk}
    assert AgreementReview.objects.filter(reviewer=world.alex).count() == 1

    assert "Nothing to delete" in words(sam.get(url))
    again = sam.post(url, {"confirm": "delete"}, follow=True)
    assert "There are no check-in answers of yours to delete." in words(again)


def test_the_pages_need_a_login_and_no_household(world):
    anonymous = Client()
    for url in (
        reverse("checkins:yours"),
        reverse("checkins:yours_download"),
        reverse("checkins:yours_delete_all"),
        reverse("checkins:yours_delete", args=[1]),
    ):
        response = anonymous.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))
    # A helper, and anyone with nothing answered, sees the empty state, not an error or the start page.
    page = client_for(world.pat).get(reverse("checkins:yours"))
    assert page.status_code == 200 and "There are none" in words(page)
    assert "Download all your answers" not in words(page)


@pytest.fixture
def fresh_keyring():
    sealing.keyring.cache_clear()
    yield
    sealing.keyring.cache_clear()


@time_machine.travel(NOW, tick=False)
def test_answers_no_key_opens_say_so_in_their_place(world, fresh_keyring):
    _, sam_answer, _ = answered_week(world)
    seal_with_another_key(sam_answer)
    sam = client_for(world.sam)
    page = words(sam.get(reverse("checkins:yours")))
    assert ANSWERS_SEALED in page and reverse("checkins:yours_delete", args=[sam_answer.pk]) in page
    [answer] = sam.get(reverse("checkins:yours_download")).json()["answers"]
    assert answer["sealed_note"] == ANSWERS_SEALED and answer["mood"] is None


@time_machine.travel(NOW, tick=False)
def test_the_page_is_linked_for_current_and_removed_parents(world):
    answered_week(world)
    yours = f'href="{reverse("checkins:yours")}"'
    assert yours in text(client_for(world.alex).get(reverse("checkins:history")))
    assert yours in text(client_for(world.alex).get(reverse("wellbeing:yours")))
    remove(world.alex, world.sam)
    assert yours in text(client_for(world.sam).get(reverse("households:start")))


@time_machine.travel(NOW, tick=False)
def test_a_review_given_without_answers_is_shown_in_its_week_and_goes_with_all(world):
    with time_machine.travel(NOW - dt.timedelta(weeks=1), tick=False):
        agreement = add_agreement(member=world.alex, text="Alex-takes-the-2am-feed")
    review_agreement(member=world.sam, agreement=agreement, outcome="not_kept", now=NOW)
    sam = client_for(world.sam)
    page = words(sam.get(reverse("checkins:yours")))
    assert "Week of 16 Nov to 22 Nov" in page and "“Alex-takes-the-2am-feed”: not kept" in page
    assert "Delete these answers" not in page and "Delete all your answers" in page
    assert "This deletes 1 review of an agreement, from Alex and Sam" in words(
        sam.get(reverse("checkins:yours_delete_all"))
    )
    sam.post(reverse("checkins:yours_delete_all"), {"confirm": "delete"})
    assert not AgreementReview.objects.exists()
