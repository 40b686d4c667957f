"""The wellbeing pages: taking a questionnaire one question at a time, the result page with its safety
section, sharing, and who may see what."""

from __future__ import annotations

import re

import pytest
from django.contrib import admin
from django.urls import reverse

from twofold.conftest import client_for
from twofold.households.crisis import lines_for
from twofold.wellbeing import services
from twofold.wellbeing.instruments import EPDS_NOT_OFFERED, PHQ9, SAFETY_MESSAGE, SCREEN_NOT_DIAGNOSIS
from twofold.wellbeing.instruments.licensed import EPDS_TEXT_ENV, load_licensed_epds
from twofold.wellbeing.models import Concern, Screening, SharingChoice
from twofold.wellbeing.tests.answers import PLACEHOLDER_EPDS, answers_for_total, answers_scoring
from twofold.wellbeing.views import TALK_THIS_WEEK, TELL_SOMEONE_TODAY


def text(response) -> str:
    return response.content.decode()


def take(member, instrument, answers) -> Screening:
    screening = services.start_screening(member=member, instrument=instrument)
    for item, position in answers.items():
        services.record_answer(member=member, screening=screening, item=item, position=position)
    return services.finish_screening(member=member, screening=screening).screening


def result_url(screening: Screening) -> str:
    return reverse("wellbeing:result", kwargs={"screening_id": screening.pk})


def position_of(html: str, needle: str) -> int:
    index = html.find(needle)
    assert index >= 0, f"{needle!r} is not on the page"
    return index


@pytest.fixture
def epds(monkeypatch):
    monkeypatch.setenv(EPDS_TEXT_ENV, str(PLACEHOLDER_EPDS))
    return load_licensed_epds(PLACEHOLDER_EPDS)


# Taking a questionnaire


def test_taking_the_phq9_one_question_at_a_time(world):
    client = client_for(world.alex)
    response = client.post(reverse("wellbeing:take", kwargs={"instrument": "phq9"}))
    screening = Screening.objects.get(member=world.alex)
    page = reverse("wellbeing:screening", kwargs={"screening_id": screening.pk})
    assert response.status_code == 302 and response["Location"] == page

    for number in range(1, 10):
        html = text(client.get(page))
        assert f"Question {number} of 9" in html
        assert PHQ9.item(number).text in html
        assert "Over the last 2 weeks" in html
        # One question at a time: the next one is not on the page.
        if number < 9:
            assert PHQ9.item(number + 1).text not in html
        assert ("?item=" in html) == (number > 1)
        response = client.post(page, {"item": number, "answer": 1})
        assert response.status_code == 302

    screening.refresh_from_db()
    assert screening.finished_at is not None
    assert response["Location"] == result_url(screening)
    assert "9 out of 27" in text(client.get(result_url(screening)))


def test_leaving_and_coming_back_resumes_at_the_next_question(world):
    client = client_for(world.sam)
    client.post(reverse("wellbeing:take", kwargs={"instrument": "phq9"}))
    screening = Screening.objects.get(member=world.sam)
    page = reverse("wellbeing:screening", kwargs={"screening_id": screening.pk})
    for number in (1, 2, 3):
        client.post(page, {"item": number, "answer": 2})

    # Away to Today, then back through the Wellbeing page: the same screening, at question 4.
    client.get(reverse("home:today"))
    home = text(client.get(reverse("wellbeing:home")))
    assert page in home
    response = client.post(reverse("wellbeing:take", kwargs={"instrument": "phq9"}))
    assert response["Location"] == page
    assert Screening.objects.filter(member=world.sam).count() == 1
    html = text(client.get(page))
    assert "Question 4 of 9" in html and PHQ9.item(4).text in html


def test_back_shows_the_previous_answer_and_changing_it_keeps_the_rest(world):
    client = client_for(world.alex)
    client.post(reverse("wellbeing:take", kwargs={"instrument": "gad7"}))
    screening = Screening.objects.get(member=world.alex)
    page = reverse("wellbeing:screening", kwargs={"screening_id": screening.pk})
    client.post(page, {"item": 1, "answer": 2})
    client.post(page, {"item": 2, "answer": 1})

    back = text(client.get(page + "?item=2"))
    assert "Question 2 of 7" in back
    assert re.search(r'value="1"[^>]*checked', back)
    client.post(page, {"item": 2, "answer": 3})
    assert services.answers_of(Screening.objects.get(pk=screening.pk)) == {1: 2, 2: 3}
    assert "Question 3 of 7" in text(client.get(page))


