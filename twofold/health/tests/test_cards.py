"""The health cards on Today and Quick log, for every member: a fever in a young baby (red under 3 months,
amber at 3–6 months), the wet-nappy note, and the medicines of the last 24 hours."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest
import time_machine
from django.urls import reverse

from twofold.care.services import log_care_event
from twofold.conftest import client_for
from twofold.health.cards import health_of
from twofold.households.models import Child

# A Tuesday afternoon in London (GMT), no clock change near.
NOW = dt.datetime(2027, 2, 2, 14, 30, tzinfo=dt.UTC)
RED_TEXT = "Under 3 months old with a temperature of 38 °C (100.4 °F) or more."


@pytest.fixture
def at_now():
    with time_machine.travel(NOW, tick=False):
        yield NOW


def aged(child: Child, days: int) -> Child:
    child.birth_date = NOW.date() - dt.timedelta(days=days)
    child.save()
    return child


def temperature(world, celsius, *, child=None, member=None, at=None, method="armpit"):
    return log_care_event(
        member=member or world.alex,
        child=child or world.ada,
        kind="temperature",
        start=at or NOW - dt.timedelta(minutes=5),
        details={"celsius": celsius, "method": method},
    ).event


def today(member) -> str:
    return client_for(member).get(reverse("home:today")).content.decode()


def test_38_2_in_a_6_week_old_shows_the_red_card_to_every_member(world, at_now):
    aged(world.ada, 42)
    temperature(world, "38.2")
    for member in (world.alex, world.sam, world.pat):
        page = today(member)
        assert 'data-fever="red"' in page, member
        assert "Ada: 38.2 °C at 14:25" in page
        assert "Call 999 or go to A&amp;E now." in page
        assert RED_TEXT in page
    assert "data-fever" not in today(world.robin)


def test_the_red_card_shows_at_once_on_the_page_it_was_logged_from(world, at_now):
    aged(world.ada, 42)
    alex = client_for(world.alex)
    response = alex.post(
        reverse("care:log_event", args=["temperature"]),
        {
            "child": world.ada.pk,
            "by": world.alex.pk,
            "d-celsius": "38.2",
            "d-method": "armpit",
            "client_id": str(uuid.uuid4()),
        },
        follow=True,
    )
    page = response.content.decode()
    assert response.redirect_chain[-1][0].startswith(reverse("care:quick_log"))
    assert 'data-fever="red"' in page and RED_TEXT in page


@pytest.mark.parametrize(
    ("days_old", "celsius", "card"),
    [
        (89, "37.9", None),
        (89, "38.0", "red"),
        (90, "38.0", None),
        (90, "38.9", None),
        (90, "39.0", "amber"),
    ],
)
def test_the_cards_edges(world, at_now, days_old, celsius, card):
    aged(world.ada, days_old)
    temperature(world, celsius)
    page = today(world.sam)
    if card is None:
        assert "data-fever" not in page
    else:
        assert f'data-fever="{card}"' in page


def test_the_amber_card_uses_the_red_flags_pages_words(world, at_now):
    aged(world.ada, 120)
    temperature(world, "39.1")
    page = today(world.pat)
    assert "Get medical help as soon as you can." in page
    assert "A temperature of 39 °C or more at 3–6 months" in page


def test_a_fahrenheit_household_enters_and_sees_fahrenheit(world, at_now):
    household = world.alex.household
    household.temperature_unit = "F"
    household.save()
    aged(world.ada, 42)
    response = client_for(world.alex).post(
        reverse("care:log_event", args=["temperature"]),
        {
            "child": world.ada.pk,
            "by": world.alex.pk,
            "d-celsius": "100.4",
            "d-method": "armpit",
            "client_id": str(uuid.uuid4()),
        },
        follow=True,
    )
    assert 'data-fever="red"' in response.content.decode()
    assert "Ada: 100.4 °F" in today(world.sam)


def test_an_american_household_gets_its_own_number_and_the_aap_advice(world, at_now):
    bo = aged(world.bo, 30)
    temperature(world, "38.0", child=bo, member=world.robin, method="rectal")
    page = today(world.robin)
    assert 'data-fever="red"' in page
    assert "Call 911 or go to the emergency department now." in page
    assert "go to A&amp;E now" not in page
    assert "American Academy of Pediatrics" in page
    assert "NHS Wales advises" not in page and "999" not in page


def test_only_a_uk_household_is_told_what_nhs_wales_advises(world, at_now):
    aged(world.ada, 20)
    temperature(world, "38.1")
    assert "NHS Wales advises 999 or A&amp;E under 1 month" in today(world.sam)
    household = world.alex.household
    household.country = "NZ"
    household.save()
    page = today(world.sam)
    assert 'data-fever="red"' in page and RED_TEXT in page
    assert "NHS Wales advises" not in page and "999" not in page
    assert "Call 111 or go to the emergency department now." in page


def test_the_card_stays_a_day_and_a_lower_reading_does_not_hide_it(world, at_now):
    aged(world.ada, 42)
    temperature(world, "38.4", at=NOW - dt.timedelta(hours=23, minutes=59))
    temperature(world, "37.2")
    assert 'data-fever="red"' in today(world.alex)
    with time_machine.travel(NOW + dt.timedelta(minutes=2), tick=False):
        assert "data-fever" not in today(world.alex)


def test_a_deleted_reading_takes_its_card_with_it(world, at_now):
    aged(world.ada, 42)
    event = temperature(world, "38.4")
    event.deleted_at = NOW
    event.save()
    assert "data-fever" not in today(world.alex)


# ---- The wet-nappy note ----


def nappy(world, contents, at, child=None, member=None):
    log_care_event(
        member=member or world.alex,
        child=child or world.ada,
        kind="nappy",
        start=at,
        details={"contents": contents},
    )


def test_no_wet_nappy_for_8_hours_is_noted_in_twofolds_voice(world, at_now):
    aged(world.ada, 30)
    nappy(world, "wet", dt.datetime(2027, 2, 2, 6, 10, tzinfo=dt.UTC))
    nappy(world, "dirty", dt.datetime(2027, 2, 2, 11, 0, tzinfo=dt.UTC))  # not a wet one
    page = today(world.pat)
    assert "Twofold has no wet nappy logged for Ada since 06:10 (8 hours)." in page
    assert "A missed log is the likelier reason." in page
    assert "Call NHS 111 or your GP today" in page


def test_a_wet_nappy_within_8_hours_or_an_older_baby_has_no_note(world, at_now):
    aged(world.ada, 30)
    nappy(world, "both", NOW - dt.timedelta(hours=7, minutes=59))
    assert "data-wet-note" not in today(world.alex)
    aged(world.ada, 90)
    nappy(world, "wet", NOW - dt.timedelta(hours=9))
    assert "data-wet-note" not in today(world.alex)


def test_the_note_says_diaper_in_american_english(world, at_now):
    bo = aged(world.bo, 30)
    nappy(world, "wet", NOW - dt.timedelta(hours=9), child=bo, member=world.robin)
    assert "no wet diaper logged for Bo" in today(world.robin)


# ---- Medicines ----


def dose(world, at, **label):
    log_care_event(
        member=world.alex,
        child=world.ada,
        kind="medicine",
        start=at,
        details={"name": "Paracetamol", "dose": "2.5 ml", **label},
    )


def test_today_shows_the_next_time_the_label_allows_and_the_days_count(world, at_now):
    dose(world, NOW - dt.timedelta(hours=1), min_gap_minutes=240, max_per_24h=4)
    dose(world, NOW - dt.timedelta(hours=6), min_gap_minutes=240, max_per_24h=4)
    page = today(world.pat)
    assert "2 doses in the last 24 hours (the label says at most 4)" in page
    assert "The label allows the next from <b data-next-allowed>17:30</b>." in page
    assert " due" not in page.lower().split("data-medicines")[1]


def test_a_dose_from_yesterday_and_a_next_time_tomorrow_say_so(world, at_now):
    local = NOW.astimezone(world.ada.household.zone)
    late_last_night = (local - dt.timedelta(days=1)).replace(hour=22, minute=40)
    dose(world, late_last_night, min_gap_minutes=24 * 60)
    page = today(world.alex)
    assert "1 dose in the last 24 hours, last at yesterday 22:40." in page
    assert "The label allows the next from <b data-next-allowed>22:40</b>." in page
    dose(world, NOW - dt.timedelta(minutes=5), min_gap_minutes=24 * 60)
    tomorrow = (local - dt.timedelta(minutes=5)).strftime("%H:%M")
    assert f"<b data-next-allowed>tomorrow {tomorrow}</b>" in today(world.alex)


def test_without_a_label_twofold_only_counts(world, at_now):
    dose(world, NOW - dt.timedelta(hours=1))
    page = today(world.alex)
    assert "1 dose in the last 24 hours" in page
    assert "data-next-allowed" not in page


def test_the_cards_read_four_queries_for_all_children(world, at_now, django_assert_num_queries):
    aged(world.ada, 42)
    temperature(world, "38.2")
    children = [world.ada]
    with django_assert_num_queries(4):
        found = health_of(world.alex.household, children, NOW)
    assert found[0].fever is not None


def test_today_shows_the_last_temperature_in_the_households_unit(world, at_now):
    aged(world.ada, 200)
    temperature(world, "37.2", at=NOW - dt.timedelta(days=3), method="ear")
    page = today(world.sam)
    assert "data-last-temperature" in page and "37.2 °C, ear" in page
    household = world.alex.household
    household.temperature_unit = "F"
    household.save()
    assert "99.0 °F, ear" in today(world.sam)
