"""The demo baby grows along one centile line, weighed weekly and measured monthly."""

import datetime as dt

import pytest
import time_machine
from django.urls import reverse

from twofold.conftest import client_for, page_text
from twofold.growth.ages import chart_age
from twofold.growth.centiles import place
from twofold.growth.selectors import measurements
from twofold.home.demo import create_demo_household

NOW = dt.datetime(2027, 3, 28, 9, 0, tzinfo=dt.UTC)


@pytest.mark.django_db
@time_machine.travel(NOW, tick=False)
def test_the_demo_baby_grows_along_a_centile_and_its_page_says_nothing_of_crossing():
    demo = create_demo_household(weeks=20)
    child = demo.children[0]
    child.refresh_from_db()
    assert child.sex == "female"
    found = measurements(child=child)
    assert {m.kind for m in found} == {"weight", "length", "head"}
    assert sum(m.kind == "weight" for m in found) >= 19
    for m in found:
        age = chart_age(child.birth_date, None, m.at.astimezone(demo.household.zone).date())
        placing = place(reference="uk-who", kind=m.kind, stored=m.stored, sex="female", age_years=age.years)
        assert placing is not None and placing.sds == pytest.approx(0.3, abs=0.05)
    sam = demo.members["sam"]
    text = page_text(client_for(sam).get(reverse("growth:growth")))
    assert "worth showing" not in text
    assert "62nd" in text