def test_a_question_sent_without_an_answer_asks_again_kindly(world):
    client = client_for(world.alex)
    client.post(reverse("wellbeing:take", kwargs={"instrument": "phq2"}))
    screening = Screening.objects.get(member=world.alex)
    response = client.post(reverse("wellbeing:screening", kwargs={"screening_id": screening.pk}), {"item": 1})
    assert response.status_code == 200
    assert "Choose the answer closest to how it has been." in text(response)
    assert services.answers_of(Screening.objects.get(pk=screening.pk)) == {}


def test_a_finished_screening_page_goes_to_the_result(world):
    screening = take(world.alex, "phq2", answers_scoring(services.offered_instruments()["phq2"]))
    response = client_for(world.alex).get(
        reverse("wellbeing:screening", kwargs={"screening_id": screening.pk})
    )
    assert response.status_code == 302 and response["Location"] == result_url(screening)


# The result page


def test_a_low_result_ends_with_the_unsafe_line_and_the_countrys_lines(world):
    screening = take(world.alex, "phq9", answers_for_total(PHQ9, 3))
    html = text(client_for(world.alex).get(result_url(screening)))
    gb = lines_for("GB")
    assert 'id="safety"' not in html
    assert "3 out of 27" in html and "None or minimal" in html
    assert SCREEN_NOT_DIAGNOSIS in html
    assert TALK_THIS_WEEK not in html
    unsafe = position_of(html, gb.unsafe_line)
    assert position_of(html, "3 out of 27") < unsafe
    assert "999" in html[unsafe:] and "116 123" in html[unsafe:]
    assert "Pfizer" in html and "LOINC" in html


def test_a_self_harm_answer_with_a_total_of_one_shows_the_safety_section_first(world):
    screening = take(world.alex, "phq9", answers_scoring(PHQ9, {9: 1}))
    html = text(client_for(world.alex).get(result_url(screening)))
    safety = position_of(html, 'id="safety"')
    assert safety < position_of(html, "1 out of 27")
    section = html[safety : position_of(html, 'id="score"')]
    assert "If you are in danger now, call 999" in section
    assert SAFETY_MESSAGE in section
    assert "Samaritans" in section and "116 123" in section
    assert "not a crisis line" in section
    assert TELL_SOMEONE_TODAY in section
    assert lines_for("GB").unsafe_line in html


def test_no_query_parameter_hides_the_safety_section(world):
    screening = take(world.alex, "phq9", answers_scoring(PHQ9, {9: 2}))
    for query in ("?safety=0", "?hide=safety", "?quiet=1"):
        assert 'id="safety"' in text(client_for(world.alex).get(result_url(screening) + query))


def test_a_top_band_result_leads_with_this_week(world):
    screening = take(world.alex, "phq9", answers_for_total(PHQ9, 21))
    html = text(client_for(world.alex).get(result_url(screening)))
    assert 'id="safety"' not in html
    assert position_of(html, TALK_THIS_WEEK) < position_of(html, "21 out of 27")
    assert "Severe" in html


def test_a_top_band_result_with_a_self_harm_answer_puts_safety_before_this_week(world):
    screening = take(world.alex, "phq9", answers_scoring(PHQ9, dict.fromkeys(range(1, 10), 3)))
    html = text(client_for(world.alex).get(result_url(screening)))
    assert (
        position_of(html, 'id="safety"')
        < position_of(html, TALK_THIS_WEEK)
        < position_of(html, "27 out of 27")
    )


def test_a_us_household_sees_988_and_911_not_999(world):
    screening = take(world.robin, "phq9", answers_scoring(PHQ9, {9: 1}))
    html = text(client_for(world.robin).get(result_url(screening)))
    assert "If you are in danger now, call 911" in html
    assert "988" in html
    assert "999" not in html and "116 123" not in html


