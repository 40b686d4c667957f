"""The growth page and the check before saving, as parents meet them: real requests, real database."""

import datetime as dt
import uuid

import time_machine
from django.urls import reverse
from rcpchgrowth import measurement_from_sds

from twofold.care.models import CareEvent
from twofold.care.services import log_care_event
from twofold.conftest import client_for, page_text
from twofold.households.models import Child, Household

NOW = dt.datetime(2026, 12, 3, 14, 0, tzinfo=dt.UTC)
GROWTH = reverse("growth:growth")


def weigh(member, child, grams, at, kind="weight"):
    field = "grams" if kind == "weight" else "mm"
    return log_care_event(
        member=member, child=child, kind=kind, by=member, start=at, details={field: grams}
    ).event


def form(world, child, **details):
    return {
        "child": child.pk,
        "by": world.alex.pk,
        "start": NOW.astimezone(child.household.zone).strftime("%Y-%m-%dT%H:%M"),
        "client_id": str(uuid.uuid4()),
        **{f"d-{k}": v for k, v in details.items()},
    }


@time_machine.travel(NOW, tick=False)
def test_a_parent_logs_a_weight_in_pounds_and_ounces_and_sees_its_centile_on_the_uk_who_chart(world):
    Household.objects.filter(pk=world.alex.household_id).update(mass_unit="lb_oz")
    Child.objects.filter(pk=world.ada.pk).update(sex="female")
    alex = client_for(world.alex)

    asked = alex.get(reverse("care:log_event", args=["weight"])).content.decode()
    assert 'name="d-pounds"' in asked and 'name="d-ounces"' in asked and 'name="d-grams"' not in asked
    logged = alex.post(
        reverse("care:log_event", args=["weight"]), form(world, world.ada, pounds="9", ounces="6.4")
    )
    assert logged.status_code == 302, logged.content.decode()[:1500]
    assert CareEvent.objects.get(kind="weight").weight.grams == 4264

    page = alex.get(GROWTH)
    text = page_text(page)
    assert page.status_code == 200
    assert "9 lb 6.4 oz" in text
    assert "UK-WHO growth charts (RCPCH, 2009)" in text
    assert "9 weeks" in text  # Ada, born 1 October, weighed on 3 December
    assert "centile" in text and "th" in text
    html = page.content.decode()
    assert html.count('<svg class="chart') == 2  # for a desktop and for a phone
    assert 'class="centile centile-mid"' in html and "lb</text>" in html
    assert "Weight, 9 lb 6.4 oz" in page_text(alex.get(reverse("care:history")))


@time_machine.travel(NOW, tick=False)
def test_elsewhere_the_chart_is_the_who_standard_and_lengths_can_be_in_inches(world):
    Household.objects.filter(pk=world.robin.household_id).update(length_unit="in")
    Child.objects.filter(pk=world.bo.pk).update(sex="male")
    robin = client_for(world.robin)
    logged = robin.post(
        reverse("care:log_event", args=["length"]), form(world, world.bo, mm="23.5") | {"by": world.robin.pk}
    )
    assert logged.status_code == 302, logged.content.decode()[:1500]
    assert CareEvent.objects.get(kind="length").length.mm == 597

    text = page_text(robin.get(GROWTH, {"kind": "length"}))
    assert "WHO Child Growth Standards" in text and "UK-WHO" not in text
    assert "23.5 in" in text
    assert "CDC" not in text  # a choice only over 2


@time_machine.travel(NOW, tick=False)
def test_without_the_childs_sex_the_page_lists_the_weights_and_says_why_there_are_no_centiles(world):
    weigh(world.alex, world.ada, 5100, NOW - dt.timedelta(days=1))
    page = client_for(world.alex).get(GROWTH)
    text = page_text(page)
    assert "5.1 kg" in text
    assert "for the charts only" in text
    assert "<svg" not in page.content.decode()


@time_machine.travel(NOW, tick=False)
def test_an_empty_page_says_what_to_do(world):
    Child.objects.filter(pk=world.ada.pk).update(sex="female")
    text = page_text(client_for(world.alex).get(GROWTH, {"kind": "head"}))
    assert "No head circumference logged for Ada yet" in text


