"""The check-in pages through real requests: answering, the reveal, fixed answers, errors, household
shapes, agreements carried into the next week, the check-in day and the trend."""

from __future__ import annotations

import datetime as dt

import time_machine

from twofold.checkins.models import Agreement, AgreementReview, Checkin, CheckinSettings
from twofold.checkins.services import ANSWERS_FIXED, WRITE_SOMETHING, add_agreement, submit_checkin
from twofold.checkins.tests.helpers import ALEX_ANSWERS, NEXT_WEEK, NOW, SAM_ANSWERS, W47, known_week, text
from twofold.conftest import client_for, join
from twofold.households.models import Role
from twofold.households.services import leave_household


def post_answers(member, answers, **extra):
    return client_for(member).post("/checkin/answer/", {**answers, **extra})


@time_machine.travel(NOW, tick=False)
def test_both_parents_answer_and_then_see_both_side_by_side_with_the_log(world):
    known_week(world)
    alex = client_for(world.alex)
    response = alex.post("/checkin/answer/", ALEX_ANSWERS, follow=True)
    assert response.redirect_chain == [("/checkin/", 302)]
    assert "Your answers are private until Sam has answered" in text(response)

    post_answers(world.sam, SAM_ANSWERS)
    for member in (world.alex, world.sam):
        page = text(client_for(member).get("/checkin/"))
        assert "Side by side" in page
        assert "Alex-appreciates-the-bath-routine" in page and "Sam-needs-to-learn-the-sling" in page
        assert "the log shows 75 % and 25 %." in page
        assert "For your talk" in page and "Let's start with what we appreciated" in page
    stored = Checkin.objects.get(member=world.alex)
    assert stored.week == W47 and stored.revealed_at is not None
    assert stored.answers.appreciated == "Alex-appreciates-the-bath-routine"


@time_machine.travel(NOW, tick=False)
def test_answers_can_be_changed_until_the_reveal_and_are_fixed_after(world):
    post_answers(world.alex, ALEX_ANSWERS)
    assert client_for(world.alex).get("/checkin/answer/").status_code == 200
    post_answers(world.alex, {**ALEX_ANSWERS, "fairness": 4})
    assert Checkin.objects.get(member=world.alex).answers.fairness == 4

    post_answers(world.sam, SAM_ANSWERS)
    response = client_for(world.alex).post("/checkin/answer/", {**ALEX_ANSWERS, "fairness": 9}, follow=True)
    assert ANSWERS_FIXED in text(response)
    assert Checkin.objects.get(member=world.alex).answers.fairness == 4
    assert "Revealed answers are fixed." in text(response)


@time_machine.travel(NOW, tick=False)
def test_bad_answers_get_field_errors_and_keep_what_was_typed(world):
    bad = {**ALEX_ANSWERS, "care_share": "150", "night_share": "half", "fairness": "", "needed": "x" * 301}
    response = post_answers(world.alex, bad)
    assert response.status_code == 400
    page = text(response)
    assert page.count("Give a whole number from 0 to 100.") == 2
    assert "Choose a number from 0 to 10." in page
    assert "Keep it to 300 characters (this has 301)." in page
    assert 'value="150"' in page and "Alex-appreciates-the-bath-routine" in page
    assert not Checkin.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_a_household_with_one_parent_sees_its_answers_beside_the_log_at_once(world):
    response = post_answers(world.robin, ALEX_ANSWERS)
    assert response.status_code == 302
    page = text(client_for(world.robin).get("/checkin/"))
    assert "Your week beside the log" in page
    # Nothing was logged, so the table says so and there is no share gap to list; the low ratings are.
    assert "no wakings logged" in page and "nothing logged" in page
    assert "You estimated your share" not in page
    assert "You rated how fair the split feels 2 out of 10." in page
    assert "You rated your mood 6 out of 10." not in page


@time_machine.travel(NOW, tick=False)
def test_three_parents_are_revealed_when_all_three_have_answered(world):
    jo = join(world.alex, "jo@example.com", "Jo", Role.PARENT)
    post_answers(world.alex, ALEX_ANSWERS)
    post_answers(world.sam, SAM_ANSWERS)
    page = text(client_for(world.sam).get("/checkin/"))
    assert "Alex has answered. Jo has not answered yet." in page
    assert "Alex-appreciates" not in page
    post_answers(jo, ALEX_ANSWERS)
    assert "Alex-appreciates" in text(client_for(world.sam).get("/checkin/"))


@time_machine.travel(NOW, tick=False)
def test_a_parent_who_left_does_not_hold_the_reveal_up(world):
    jo = join(world.alex, "jo@example.com", "Jo", Role.PARENT)
    post_answers(world.alex, ALEX_ANSWERS)
    leave_household(member=jo)
    post_answers(world.sam, SAM_ANSWERS)
    assert "Alex-appreciates" in text(client_for(world.sam).get("/checkin/"))


