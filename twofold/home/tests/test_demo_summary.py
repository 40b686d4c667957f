"""The demo household's 14-day summary for a health visit, as a PDF: one page per child, for one baby and
for twins (the top floor composes the demo, so the test lives here)."""

from __future__ import annotations

import datetime as dt
import io

import pytest
import time_machine
from django.contrib.auth import get_user_model
from django.test import Client
from pypdf import PdfReader

from twofold.home.demo import create_demo_household

NOW = dt.datetime(2026, 12, 6, 12, 0, tzinfo=dt.UTC)


@pytest.mark.django_db
@pytest.mark.parametrize("children", [1, 2])
def test_the_demos_14_day_summary_is_one_page_per_child(children):
    with time_machine.travel(NOW, tick=False):
        demo = create_demo_household(weeks=20, children=children, now=NOW)
        sam = Client()
        sam.force_login(get_user_model().objects.get(username="sam@demo.twofold"))
        response = sam.get("/health/summary.pdf")
    assert response.status_code == 200
    pages = PdfReader(io.BytesIO(response.content)).pages
    names = {c.name for c in demo.children}
    assert len(pages) == len(names) == children
    shown = set()
    for page in pages:
        text = page.extract_text()
        assert text.startswith("Summary for a health visit, from Twofold")
        assert "Weight, length and head" in text and "Medicines given" in text
        shown.add(text.splitlines()[1].split(",")[0])
    assert shown == names