def test_phq2_at_three_offers_the_phq9_and_not_this_week(world):
    phq2 = services.offered_instruments()["phq2"]
    screening = take(world.sam, "phq2", answers_scoring(phq2, {1: 2, 2: 1}))
    html = text(client_for(world.sam).get(result_url(screening)))
    assert "Answer the PHQ-9 next" in html
    assert reverse("wellbeing:take", kwargs={"instrument": "phq9"}) in html
    assert TALK_THIS_WEEK not in html


def test_gad2_below_three_does_not_offer_the_gad7(world):
    gad2 = services.offered_instruments()["gad2"]
    screening = take(world.sam, "gad2", answers_scoring(gad2, {1: 1, 2: 1}))
    assert "Answer the GAD-7 next" not in text(client_for(world.sam).get(result_url(screening)))


# The EPDS, through the placeholder file


def test_without_a_licence_the_epds_is_not_offered_and_the_page_says_why(world):
    html = text(client_for(world.alex).get(reverse("wellbeing:home")))
    assert EPDS_NOT_OFFERED in html
    assert 'data-take="epds"' not in html
    response = client_for(world.alex).post(reverse("wellbeing:take", kwargs={"instrument": "epds"}))
    assert response.status_code == 404
    assert not Screening.objects.exists()


def test_with_a_licence_the_epds_is_offered(world, epds):
    html = text(client_for(world.alex).get(reverse("wellbeing:home")))
    assert 'data-take="epds"' in html and EPDS_NOT_OFFERED not in html


def test_epds_item_10_above_zero_shows_the_safety_section(world, epds):
    client = client_for(world.alex)
    client.post(reverse("wellbeing:take", kwargs={"instrument": "epds"}))
    screening = Screening.objects.get(member=world.alex)
    page = reverse("wellbeing:screening", kwargs={"screening_id": screening.pk})
    assert "Placeholder question 1" in text(client.get(page))
    answers = answers_scoring(epds, {10: 1})
    for number, position in answers.items():
        response = client.post(page, {"item": number, "answer": position})
    html = text(client.get(response["Location"]))
    assert position_of(html, 'id="safety"') < position_of(html, "1 out of 30")
    assert "Placeholder: made-up text" in html  # the licence line from the file


def test_epds_cutoffs_differ_for_a_parent_who_gave_birth_and_one_who_did_not(world, epds):
    world.sam.gave_birth = False
    world.sam.save(update_fields=["gave_birth"])
    alex = take(world.alex, "epds", answers_for_total(epds, 8))
    sam = take(world.sam, "epds", answers_for_total(epds, 8))
    alex_html = text(client_for(world.alex).get(result_url(alex)))
    sam_html = text(client_for(world.sam).get(result_url(sam)))
    assert "Below the screening lines" in alex_html
    assert "lines for a parent who gave birth" in alex_html
    assert "Some signs of depression" in sam_html
    assert "Parents who did not give birth tend to score lower" in sam_html


# Privacy and sharing


def test_the_other_parent_cannot_open_an_unshared_result(world):
    screening = take(world.alex, "phq9", answers_for_total(PHQ9, 12))
    sam = client_for(world.sam)
    assert sam.get(result_url(screening)).status_code == 404
    home = text(sam.get(reverse("wellbeing:home")))
    assert result_url(screening) not in home and "12 out of 27" not in home


def test_sharing_a_result_shows_it_to_the_other_parent_and_stopping_hides_it(world):
    screening = take(world.alex, "phq9", answers_for_total(PHQ9, 12))
    alex, sam = client_for(world.alex), client_for(world.sam)
    share = reverse("wellbeing:share", kwargs={"screening_id": screening.pk})

    assert "Share this result with Sam" in text(alex.get(result_url(screening)))
    alex.post(share, {"shared": "1"})
    assert Screening.objects.get(pk=screening.pk).shared
    html = text(sam.get(result_url(screening)))
    assert "Alex's PHQ-9 result" in html and "12 out of 27" in html
    assert "Stop sharing" not in html  # only the taker controls sharing
    assert "Alex's PHQ-9" in text(sam.get(reverse("wellbeing:home")))

    alex.post(share, {"shared": "0"})
    assert not Screening.objects.get(pk=screening.pk).shared
    assert sam.get(result_url(screening)).status_code == 404