@time_machine.travel(NOW, tick=False)
def test_agreements_are_carried_into_next_weeks_check_in(world):
    post_answers(world.alex, ALEX_ANSWERS)
    post_answers(world.sam, SAM_ANSWERS)
    client_for(world.sam).post("/checkin/agreements/add/", {"text": "  I take the 2 a.m. feed on Monday  "})
    agreement = Agreement.objects.get()
    assert agreement.text == "I take the 2 a.m. feed on Monday" and agreement.week == W47

    with time_machine.travel(NEXT_WEEK, tick=False):
        form = text(client_for(world.alex).get("/checkin/"))
        assert "Last week's agreements: how did they go?" in form
        assert "Sam: “I take the 2 a.m. feed on Monday”" in form
        missing = post_answers(world.alex, ALEX_ANSWERS)
        assert missing.status_code == 400
        assert "Say whether it was kept, partly kept or not kept." in text(missing)

        post_answers(world.alex, ALEX_ANSWERS, **{f"review_{agreement.pk}": "partly"})
        post_answers(world.sam, SAM_ANSWERS, **{f"review_{agreement.pk}": "kept"})
        assert {r.outcome for r in AgreementReview.objects.all()} == {"partly", "kept"}
        us = text(client_for(world.alex).get("/us/?week=2026-W48"))
        assert "Agreements for this week" in us
        assert "I take the 2 a.m. feed on Monday" in us and "Alex: partly kept" in us and "Sam: kept" in us


@time_machine.travel(NOW, tick=False)
def test_only_the_author_changes_an_agreement_and_only_until_its_week_begins(world):
    agreement = add_agreement(member=world.sam, text="I do the bath", now=NOW)
    url = f"/checkin/agreements/{agreement.pk}/edit/"
    assert client_for(world.alex).post(url, {"text": "Changed"}).status_code == 400
    assert client_for(world.sam).post(url, {"text": ""}).status_code == 400
    assert client_for(world.sam).post(url, {"text": "I do the bath on weekdays"}).status_code == 302
    agreement.refresh_from_db()
    assert agreement.text == "I do the bath on weekdays"

    with time_machine.travel(NEXT_WEEK, tick=False):
        client_for(world.sam).post(f"/checkin/agreements/{agreement.pk}/delete/")
        assert Agreement.objects.filter(pk=agreement.pk).exists()
    client_for(world.sam).post(f"/checkin/agreements/{agreement.pk}/delete/")
    assert not Agreement.objects.filter(pk=agreement.pk).exists()


@time_machine.travel(NOW, tick=False)
def test_the_household_chooses_its_check_in_day(world):
    assert client_for(world.alex).post("/checkin/settings/", {"day": "9"}).status_code == 400
    client_for(world.alex).post("/checkin/settings/", {"day": "0"})
    assert CheckinSettings.objects.get(household=world.alex.household).day == 0
    # On Sunday with Monday as the day, the open check-in is the week before W47 (W46).
    page = text(client_for(world.alex).get("/checkin/"))
    assert "week of 9 Nov to 15 Nov" in page


@time_machine.travel(NOW, tick=False)
def test_the_trend_shows_revealed_weeks_only(world):
    with time_machine.travel(NOW - dt.timedelta(weeks=1), tick=False):
        submit_checkin(member=world.alex, answers=ALEX_ANSWERS)
        submit_checkin(member=world.sam, answers=SAM_ANSWERS)
    submit_checkin(member=world.alex, answers={**ALEX_ANSWERS, "fairness": 9}, now=NOW)
    page = text(client_for(world.sam).get("/checkin/history/"))
    assert "2026-W46" in page and "2026-W47" not in page
    assert "How fair the split feels, 0 to 10, per parent per week" in page
    assert (
        '<td data-label="Parent">Alex</td><td data-label="How fair the split feels">2</td>'
        '<td data-label="Sleep">3</td><td data-label="Mood">6</td>'
        '<td data-label="How connected we feel">5</td>'
    ) in page
    empty = text(client_for(world.robin).get("/checkin/history/"))
    assert "No check-ins yet. Each week's answers appear here once you have answered." in empty


@time_machine.travel(NOW, tick=False)
def test_a_future_or_malformed_week_shows_the_open_check_in(world):
    assert "has not opened yet" in text(client_for(world.alex).get("/checkin/?week=2027-W10"))
    response = client_for(world.alex).get("/checkin/?week=47")
    assert response.status_code == 400 and "Write it like 2026-W47" in text(response)


@time_machine.travel(NOW, tick=False)
def test_an_empty_or_too_long_agreement_shows_its_error_on_the_check_in_page_itself(world):
    known_week(world)
    post_answers(world.alex, ALEX_ANSWERS)
    post_answers(world.sam, SAM_ANSWERS)
    sam = client_for(world.sam)
    empty = sam.post("/checkin/agreements/add/", {"text": "   "})
    assert empty.status_code == 400
    page = text(empty)
    assert WRITE_SOMETHING in page
    # The whole check-in is still there: the answers side by side, the gaps and the talk guide.
    assert "Side by side" in page and "Where your answers and the log differ" in page
    assert "For your talk" in page and "Alex-appreciates-the-bath-routine" in page

    long = "I take every feed " * 20
    too_long = text(sam.post("/checkin/agreements/add/", {"text": long}))
    assert "Keep it to 200 characters" in too_long and long.strip() in too_long
    assert "Side by side" in too_long
    assert Agreement.objects.count() == 0


@time_machine.travel(NOW, tick=False)
def test_the_menu_marks_only_the_check_in_on_its_history_page(world):
    alex = client_for(world.alex)
    checkin_history = text(alex.get("/checkin/history/"))
    current = [line for line in checkin_history.splitlines() if 'aria-current="page"' in line]
    assert len(current) == 1 and ">Check-in</a>" in current[0]
    care_history = text(alex.get("/history/"))
    current = [line for line in care_history.splitlines() if 'aria-current="page"' in line]
    assert len(current) == 1 and ">History</a>" in current[0]
