"""The Activity page: each person sees the entries that concern them, newest first, in names."""

from __future__ import annotations

import datetime as dt

import time_machine
from django.test import Client
from django.urls import reverse

from twofold.audit.models import Action
from twofold.audit.services import record
from twofold.audit.views import NOTHING_YET, PER_PAGE
from twofold.conftest import client_for, page_text
from twofold.households.services import leave_household

URL = reverse("audit:activity")
AT = dt.datetime(2026, 12, 5, 9, 30, tzinfo=dt.UTC)


def client_for_user(user) -> Client:
    """For someone whose member rows are gone with their household."""
    client = Client()
    client.force_login(user)
    return client


def sam_viewed_alexs_result(world):
    return record(
        action=Action.SCREENING_VIEWED,
        actor=world.sam.user,
        actor_name="Sam",
        concerns=[world.alex.user],
        household=world.alex.household,
        detail="EPDS result of 3 Dec",
        about=world.alex.user,
        about_name="Alex",
    )


def test_someone_signed_in_is_needed():
    response = Client().get(URL)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_with_nothing_yet_the_page_says_what_will_appear(world):
    response = client_for(world.alex).get(URL)

    assert response.status_code == 200
    assert NOTHING_YET in page_text(response)


def test_the_owner_and_the_viewer_each_read_it_their_way(world):
    sam_viewed_alexs_result(world)

    alex_reads = page_text(client_for(world.alex).get(URL))
    sam_reads = page_text(client_for(world.sam).get(URL))

    assert "Sam viewed your EPDS result of 3 Dec" in alex_reads
    assert "You viewed Alex's EPDS result of 3 Dec" in sam_reads
    assert NOTHING_YET not in alex_reads


def test_nobody_else_sees_it(world):
    sam_viewed_alexs_result(world)

    for member in (world.pat, world.robin):
        text = page_text(client_for(member).get(URL))
        assert "EPDS" not in text
        assert NOTHING_YET in text


def test_an_entry_about_one_person_is_not_shown_to_the_other_parent(world):
    record(action=Action.TOKEN_MADE, actor=world.alex.user, actor_name="Alex", concerns=[], detail="Tablet")

    assert "You made an app key" in page_text(client_for(world.alex).get(URL))
    assert NOTHING_YET in page_text(client_for(world.sam).get(URL))


def test_newest_first_with_the_time_in_the_households_zone(world):
    with time_machine.travel(AT, tick=False):
        sam_viewed_alexs_result(world)
    with time_machine.travel(AT + dt.timedelta(hours=1), tick=False):
        record(
            action=Action.EXPORT_DOWNLOADED,
            actor=world.alex.user,
            actor_name="Alex",
            concerns=[world.sam.user],
            household=world.alex.household,
        )

    text = page_text(client_for(world.alex).get(URL))

    assert text.index("You downloaded the household export") < text.index("Sam viewed your EPDS")
    assert "5 Dec 2026, 09:30" in text  # London is on UTC in December
    assert "Alex and Sam" in text


def test_an_entry_keeps_its_own_households_time_when_read_from_another(world):
    """Robin, in New York, was once in a London household: that entry shows London's time."""
    with time_machine.travel(AT, tick=False):
        record(
            action=Action.EXPORT_DOWNLOADED,
            actor=world.alex.user,
            actor_name="Alex",
            concerns=[world.robin.user],
            household=world.alex.household,
        )

    text = page_text(client_for(world.robin).get(URL))

    assert "Alex downloaded the household export" in text
    assert "5 Dec 2026, 09:30" in text


def test_entries_stay_after_leaving_the_household(world):
    sam_viewed_alexs_result(world)
    leave_household(member=world.sam)

    response = client_for(world.sam).get(URL)

    assert response.status_code == 200
    assert "You viewed Alex's EPDS result of 3 Dec" in page_text(response)


def test_entries_stay_after_the_household_is_deleted(world):
    sam_viewed_alexs_result(world)
    world.alex.household.delete()

    text = page_text(client_for_user(world.alex.user).get(URL))

    assert "Sam viewed your EPDS result of 3 Dec" in text
    assert "Alex and Sam" in text


def test_a_long_trail_comes_in_pages(world):
    for number in range(PER_PAGE + 1):
        record(
            action=Action.TOKEN_MADE,
            actor=world.alex.user,
            actor_name="Alex",
            concerns=[],
            detail=f"Key {number}",
        )
    client = client_for(world.alex)

    first = page_text(client.get(URL))
    second = page_text(client.get(URL, {"page": 2}))

    assert first.count("You made an app key") == PER_PAGE
    assert f"Key {PER_PAGE}" in first and ">Key 0<" not in first
    assert second.count("You made an app key") == 1 and ">Key 0<" in second
    assert "Older" in first and "Newer" in second


def test_the_account_page_links_to_it(world):
    assert f'href="{URL}"' in client_for(world.alex).get(reverse("accounts:account")).content.decode()