@time_machine.travel(NOW, tick=False)
def test_a_line_crossing_two_centile_spaces_is_worth_showing_in_the_countrys_words(world):
    for child in (world.ada, world.bo):
        Child.objects.filter(pk=child.pk).update(sex="female", birth_date=dt.date(2026, 6, 1))
    plan = [(dt.date(2026, 7, 1), 4500), (dt.date(2026, 9, 1), 6000), (dt.date(2026, 12, 1), 6100)]
    for member, child in ((world.alex, world.ada), (world.robin, world.bo)):
        child.refresh_from_db()
        for day, grams in plan:
            weigh(member, child, grams, dt.datetime.combine(day, dt.time(10), dt.UTC))
    uk = page_text(client_for(world.alex).get(GROWTH))
    us = page_text(client_for(world.robin).get(GROWTH))
    assert "worth showing to your health visitor or doctor" in uk
    assert "worth showing to your baby's doctor or nurse" in us
    for words in ("too small", "too big", "underweight", "overweight", "normal", "concern"):
        assert words not in uk.lower()


@time_machine.travel(NOW, tick=False)
def test_a_steady_line_says_nothing_about_it(world):
    Child.objects.filter(pk=world.ada.pk).update(sex="female")
    for age_days, sds in ((14, 0.4), (35, 0.5), (62, 0.2)):
        kg = measurement_from_sds(
            reference="uk-who",
            requested_sds=sds,
            measurement_method="weight",
            sex="female",
            age=age_days / 365.25,
        )
        at = dt.datetime.combine(world.ada.birth_date + dt.timedelta(days=age_days), dt.time(10), dt.UTC)
        weigh(world.alex, world.ada, round(kg * 1000), at)
    assert "worth showing" not in page_text(client_for(world.alex).get(GROWTH))


@time_machine.travel(NOW, tick=False)
def test_a_preterm_babys_ages_are_corrected_and_the_page_says_until_when(world):
    Child.objects.filter(pk=world.ada.pk).update(sex="male", gestation_weeks=33, gestation_days=4)
    weigh(world.alex, world.ada, 3900, NOW - dt.timedelta(hours=2))
    text = page_text(client_for(world.alex).get(GROWTH))
    assert "(corrected)" in text
    assert "Born at 33 weeks and 4 days" in text and "until 1 October 2027" in text


@time_machine.travel(NOW, tick=False)
def test_a_30_kg_newborn_is_asked_about_before_saving_and_saved_once_checked(world):
    Child.objects.filter(pk=world.ada.pk).update(sex="female", birth_date=dt.date(2026, 12, 1))
    alex = client_for(world.alex)
    url = reverse("care:log_event", args=["weight"])
    asked = alex.post(url, form(world, world.ada, grams="30"))
    assert asked.status_code == 400
    assert "far above every line of the growth chart" in page_text(asked)
    assert 'name="d-checked"' in asked.content.decode()
    assert not CareEvent.objects.exists()

    saved = alex.post(url, form(world, world.ada, grams="30", checked="on"))
    assert saved.status_code == 302
    assert CareEvent.objects.get().weight.grams == 30000


@time_machine.travel(NOW, tick=False)
def test_a_2_kg_drop_in_a_day_is_asked_about_with_the_reason(world):
    weigh(world.alex, world.ada, 6000, NOW - dt.timedelta(days=1))
    asked = client_for(world.alex).post(
        reverse("care:log_event", args=["weight"]), form(world, world.ada, grams="4")
    )
    assert asked.status_code == 400
    assert "This is 2.0 kg less than the weighing 1 day before (6.0 kg)" in page_text(asked)
    ordinary = client_for(world.alex).post(
        reverse("care:log_event", args=["weight"]), form(world, world.ada, grams="6.05")
    )
    assert ordinary.status_code == 302


@time_machine.travel(NOW, tick=False)
def test_a_head_circumference_off_every_chart_is_asked_about(world):
    Child.objects.filter(pk=world.ada.pk).update(sex="male")
    asked = client_for(world.alex).post(
        reverse("care:log_event", args=["head"]), form(world, world.ada, mm="60")
    )
    assert asked.status_code == 400
    assert "This head circumference is far above every line" in page_text(asked)


@time_machine.travel(NOW, tick=False)
def test_a_length_the_table_refuses_gets_its_message_not_a_box_to_save_it_anyway(world):
    Child.objects.filter(pk=world.ada.pk).update(sex="male")
    refused = client_for(world.alex).post(
        reverse("care:log_event", args=["length"]), form(world, world.ada, mm="5", checked="")
    )
    assert refused.status_code == 400
    assert "A length under 20 cm (8 in) is not plausible" in page_text(refused)
    assert "far below every line" not in page_text(refused)
    assert 'name="d-checked"' not in refused.content.decode()
    assert not CareEvent.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_editing_a_weight_into_a_slip_is_asked_about_too(world):
    event = weigh(world.alex, world.ada, 5000, NOW - dt.timedelta(days=2))
    weigh(world.alex, world.ada, 5100, NOW - dt.timedelta(days=1))
    at = (NOW - dt.timedelta(days=2)).astimezone(world.ada.household.zone).strftime("%Y-%m-%dT%H:%M")
    edited = client_for(world.alex).post(
        reverse("care:event_edit", args=[event.pk]), form(world, world.ada, grams="3.1") | {"start": at}
    )
    assert edited.status_code == 400
    assert "less than the weighing 1 day after" in page_text(edited)


