"""The check-in page asked for a week at the calendar's ends says so and shows the open check-in."""

from __future__ import annotations

import pytest
from django.urls import reverse

from twofold.conftest import client_for
from twofold.conftest import page_text as text
from twofold.insights.periods import FIRST_WEEK_YEAR, LAST_WEEK_YEAR


@pytest.mark.parametrize("week", ["0001-W01", "9999-W52"])
def test_a_far_week_is_explained_not_a_500(world, week):
    client = client_for(world.alex)
    client.raise_request_exception = False

    response = client.get(reverse("checkins:home") + f"?week={week}")

    assert response.status_code in {200, 400}
    assert f"between {FIRST_WEEK_YEAR} and {LAST_WEEK_YEAR}" in text(response)
