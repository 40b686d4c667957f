"""A shared result shown to another parent is noted in both their Activity: on its page, in the wellbeing
page's "Shared with you" list and over the API, at most once per viewer, result and household-local day."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from cryptography.fernet import Fernet
from django.urls import reverse
from rest_framework.test import APIClient

from twofold.audit.models import Action, AuditEntry
from twofold.conftest import client_for
from twofold.households.models import Member
from twofold.wellbeing import services
from twofold.wellbeing.instruments import PHQ9
from twofold.wellbeing.models import Screening
from twofold.wellbeing.tests.answers import answers_scoring
from twofold.wellbeing.viewing import viewed_key

UTC = dt.UTC
FINISHED = dt.datetime(2026, 12, 3, 10, 0, tzinfo=UTC)
LATER = dt.datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
API = "/api/v1/wellbeing/screenings/"


def joined_before(world, when: dt.datetime) -> None:
    """The parents were there before the result was shared, whatever today's date: a result shared before
    a parent joined is not theirs to see until the sharer says so (test_earlier_results.py)."""
    Member.objects.filter(household_id=world.alex.household_id).update(joined_at=when - dt.timedelta(days=30))
    for member in (world.alex, world.sam, world.pat):
        member.refresh_from_db()


@pytest.fixture
def clock(world):
    joined_before(world, FINISHED)
    with time_machine.travel(LATER, tick=False) as traveller:
        yield traveller


def take_phq9(member, *, shared: bool) -> Screening:
    screening = services.start_screening(member=member, instrument="phq9")
    for item, position in answers_scoring(PHQ9, {1: 1}).items():
        services.record_answer(member=member, screening=screening, item=item, position=position)
    finished = services.finish_screening(member=member, screening=screening, now=FINISHED).screening
    services.share_screening(member=member, screening=finished, shared=shared)
    return finished


def result_url(screening: Screening) -> str:
    return reverse("wellbeing:result", kwargs={"screening_id": screening.pk})


def api_for(member) -> APIClient:
    client = APIClient()
    client.force_authenticate(member.user)
    return client


def viewed() -> list[AuditEntry]:
    return list(AuditEntry.objects.filter(action=Action.SCREENING_VIEWED).order_by("id"))


def test_the_other_parent_opening_a_shared_result_is_noted_for_both(world, clock):
    shared = take_phq9(world.alex, shared=True)

    response = client_for(world.sam).get(result_url(shared))

    assert response.status_code == 200
    [entry] = viewed()
    assert (entry.actor, entry.actor_name) == (world.sam.user, "Sam")
    assert (entry.about, entry.about_name) == (world.alex.user, "Alex")
    assert entry.detail == "PHQ-9 result of 3 Dec"
    assert entry.household == world.alex.household
    assert entry.at == LATER
    assert set(entry.concerns.all()) == {world.alex.user, world.sam.user}


def test_the_owner_looking_at_their_own_result_notes_nothing(world, clock):
    mine = take_phq9(world.alex, shared=True)
    client = client_for(world.alex)

    assert client.get(result_url(mine)).status_code == 200
    assert client.get(reverse("wellbeing:home")).status_code == 200
    assert api_for(world.alex).get(f"{API}{mine.pk}/").status_code == 200
    assert api_for(world.alex).get(API).status_code == 200
    assert viewed() == []


def test_a_result_not_shared_is_not_shown_and_so_not_noted(world, clock):
    private = take_phq9(world.alex, shared=False)

    assert client_for(world.sam).get(result_url(private)).status_code == 404
    assert api_for(world.sam).get(f"{API}{private.pk}/").status_code == 404
    assert client_for(world.robin).get(result_url(private)).status_code == 404
    assert viewed() == []


def test_a_reload_the_same_day_adds_nothing_and_the_next_day_adds_one(world, clock):
    shared = take_phq9(world.alex, shared=True)
    sam = client_for(world.sam)

    for _ in range(3):
        sam.get(result_url(shared))
    sam.get(reverse("wellbeing:home"))
    api_for(world.sam).get(API)
    api_for(world.sam).get(f"{API}{shared.pk}/")
    assert len(viewed()) == 1

    clock.move_to(LATER + dt.timedelta(days=1))
    sam.get(result_url(shared))
    sam.get(result_url(shared))

    assert [entry.at for entry in viewed()] == [LATER, LATER + dt.timedelta(days=1)]


def test_the_day_is_the_households_own(world):
    """Half past midnight in London in summer is still the evening before in UTC: a new local day."""
    evening = dt.datetime(2027, 6, 1, 22, 0, tzinfo=UTC)  # 23:00 in London, 1 June
    joined_before(world, evening)
    with time_machine.travel(evening, tick=False) as clock:
        shared = take_phq9(world.alex, shared=True)
        sam = client_for(world.sam)
        sam.get(result_url(shared))
        clock.move_to(evening + dt.timedelta(minutes=90))  # 00:30 in London, 2 June; still 1 June in UTC
        sam.get(result_url(shared))

    assert [entry.at for entry in viewed()] == [evening, evening + dt.timedelta(minutes=90)]


def test_the_shared_with_you_list_notes_each_result_it_shows(world, clock):
    first, second = take_phq9(world.alex, shared=True), take_phq9(world.alex, shared=True)
    take_phq9(world.alex, shared=False)

    client_for(world.sam).get(reverse("wellbeing:home"))

    keys = {entry.once_key for entry in viewed()}
    sam, day = world.sam.user_id, LATER.date()
    assert keys == {viewed_key(screening_id=s.pk, viewer_id=sam, day=day) for s in (first, second)}


def test_the_api_list_and_detail_note_what_they_return(world, clock):
    shared = take_phq9(world.alex, shared=True)

    listed = api_for(world.sam).get(API).json()["results"]
    assert [row["id"] for row in listed] == [shared.pk]
    [entry] = viewed()
    assert (entry.actor_name, entry.about_name, entry.detail) == ("Sam", "Alex", "PHQ-9 result of 3 Dec")

    clock.move_to(LATER + dt.timedelta(days=1))
    api_for(world.sam).get(f"{API}{shared.pk}/")
    assert len(viewed()) == 2


def test_a_helper_is_never_shown_a_result_so_nothing_is_noted(world, clock):
    shared = take_phq9(world.alex, shared=True)

    assert client_for(world.pat).get(result_url(shared)).status_code == 404
    assert api_for(world.pat).get(API).json()["results"] == []
    assert viewed() == []


def test_a_result_no_key_opens_shows_nothing_of_it_and_so_is_not_noted(world, clock):
    unreadable = take_phq9(world.alex, shared=True)
    other = Fernet(Fernet.generate_key())
    unreadable.sealed_answers = other.encrypt(b'{"1": 1}').decode()
    unreadable.sealed_result = other.encrypt(b'{"total": 2}').decode()
    unreadable.save(update_fields=["sealed_answers", "sealed_result"])
    sam = client_for(world.sam)

    assert sam.get(result_url(unreadable)).status_code == 200  # the page saying what happened
    sam.get(reverse("wellbeing:home"))
    api_for(world.sam).get(API)
    api_for(world.sam).get(f"{API}{unreadable.pk}/")

    assert viewed() == []
