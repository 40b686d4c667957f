"""The summary for a health visit as a PDF: the same figures and words as the page, one child a page, and
bad choices answered with the form's errors rather than a broken download."""

from __future__ import annotations

import datetime as dt
import io
import re

import time_machine
from pypdf import PdfReader

from twofold.bonding.norms import crying_norm_for_days
from twofold.care.services import log_care_event
from twofold.conftest import client_for, page_text
from twofold.health import words
from twofold.health.forms import TOO_LONG, UNTIL_BEFORE_SINCE
from twofold.health.tests.conftest import NOW, at
from twofold.households.services import add_child

PAGE, PDF = "/health/summary/", "/health/summary.pdf"
PERIOD = {"since": "2027-02-01", "until": "2027-02-02"}


def pages_of(response) -> list[str]:
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    # Extracted text keeps each table row on a line of its own; spaces are squeezed for comparing.
    return [
        re.sub(r"[ \t]+", " ", page.extract_text()) for page in PdfReader(io.BytesIO(response.content)).pages
    ]


def test_the_pdf_has_the_hand_counted_figures_on_one_page(world, two_days):
    with time_machine.travel(NOW, tick=False):
        response = client_for(world.alex).get(PDF, PERIOD)
    assert (
        response["Content-Disposition"]
        == 'attachment; filename="twofold-summary-2027-02-01-to-2027-02-02.pdf"'
    )
    [text] = pages_of(response)
    assert "Ada, 4 weeks old (born 1 January 2027)" in text
    assert "Mon 1 Feb 2 120 ml 25 min 2 1 2 h 00 min 7 h 30 min 40 min 117–133 min" in text
    assert "Tue 2 Feb 1 90 ml – 0 1 6 h 30 min 1 h 00 min – 117–133 min" in text
    assert "1 Feb 2027 4 weeks 3 days Weight 4.1 kg 43rd -0.19" in text
    assert "2 Feb 2027 4 weeks 4 days Head circumference 38.0 cm 87th +1.15" in text
    assert "Reference: UK-WHO growth charts (RCPCH, 2009)." in text
    assert "Tue 2 Feb 16:00: 37.6 °C, armpit" in text
    assert "Tue 2 Feb 09:05: Vitamin D 1 drop (Alex)" in text
    assert "Seemed windy" not in text and "Added by the parents" not in text  # only when chosen


def test_the_pdf_carries_the_chosen_notes_and_the_parents_words(world, two_days):
    with time_machine.travel(NOW, tick=False):
        response = client_for(world.alex).get(
            PDF, {**PERIOD, "notes": [two_days.pk], "add": "Tired but fine."}
        )
    [text] = pages_of(response)
    assert "Mon 1 Feb 19:00: Seemed windy after feeds" in text and "Fed well" not in text
    assert "Added by the parents" in text and "Tired but fine." in text


def test_the_page_says_what_the_pdf_says(world, two_days):
    with time_machine.travel(NOW, tick=False):
        alex = client_for(world.alex)
        page = page_text(alex.get(PAGE, PERIOD))
        empty = page_text(alex.get(PAGE, {"since": "2027-02-03", "until": "2027-02-03"}))
    source = crying_norm_for_days(31).source
    for sentence in (
        words.FROM_TWOFOLD,
        words.DAY_IS,
        words.TYPICAL_CRYING.format(source=source),
        words.CENTILE_IS,
        words.CHART_SHOWS.format(last="2 February 2027"),
    ):
        assert sentence in page, sentence
    assert words.NO_MEASUREMENT in empty
    headings = re.findall(r'<th scope="col">(.*?)</th>', page)
    assert tuple(headings) == words.DAY_HEADINGS + words.GROWTH_HEADINGS


def test_the_page_links_to_the_pdf_of_the_same_choices(world, two_days):
    with time_machine.travel(NOW, tick=False):
        page = page_text(client_for(world.alex).get(PAGE, PERIOD))
    assert f'href="{PDF}?since=2027-02-01&amp;until=2027-02-02">Download PDF</a>' in page.replace(
        "&", "&amp;"
    )


