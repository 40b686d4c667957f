"""When a parent is offered a screen on their own Today: the rule over plain values, then the thin wrapper."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from twofold.conftest import client_for
from twofold.households.models import Child
from twofold.wellbeing import services
from twofold.wellbeing.instruments import PHQ9
from twofold.wellbeing.offers import (
    ELEVATED_REASON,
    OFFER_LASTS,
    Offer,
    PastScreen,
    is_elevated,
    offer_for,
    screening_offer,
)
from twofold.wellbeing.tests.answers import answers_for_total, answers_scoring

BIRTH = dt.date(2026, 1, 1)
BABY = ("Ada", BIRTH)


def on(days: int) -> dt.date:
    return BIRTH + dt.timedelta(days=days)


@pytest.mark.parametrize(
    ("days", "age"), [(14, "2 weeks"), (42, "6 weeks"), (91, "3 months"), (182, "6 months")]
)
def test_each_milestone_brings_an_offer_on_the_day_it_is_reached(days, age):
    offer = offer_for(youngest=BABY, screens=[], today=on(days))
    assert offer is not None and f"Ada is {age} old" in offer.reason
    assert offer.instruments == ("phq2", "gad2")


@pytest.mark.parametrize("days", [0, 13, 28, 41, 56, 90, 105, 181, 196, 400])
def test_no_offer_before_a_milestone_or_once_its_two_weeks_are_over(days):
    assert offer_for(youngest=BABY, screens=[], today=on(days)) is None


def test_the_offer_lasts_two_weeks_to_the_day():
    assert offer_for(youngest=BABY, screens=[], today=on(14) + OFFER_LASTS - dt.timedelta(days=1))
    assert offer_for(youngest=BABY, screens=[], today=on(14) + OFFER_LASTS) is None


def test_a_screen_since_the_milestone_began_removes_the_offer():
    done_that_day = [PastScreen(finished_on=on(42), elevated=False)]
    assert offer_for(youngest=BABY, screens=done_that_day, today=on(45)) is None
    done_before = [PastScreen(finished_on=on(41), elevated=False)]
    assert offer_for(youngest=BABY, screens=done_before, today=on(45)) is not None


def test_two_weeks_after_an_elevated_result_another_check_is_offered():
    elevated = [PastScreen(finished_on=on(60), elevated=True)]
    assert offer_for(youngest=BABY, screens=elevated, today=on(73)) is None
    assert offer_for(youngest=BABY, screens=elevated, today=on(74)) == Offer(ELEVATED_REASON)
    assert offer_for(youngest=BABY, screens=elevated, today=on(87)) == Offer(ELEVATED_REASON)
    assert offer_for(youngest=BABY, screens=elevated, today=on(88)) is None


def test_a_later_screen_after_an_elevated_one_ends_that_offer():
    screens = [PastScreen(finished_on=on(60), elevated=True), PastScreen(finished_on=on(70), elevated=False)]
    assert offer_for(youngest=BABY, screens=screens, today=on(75)) is None


def test_a_result_in_the_lowest_band_brings_no_extra_offer():
    assert offer_for(youngest=BABY, screens=[PastScreen(on(60), elevated=False)], today=on(75)) is None


def test_no_child_still_allows_the_offer_after_an_elevated_result():
    screens = [PastScreen(finished_on=on(0), elevated=True)]
    assert offer_for(youngest=None, screens=screens, today=on(14)) == Offer(ELEVATED_REASON)
    assert offer_for(youngest=None, screens=[], today=on(14)) is None


def test_elevated_means_above_the_lowest_band_or_a_self_harm_answer():
    assert not is_elevated(None)
    assert not is_elevated({"severity": 0, "safety_flag": False})
    assert is_elevated({"severity": 1, "safety_flag": False})
    assert is_elevated({"severity": 0, "safety_flag": True})


# The wrapper, with the youngest child and the latest finished screen from the database.


def _take(member, answers):
    screening = services.start_screening(member=member, instrument="phq9")
    for item, position in answers.items():
        services.record_answer(member=member, screening=screening, item=item, position=position)
    return services.finish_screening(member=member, screening=screening)


def _at(date: dt.date) -> dt.datetime:
    return dt.datetime.combine(date, dt.time(12), tzinfo=dt.UTC)


def test_the_wrapper_uses_the_youngest_child_and_only_parents_get_offers(world):
    ivy_born = world.ada.birth_date + dt.timedelta(days=300)
    Child.objects.create(household_id=world.alex.household_id, name="Ivy", birth_date=ivy_born)
    now = _at(ivy_born + dt.timedelta(days=15))
    offer = screening_offer(member=world.sam, now=now)
    assert offer is not None and "Ivy is 2 weeks old" in offer.reason
    assert screening_offer(member=world.pat, now=now) is None


def test_the_wrapper_sees_a_recent_elevated_result(world):
    Child.objects.filter(household_id=world.alex.household_id).delete()
    finished = _take(world.alex, answers_scoring(PHQ9, {9: 1}))
    finished_on = finished.screening.finished_at.date()
    assert screening_offer(member=world.alex, now=_at(finished_on + dt.timedelta(days=15))) == Offer(
        ELEVATED_REASON
    )
    # Sam's own screens are Sam's: Alex's result brings Sam no offer.
    assert screening_offer(member=world.sam, now=_at(finished_on + dt.timedelta(days=15))) is None


def test_the_offer_is_on_the_parents_own_today_and_goes_once_they_check_in(world):
    Child.objects.filter(pk=world.ada.pk).update(birth_date=timezone.localdate() - dt.timedelta(days=15))
    client = client_for(world.sam)
    html = client.get(reverse("home:today")).content.decode()
    assert "Ada is 2 weeks old" in html
    assert reverse("wellbeing:take", kwargs={"instrument": "phq2"}) in html
    assert "Ada is 2 weeks old" not in client_for(world.pat).get(reverse("home:today")).content.decode()

    _take(world.sam, answers_for_total(PHQ9, 2))
    assert "Ada is 2 weeks old" not in client.get(reverse("home:today")).content.decode()
