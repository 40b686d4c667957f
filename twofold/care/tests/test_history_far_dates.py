"""History's date filters at the calendar's ends (0001-01-01, 9999-12-31) say so, never a 500."""

from __future__ import annotations

import pytest
from django.urls import reverse

from twofold.care.history import FAR_DATE
from twofold.conftest import client_for, page_text


@pytest.mark.parametrize(
    "query",
    [
        "date_from=0001-01-01",
        "date_from=9999-12-31",
        "date_to=9999-12-31",
        "date_from=0001-01-01&date_to=9999-12-31",
    ],
)
def test_a_date_at_the_calendars_ends_is_explained(world, query):
    client = client_for(world.alex)
    client.raise_request_exception = False

    response = client.get(reverse("care:history") + "?" + query)

    assert response.status_code == 200
    assert FAR_DATE in page_text(response)


def test_ordinary_dates_still_filter(world):
    response = client_for(world.alex).get(
        reverse("care:history") + "?date_from=2026-01-01&date_to=2026-12-31"
    )

    assert response.status_code == 200
    assert FAR_DATE not in page_text(response)
