"""Weights, lengths and heads in the summary for a health visit: the period's, with centile and SDS as
rcpchgrowth gives them, and the weight chart from birth (EVIDENCE.md §9.2)."""

from __future__ import annotations

import datetime as dt
import re

import time_machine
from rcpchgrowth import Measurement

from twofold.conftest import client_for, page_text
from twofold.health.tests.conftest import NOW
from twofold.households.models import Child, Household

URL = "/health/summary/"
PERIOD = {"since": "2027-02-01", "until": "2027-02-02"}


def growth_rows(page: str) -> list[list[str]]:
    body = page.split('class="summary-growth"')[1].split("</tbody>")[0]
    return [
        [re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row)]
        for row in re.findall(r"<tr>(.*?)</tr>", body.split("<tbody>")[1], re.S)
    ]


def libraries(on: dt.date, method: str, value: float) -> dict:
    return Measurement(
        birth_date=dt.date(2027, 1, 1),
        observation_date=on,
        measurement_method=method,
        observation_value=value,
        reference="uk-who",
        sex="female",
    ).measurement["measurement_calculated_values"]


def test_the_periods_measurements_have_the_libraries_centile_and_sds(world, two_days):
    with time_machine.travel(NOW, tick=False):
        page = page_text(client_for(world.alex).get(URL, PERIOD))
    # 4.1 kg at 31 days: SDS -0.188, 42.5th centile; a 38.0 cm head at 32 days: SDS +1.147, 87.4th (UK-WHO).
    assert growth_rows(page) == [
        ["1 Feb 2027", "4 weeks 3 days", "Weight", "4.1 kg", "43rd", "-0.19"],
        ["2 Feb 2027", "4 weeks 4 days", "Head circumference", "38.0 cm", "87th", "+1.15"],
    ]
    weight = libraries(dt.date(2027, 2, 1), "weight", 4.1)
    assert (round(weight["chronological_centile"]), f"{weight['chronological_sds']:+.2f}") == (43, "-0.19")
    head = libraries(dt.date(2027, 2, 2), "ofc", 38.0)
    assert (round(head["chronological_centile"]), f"{head['chronological_sds']:+.2f}") == (87, "+1.15")


def test_the_chart_shows_every_weight_so_far_and_names_its_reference(world, two_days):
    with time_machine.travel(NOW, tick=False):
        page = page_text(client_for(world.alex).get(URL, PERIOD))
    printed = page.split('class="card summary-page"')[1]
    assert 'Reference: <b class="reference">UK-WHO growth charts (RCPCH, 2009)</b>' in printed
    wide = printed.split('class="chart-pair"')[1].split("</svg>")[0]
    # The weight before the period is on the chart (the line so far) but not in the period's table.
    assert wide.count('<circle class="dot series-0"') == 2
    assert (
        "3.7 kg at 2 weeks" in wide
        and "3.7 kg" not in printed.split('class="summary-growth"')[1].split("</table>")[0]
    )
    assert 'name="reference"' not in printed  # the growth page's chooser is not on a printed page


def test_the_households_units_are_used(world, two_days):
    Household.objects.filter(pk=world.alex.household_id).update(mass_unit="lb_oz", length_unit="in")
    with time_machine.travel(NOW, tick=False):
        page = page_text(client_for(world.alex).get(URL, PERIOD))
    assert [row[3] for row in growth_rows(page)] == ["9 lb 0.6 oz", "15.0 in"]


def test_without_the_childs_sex_the_values_are_there_without_centiles(world, two_days):
    Child.objects.filter(pk=world.ada.pk).update(sex="")
    with time_machine.travel(NOW, tick=False):
        page = page_text(client_for(world.alex).get(URL, PERIOD))
    assert [row[3:] for row in growth_rows(page)] == [["4.1 kg", "–", "–"], ["38.0 cm", "–", "–"]]
    assert "Centiles need Ada’s sex, used for the charts only" in page
    assert 'class="chart-pair"' not in page


def test_a_period_without_measurements_says_so(world, two_days):
    with time_machine.travel(NOW, tick=False):
        page = page_text(client_for(world.alex).get(URL, {"since": "2027-02-03", "until": "2027-02-03"}))
    assert "No weight, length or head circumference logged in these days." in page
    assert 'class="chart-pair"' in page  # the weights so far are still drawn