def test_bad_choices_get_the_form_and_its_errors_not_a_pdf(world):
    with time_machine.travel(NOW, tick=False):
        alex = client_for(world.alex)
        cases = {
            UNTIL_BEFORE_SINCE: {"since": "2027-02-02", "until": "2027-02-01"},
            TOO_LONG: {"since": "2025-02-02", "until": "2027-02-01"},
            "Enter a valid date.": {"since": "2027-02-30", "until": "2027-03-01"},
        }
        for message, choices in cases.items():
            response = alex.get(PDF, choices)
            assert response.status_code == 400 and response["Content-Type"].startswith("text/html")
            assert message in page_text(response)


def test_parents_only_and_never_another_households_child(world):
    with time_machine.travel(NOW, tick=False):
        assert client_for(world.pat).get(PDF).status_code == 404
        assert client_for(world.alex).get(PDF, {"child": world.bo.pk}).status_code == 400
        [text] = pages_of(client_for(world.robin).get(PDF))
    assert text.startswith(words.FROM_TWOFOLD) and "Bo, " in text and "Ada" not in text


def test_twins_get_a_page_each_and_one_child_can_be_chosen(world, two_days):
    with time_machine.travel(NOW, tick=False):
        cy = add_child(member=world.alex, name="Cy", birth_date=dt.date(2027, 1, 1), feeding_method="formula")
        log_care_event(member=world.sam, child=cy, kind="nappy", start=at(2, 7), details={"contents": "wet"})
        alex = client_for(world.alex)
        ada_page, cy_page = pages_of(alex.get(PDF, PERIOD))
        [only_cy] = pages_of(alex.get(PDF, {**PERIOD, "child": str(cy.pk)}))
    assert "Ada, 4 weeks old" in ada_page and "Cy" not in ada_page
    assert "Cy, 4 weeks old" in cy_page and "Tue 2 Feb 0 – – 1 0" in cy_page
    assert "Centiles need" not in cy_page  # Cy has no measurements: nothing to ask for
    assert only_cy == cy_page


def a_month_of_readings_and_doses(world, hours) -> list[str]:
    """A reading at each of `hours` every day of January, and a dose with a long label: more than the first
    page has room for under the days and the chart. The PDF's pages."""
    with time_machine.travel(NOW, tick=False):
        for day in range(1, 28):
            for hour in hours:
                log_care_event(
                    member=world.alex,
                    child=world.ada,
                    kind="temperature",
                    start=dt.datetime(2027, 1, day, hour, 0, tzinfo=dt.UTC),
                    details={"celsius": "37.2", "method": "armpit"},
                )
            log_care_event(
                member=world.sam,
                child=world.ada,
                kind="medicine",
                start=dt.datetime(2027, 1, day, 9, 30, tzinfo=dt.UTC),
                details={"name": "Paracetamol", "dose": "2.5 ml, as the nurse advised us"},
            )
        return pages_of(client_for(world.alex).get(PDF, {"since": "2027-01-01", "until": "2027-01-27"}))


def test_lists_that_do_not_fit_under_the_chart_go_to_the_next_page_side_by_side(world):
    pages = a_month_of_readings_and_doses(world, hours=(8, 20))

    [lists] = [text for text in pages if "Medicines given" in text]
    assert "Temperatures" in lists
    assert lists.count("(Sam)") == 27 and lists.count("37.2 °C") == 54


def test_lists_longer_than_a_page_follow_one_another_and_no_line_is_split(world):
    pages = a_month_of_readings_and_doses(world, hours=(8, 14, 20))

    assert sum(text.count("37.2 °C") for text in pages) == 81
    whole = "\n".join(pages)
    assert whole.index("Temperatures") < whole.index("Medicines given")
    assert whole.count("as the nurse advised us (Sam)") == 27  # at the whole width: no dose wraps
