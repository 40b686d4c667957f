"""The summary for a health visit says nothing of the parents' mood or check-ins (issue 15, point 5): not on
the page, not in the PDF, even after both parents have answered and the week is revealed. It lives here, on
no floor, because check-ins and health are apps on one floor and neither may import the other."""

from __future__ import annotations

import io

import time_machine
from pypdf import PdfReader

from twofold.checkins.services import submit_checkin
from twofold.checkins.tests.helpers import ALEX_ANSWERS, NOW, SAM_ANSWERS
from twofold.conftest import client_for, page_text


def test_check_in_answers_are_in_neither_the_page_nor_the_pdf(world):
    with time_machine.travel(NOW, tick=False):
        submit_checkin(member=world.alex, answers=ALEX_ANSWERS, now=NOW)
        checkin = submit_checkin(member=world.sam, answers=SAM_ANSWERS, now=NOW)
        assert checkin.revealed_at is not None
        sam = client_for(world.sam)
        page = page_text(sam.get("/health/summary/"))
        pdf = sam.get("/health/summary.pdf")
    printed = page.split('class="card summary-page"')[1]
    text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.content)).pages)
    assert "Ada, " in printed and "Ada, " in text
    for words in (printed, text):
        for answer in (
            "Alex-needs-one-lie-in",
            "Sam-appreciates-the-night-feeds",
            "Alex-appreciates-the-bath",
        ):
            assert answer not in words
        assert "mood" not in words.lower() and "check-in" not in words.lower()
