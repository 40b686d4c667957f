"""The period's growth is remembered between requests: only ever for exactly the same inputs."""

import datetime as dt

from twofold.growth.period import period_growth
from twofold.growth.selectors import Measured
from twofold.households.models import Child, Household
from twofold.households.units import METRIC

BORN = dt.date(2026, 9, 1)
FIRST, LAST = dt.date(2026, 11, 20), dt.date(2026, 12, 3)


def _child(sex: str = "female") -> Child:
    household = Household(name="Test", country="GB", time_zone="Europe/London")
    child = Child(pk=7, name="Ada", birth_date=BORN, sex=sex)
    child.household = household
    return child


def _weighed(*grams: int) -> list[Measured]:
    start = dt.datetime(2026, 11, 21, 10, tzinfo=dt.UTC)
    return [Measured(n + 1, "weight", start + dt.timedelta(days=n), g, "Sam") for n, g in enumerate(grams)]


def _growth(child: Child, measured: list[Measured], units=METRIC):
    return period_growth(child=child, measured=measured, first=FIRST, last=LAST, units=units)


def test_the_same_inputs_give_the_remembered_answer():
    assert _growth(_child(), _weighed(5200, 5400)) is _growth(_child(), _weighed(5200, 5400))


def test_a_new_or_changed_weighing_is_placed_afresh():
    before = _growth(_child(), _weighed(5200, 5400))
    added = _growth(_child(), _weighed(5200, 5400, 5600))
    changed = _growth(_child(), _weighed(5200, 5500))
    assert [m.row.value for m in before.measurements] == ["5.2 kg", "5.4 kg"]
    assert [m.row.value for m in added.measurements] == ["5.2 kg", "5.4 kg", "5.6 kg"]
    assert [m.row.value for m in changed.measurements] == ["5.2 kg", "5.5 kg"]


def test_a_change_to_the_child_is_a_new_answer():
    placed = _growth(_child("female"), _weighed(5200))
    unknown = _growth(_child(""), _weighed(5200))
    assert placed.measurements[0].row.centile and not placed.needs_sex
    assert unknown.measurements[0].row.centile == "" and unknown.needs_sex
    other_sex = _growth(_child("male"), _weighed(5200))
    assert other_sex.measurements[0].row.sds != placed.measurements[0].row.sds