def test_only_the_taker_can_share_or_answer(world):
    screening = services.start_screening(member=world.alex, instrument="phq9")
    sam = client_for(world.sam)
    assert (
        sam.post(
            reverse("wellbeing:share", kwargs={"screening_id": screening.pk}), {"shared": "1"}
        ).status_code
        == 404
    )
    page = reverse("wellbeing:screening", kwargs={"screening_id": screening.pk})
    assert sam.post(page, {"item": 1, "answer": 3}).status_code == 404
    assert sam.get(page).status_code == 404
    screening.refresh_from_db()
    assert not screening.shared and services.answers_of(screening) == {}


def test_sharing_all_future_results_from_the_wellbeing_page(world):
    client = client_for(world.sam)
    client.post(reverse("wellbeing:share_future"), {"share_future": "1"})
    assert SharingChoice.objects.get(member=world.sam).share_future
    assert "Stop sharing my future results" in text(client.get(reverse("wellbeing:home")))
    screening = take(world.sam, "gad7", answers_for_total(services.offered_instruments()["gad7"], 4))
    assert screening.shared
    client.post(reverse("wellbeing:share_future"), {"share_future": "0"})
    assert not SharingChoice.objects.get(member=world.sam).share_future


def _every_page(screening: Screening) -> list[tuple[str, str]]:
    kwargs = {"screening_id": screening.pk}
    return [
        ("get", reverse("wellbeing:home")),
        ("post", reverse("wellbeing:take", kwargs={"instrument": "phq9"})),
        ("post", reverse("wellbeing:share_future")),
        ("get", reverse("wellbeing:screening", kwargs=kwargs)),
        ("post", reverse("wellbeing:screening", kwargs=kwargs)),
        ("get", reverse("wellbeing:result", kwargs=kwargs)),
        ("post", reverse("wellbeing:share", kwargs=kwargs)),
    ]


def test_a_helper_gets_404_on_every_wellbeing_page(world):
    screening = take(world.alex, "phq9", answers_for_total(PHQ9, 5))
    services.share_screening(member=world.alex, screening=screening, shared=True)
    pat = client_for(world.pat)
    for method, url in _every_page(screening):
        assert getattr(pat, method)(url, {"item": 1, "answer": 1, "shared": "0"}).status_code == 404, url
    assert Screening.objects.count() == 1 and Screening.objects.get().shared
    assert not SharingChoice.objects.filter(member=world.pat).exists()
    assert "Wellbeing" not in text(pat.get(reverse("home:today")))


def test_another_household_gets_404(world):
    screening = take(world.alex, "phq9", answers_for_total(PHQ9, 5))
    services.share_screening(member=world.alex, screening=screening, shared=True)
    robin = client_for(world.robin)
    for method, url in _every_page(screening)[3:]:
        assert getattr(robin, method)(url, {"item": 1, "answer": 1, "shared": "0"}).status_code == 404, url
    assert Screening.objects.get(pk=screening.pk).shared


def test_the_home_page_lists_own_results_and_draws_the_trend(world):
    take(world.alex, "phq9", answers_for_total(PHQ9, 4))
    take(world.alex, "phq9", answers_for_total(PHQ9, 11))
    html = text(client_for(world.alex).get(reverse("wellbeing:home")))
    assert "4 out of 27" in html and "11 out of 27" in html
    assert "<svg" in html and 'class="threshold"' in html
    assert "10+ Moderate" in html  # a band line, labelled
    assert "Your PHQ-9 totals by date" in html  # the table beside the chart


def test_an_empty_wellbeing_page_is_warm(world):
    html = text(client_for(world.sam).get(reverse("wellbeing:home")))
    assert "Nothing here yet, and that is fine." in html
    assert "Two-minute check on mood" in html
    assert "<svg" not in html


def test_parents_see_the_wellbeing_link_in_the_menu(world):
    html = text(client_for(world.sam).get(reverse("home:today")))
    assert f'href="{reverse("wellbeing:home")}"' in html


def test_the_admin_site_shows_no_screening_or_concern(world):
    assert Screening not in admin.site._registry
    assert Concern not in admin.site._registry


def test_epds_cutoffs_when_a_parent_has_not_said_use_both_sets_and_say_so(world, epds):
    assert world.sam.gave_birth is None
    sam = take(world.sam, "epds", answers_for_total(epds, 11))
    html = text(client_for(world.sam).get(result_url(sam)))
    assert "Possible or likely depression" in html
    assert "you have not said which you are" in html
