"""The weight-change check rests on the chart (two centile spaces, EVIDENCE.md §9.2), not on a figure in
grams: asked when two weighings under a week apart sit two centile spaces or more apart, worded as "please
check"."""

from __future__ import annotations

import datetime as dt

import pytest

from twofold.growth.centiles import TWO_SPACES_SDS
from twofold.growth.checks import CHANGE_WITHIN, Neighbour, big_change, sds_apart
from twofold.growth.rcpch import library
from twofold.households.models import Child, Household

AT = dt.datetime(2026, 12, 3, 10, 0, tzinfo=dt.UTC)
BORN = dt.date(2026, 10, 1)  # 9 weeks on AT


def on_line(sds: float, on: dt.date, sex: str = "female") -> int:
    """Grams on the UK-WHO line at `sds`, at the age on `on`."""
    kg = library().measurement_from_sds(
        reference="uk-who",
        requested_sds=sds,
        measurement_method="weight",
        sex=sex,
        age=(on - BORN).days / 365.25,
    )
    return round(kg * 1000)


def child(sex: str = "female") -> Child:
    return Child(name="Ada", birth_date=BORN, sex=sex, household=Household(name="A", country="GB"))


@pytest.mark.parametrize(("apart", "asked"), [(TWO_SPACES_SDS - 0.01, False), (TWO_SPACES_SDS, True)])
def test_two_centile_spaces_apart_in_under_a_week_is_asked_about(apart, asked):
    other = Neighbour(AT - dt.timedelta(days=3), 5000)
    text = big_change(4100, AT, other, apart, "kg")
    assert bool(text) is asked
    if asked:
        assert text.startswith("This is 0.9 kg less than the weighing 3 days before (5.0 kg)")
        assert "please check the number" in text


def test_a_week_apart_or_off_the_charts_ages_is_not_asked_about():
    assert big_change(3000, AT, Neighbour(AT - CHANGE_WITHIN, 6000), 5.0, "kg") == ""
    assert big_change(3000, AT, Neighbour(AT - dt.timedelta(days=1), 6000), None, "kg") == ""
    assert big_change(3000, AT, None, 5.0, "kg") == ""


def test_the_same_change_in_grams_is_asked_about_only_when_the_chart_says_it_is_far(db):
    # 800 g down in three days at 9 weeks is more than two centile spaces; at two years it is not.
    on = AT.date()
    before = on_line(0.0, on - dt.timedelta(days=3))
    ada = child()
    apart = sds_apart(ada, before - 800, on, Neighbour(AT - dt.timedelta(days=3), before))
    assert apart is not None and apart > TWO_SPACES_SDS
    older = Child(name="Ada", birth_date=BORN - dt.timedelta(days=730), sex="female", household=ada.household)
    apart_older = sds_apart(older, 12_000 - 800, on, Neighbour(AT - dt.timedelta(days=3), 12_000))
    assert apart_older is not None and apart_older < TWO_SPACES_SDS


def test_without_the_childs_sex_the_nearer_of_both_charts_is_used(db):
    on = AT.date()
    then = on - dt.timedelta(days=2)
    other = Neighbour(AT - dt.timedelta(days=2), on_line(0.0, then))
    grams = on_line(-1.5, on)
    by_sex = [sds_apart(child(sex), grams, on, other) for sex in ("female", "male")]
    assert sds_apart(child(""), grams, on, other) == min(by_sex)  # type: ignore[type-var]