@time_machine.travel(NOW, tick=False)
def test_another_households_child_is_never_shown(world):
    Child.objects.filter(pk=world.bo.pk).update(name="Bartholomew", sex="male")
    weigh(world.robin, world.bo, 7777, NOW - dt.timedelta(days=1))
    text = page_text(client_for(world.alex).get(GROWTH, {"child": world.bo.pk}))
    assert "Growth: Ada" in text
    assert "Bartholomew" not in text and "7.777" not in text


@time_machine.travel(NOW, tick=False)
def test_a_helper_sees_the_growth_page_but_not_the_link_to_change_the_childs_details(world):
    page = client_for(world.pat).get(GROWTH)
    assert page.status_code == 200
    assert "A parent can add it" in page_text(page)


@time_machine.travel(NOW, tick=False)
def test_today_shows_each_childs_last_weight_in_the_households_unit(world):
    Household.objects.filter(pk=world.alex.household_id).update(mass_unit="lb_oz")
    weigh(world.alex, world.ada, 4000, NOW - dt.timedelta(days=3))
    weigh(world.alex, world.ada, 4264, NOW - dt.timedelta(hours=3))
    text = page_text(client_for(world.sam).get(reverse("home:today")))
    assert "Last weight" in text and "9 lb 6.4 oz" in text
    assert "Last weight" not in page_text(client_for(world.robin).get(reverse("home:today")))


@time_machine.travel(NOW, tick=False)
def test_the_export_carries_the_units_the_childs_chart_details_and_each_measurement(world):
    from twofold.care.export import CSV_COLUMNS, log_document

    Household.objects.filter(pk=world.alex.household_id).update(mass_unit="lb_oz", length_unit="in")
    Child.objects.filter(pk=world.ada.pk).update(sex="female", gestation_weeks=35, gestation_days=2)
    weigh(world.alex, world.ada, 545, NOW - dt.timedelta(hours=1), kind="length")
    weigh(world.alex, world.ada, 382, NOW - dt.timedelta(hours=1), kind="head")
    world.alex.household.refresh_from_db()
    document = log_document(world.alex.household)
    assert (document["household"]["mass_unit"], document["household"]["length_unit"]) == ("lb_oz", "in")
    ada = document["children"][0]
    assert (ada["sex"], ada["gestation_weeks"], ada["gestation_days"]) == ("female", 35, 2)
    assert sorted((e["kind"], e["details"]) for e in document["events"]) == [
        ("head", {"mm": 382}),
        ("length", {"mm": 545}),
    ]
    assert {"length_mm", "head_mm"} <= set(CSV_COLUMNS)


def test_measurements_are_in_none_of_the_readings_of_care_work():
    from twofold.care.kinds import Reading, definition, keys_where

    for kind in ("weight", "length", "head"):
        assert not definition(kind).care_work
        assert all(kind not in keys_where(reading=reading) for reading in Reading)


@time_machine.travel(NOW, tick=False)
def test_history_filters_by_each_measurement_in_the_households_units(world):
    Household.objects.filter(pk=world.alex.household_id).update(length_unit="in")
    weigh(world.alex, world.ada, 508, NOW - dt.timedelta(hours=2), kind="length")
    weigh(world.alex, world.ada, 381, NOW - dt.timedelta(hours=1), kind="head")
    text = page_text(client_for(world.alex).get(reverse("care:history"), {"kind": "head"}))
    assert "Head, 15.0 in" in text and "Length, 20.0 in" not in text


@time_machine.travel(NOW, tick=False)
def test_a_saved_measurement_opens_for_editing_in_the_households_units(world):
    Household.objects.filter(pk=world.alex.household_id).update(mass_unit="lb_oz", length_unit="in")
    weight = weigh(world.alex, world.ada, 4264, NOW - dt.timedelta(hours=2))
    length = weigh(world.alex, world.ada, 597, NOW - dt.timedelta(hours=1), kind="length")
    alex = client_for(world.alex)
    weight_page = alex.get(reverse("care:event_edit", args=[weight.pk])).content.decode()
    assert 'name="d-pounds" value="9"' in weight_page and 'name="d-ounces" value="6.4"' in weight_page
    length_page = alex.get(reverse("care:event_edit", args=[length.pk])).content.decode()
    assert 'name="d-mm" value="23.5"' in length_page and "Length (in)" in length_page
