"""The household's units and the child's details for the charts, set where parents set them."""

import datetime as dt

from django.urls import reverse

from twofold.conftest import client_for, page_text
from twofold.households.models import Child

SETTINGS = {
    "household-name": "Alex and Sam",
    "household-time_zone": "Europe/London",
    "household-country": "GB",
    "household-locale": "en-GB",
    "household-volume_unit": "ml",
    "household-night_start": "22:00",
    "household-night_end": "07:00",
}


def test_a_parent_chooses_pounds_and_inches_and_a_form_without_them_keeps_them(world):
    alex = client_for(world.alex)
    assert "Show weights in" in page_text(alex.get(reverse("households:settings")))
    chosen = alex.post(
        reverse("households:edit"), SETTINGS | {"household-mass_unit": "lb_oz", "household-length_unit": "in"}
    )
    assert chosen.status_code == 302
    world.alex.household.refresh_from_db()
    assert (world.alex.household.mass_unit, world.alex.household.length_unit) == ("lb_oz", "in")
    alex.post(reverse("households:edit"), SETTINGS)
    world.alex.household.refresh_from_db()
    assert (world.alex.household.mass_unit, world.alex.household.length_unit) == ("lb_oz", "in")


def child_form(**fields):
    return {"name": "Kit", "birth_date": "2026-11-20", "feeding_method": "mixed", **fields}


def test_a_child_is_added_with_sex_for_the_charts_and_gestation_at_birth(world):
    page = page_text(client_for(world.alex).get(reverse("households:child_add")))
    assert "Sex, for the growth charts only" in page
    added = client_for(world.alex).post(
        reverse("households:child_add"), child_form(sex="male", gestation_weeks="34", gestation_days="5")
    )
    assert added.status_code == 302, page_text(added)[:3000]
    kit = Child.objects.get(name="Kit")
    assert (kit.birth_date, kit.sex, kit.gestation_weeks, kit.gestation_days) == (
        dt.date(2026, 11, 20),
        "male",
        34,
        5,
    )


def test_days_without_weeks_and_gestations_off_the_charts_are_refused_with_what_to_do(world):
    alex = client_for(world.alex)
    days_only = alex.post(reverse("households:child_add"), child_form(gestation_days="3"))
    assert days_only.status_code == 400 and "Give the weeks too" in page_text(days_only)
    too_early = alex.post(reverse("households:child_add"), child_form(gestation_weeks="21"))
    assert too_early.status_code == 400 and "starts at 22 weeks" in page_text(too_early)
    too_many_days = alex.post(
        reverse("households:child_add"), child_form(gestation_weeks="30", gestation_days="7")
    )
    assert too_many_days.status_code == 400 and "Days go from 0 to 6" in page_text(too_many_days)
    assert not Child.objects.filter(name="Kit").exists()
