"""The intake pages, as a parent meets them: writing, what Twofold heard, safety first, where to start,
writing again, deleting; and nobody but the author ever sees a writing."""

from __future__ import annotations

import datetime as dt

import time_machine

from twofold.conftest import client_for, page_text
from twofold.households.models import Household
from twofold.intake.models import Writing
from twofold.intake.said import HARD_FEELINGS, NOT_AN_ASSESSMENT

NOW = dt.datetime(2026, 11, 18, 20, 30, tzinfo=dt.UTC)

STORY = (
    "My partner will not hold the baby. Every time I pass her over he hands her straight back and goes "
    "upstairs.\n\n"
    "He says the baby is ruining our lives. He's on antidepressants but nothing seems different.\n\n"
    "I don't know what to do. I love her so much and I am doing all the night feeds."
)


def write(member, text):
    return client_for(member).post("/intake/", {"text": text})


@time_machine.travel(NOW, tick=False)
def test_the_done_when_story(world):
    response = write(world.alex, STORY)
    writing = Writing.objects.get(author=world.alex)
    assert response.status_code == 302 and response["Location"] == f"/intake/{writing.pk}/"

    page = page_text(client_for(world.alex).get(response["Location"]))
    # The words that made it think so, highlighted.
    assert "<mark>will not hold the baby</mark>" in page
    assert "<mark>ruining our lives</mark>" in page
    # Hard feelings about the baby: taken seriously without alarm, professional soon, the coping card.
    assert HARD_FEELINGS in page
    assert page.index(HARD_FEELINGS) < page.index("What it heard")
    assert 'href="/bonding/coping/"' in page
    assert 'id="safety"' not in page  # no words about harm: no emergency section
    # Where to start: a bonding plan and the check-in, each one tap away.
    steps = page[page.index('id="steps"') :]
    assert 'href="/bonding/"' in steps and 'href="/checkin/"' in steps
    assert NOT_AN_ASSESSMENT in page


@time_machine.travel(NOW, tick=False)
def test_words_about_harming_the_baby_put_the_safety_section_and_coping_card_first(world):
    write(world.alex, "When she screams for hours I feel like I could shake her.")
    page = page_text(client_for(world.alex).get(f"/intake/{Writing.objects.get().pk}/"))
    assert page.index('id="safety"') < page.index('id="coping"') < page.index("What it heard")
    assert "999" in page  # the household's country (GB): the same lines the wellbeing results show
    assert "Samaritans" in page


@time_machine.travel(NOW, tick=False)
def test_a_us_household_gets_its_own_lines(world):
    client_for(world.robin).post("/intake/", {"text": "I don't want to be here anymore."})
    page = page_text(client_for(world.robin).get(f"/intake/{Writing.objects.get().pk}/"))
    assert "988" in page and "911" in page


@time_machine.travel(NOW, tick=False)
def test_a_plainly_negated_safety_word_still_shows_the_lines_gently(world):
    write(world.alex, "I'm not suicidal, I just need some sleep.")
    page = page_text(client_for(world.alex).get(f"/intake/{Writing.objects.get().pk}/"))
    assert 'id="gentle-safety"' in page and 'id="safety"' not in page


@time_machine.travel(NOW, tick=False)
def test_an_empty_or_overlong_writing_is_refused_and_nothing_is_kept(world):
    response = write(world.alex, "   ")
    assert response.status_code == 400
    assert "Write a few words first" in page_text(response)
    response = write(world.alex, "x" * 20_001)
    assert response.status_code == 400
    assert "more than 20000 characters" in page_text(response)
    assert not Writing.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_sealed_at_rest(world):
    write(world.alex, "I am so exhausted.")
    assert "exhausted" not in Writing.objects.get().sealed_text


@time_machine.travel(NOW, tick=False)
def test_only_the_author_sees_or_deletes_a_writing(world):
    write(world.alex, "I am so exhausted.")
    writing = Writing.objects.get()
    for other in (world.sam, world.pat, world.robin):
        assert client_for(other).get(f"/intake/{writing.pk}/").status_code == 404
        assert client_for(other).post(f"/intake/{writing.pk}/delete/").status_code == 404
        assert "exhausted" not in page_text(client_for(other).get("/intake/"))
    assert Writing.objects.exists()
    response = client_for(world.alex).post(f"/intake/{writing.pk}/delete/")
    assert response.status_code == 302
    assert not Writing.objects.exists()


def test_writing_again_shows_how_it_changed_by_situation_without_quoting(world):
    with time_machine.travel(NOW - dt.timedelta(days=7), tick=False):
        write(world.alex, "I'm exhausted and he does nothing.")
    with time_machine.travel(NOW, tick=False):
        write(world.alex, "Things are getting better, and we had a good night.")
        page = page_text(client_for(world.alex).get("/intake/"))
    table = page[page.index('id="over-time"') :]
    assert 'data-key="sleep_deprivation"' in table and 'data-key="things_improving"' in table
    assert "exhausted" not in table and "he does nothing" not in table


OFFER = 'class="button primary" href="/intake/"'


def test_today_links_parents_to_it_and_offers_it_once_to_a_new_household(world):
    Household.objects.filter(pk=world.alex.household_id).update(created_at=NOW - dt.timedelta(days=2))
    with time_machine.travel(NOW, tick=False):
        assert OFFER in page_text(client_for(world.alex).get("/"))
        assert 'href="/intake/"' not in page_text(client_for(world.pat).get("/"))  # helpers: not theirs
        # Sam says "not now": the offer is not made again, the line stays.
        assert client_for(world.sam).post("/intake/not-now/").status_code == 302
        sams = page_text(client_for(world.sam).get("/"))
        assert OFFER not in sams and 'href="/intake/"' in sams
        # Alex writes: the offer has done its work.
        write(world.alex, "Fine.")
        assert OFFER not in page_text(client_for(world.alex).get("/"))
    # Robin's household is months old: the line, never the offer.
    with time_machine.travel(NOW, tick=False):
        robins = page_text(client_for(world.robin).get("/"))
    assert OFFER not in robins and 'href="/intake/"' in robins


def test_a_helper_has_no_intake_page(world):
    assert client_for(world.pat).get("/intake/").status_code == 404
