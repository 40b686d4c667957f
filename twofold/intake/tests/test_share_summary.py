"""Sharing a summary of a writing: the author chooses what the other parent sees (the situations in
Twofold's words, never the text or the highlighted words), safety words only when ticked, and can take
it back. Until then, and after, the other parent sees nothing; a helper never does."""

from __future__ import annotations

import datetime as dt

import pytest
import time_machine
from django.core.exceptions import ValidationError

from twofold.conftest import client_for, page_text
from twofold.intake.models import Writing
from twofold.intake.said import NO_ONE_TO_SHARE_WITH, SHARE_SAFETY, SHARED_SAFETY_NOTE
from twofold.intake.selectors import shared_situations, summaries_shared_with
from twofold.intake.services import NOT_HEARD, NOTHING_CHOSEN, share_summary, withdraw_summary

NOW = dt.datetime(2026, 11, 18, 20, 30, tzinfo=dt.UTC)
WORDS = "I haven't slept more than two hours in days and he scrolls on the sofa."
PRIVATE = "scrolls on the sofa"  # words only the author may ever see


def written(world, text=WORDS) -> Writing:
    client_for(world.alex).post("/intake/", {"text": text})
    return Writing.objects.get(author=world.alex)


def today(member) -> str:
    return page_text(client_for(member).get("/"))


@time_machine.travel(NOW, tick=False)
def test_the_other_parent_sees_nothing_until_it_is_shared_then_only_the_names(world):
    writing = written(world)
    assert "shared how it" not in today(world.sam)

    response = client_for(world.alex).post(
        f"/intake/{writing.pk}/share/", {"situations": ["sleep_deprivation", "uneven_load"]}
    )
    assert response.status_code == 302
    writing.refresh_from_db()
    assert shared_situations(writing) == ("uneven_load", "sleep_deprivation")

    page = today(world.sam)
    assert "Alex shared how it" in page
    assert "Doing most of the care" in page and "Very little sleep" in page
    assert PRIVATE not in page and "two hours" not in page  # never the words
    assert client_for(world.sam).get(f"/intake/{writing.pk}/").status_code == 404  # nor the writing


@time_machine.travel(NOW, tick=False)
def test_after_it_is_taken_back_the_other_parent_sees_nothing(world):
    writing = written(world)
    share_summary(writing=writing, situations=["sleep_deprivation"])
    assert "Very little sleep" in today(world.sam)

    client_for(world.alex).post(f"/intake/{writing.pk}/withdraw/")
    writing.refresh_from_db()
    assert writing.sealed_summary == "" and writing.shared_at is None
    assert "shared how it" not in today(world.sam)
    assert summaries_shared_with(world.sam) == []


@time_machine.travel(NOW, tick=False)
def test_a_helper_never_sees_a_shared_summary(world):
    writing = written(world)
    share_summary(writing=writing, situations=["sleep_deprivation", "uneven_load"])
    assert summaries_shared_with(world.pat) == []
    page = today(world.pat)
    assert "shared how it" not in page and "Very little sleep" not in page
    assert client_for(world.pat).get(f"/intake/{writing.pk}/").status_code in (403, 404)


@time_machine.travel(NOW, tick=False)
def test_the_author_does_not_see_their_own_summary_as_shared_with_them(world):
    writing = written(world)
    share_summary(writing=writing, situations=["sleep_deprivation"])
    assert summaries_shared_with(world.alex) == []


@time_machine.travel(NOW, tick=False)
def test_safety_words_are_offered_unticked_with_a_plain_line(world):
    writing = written(world, "Everyone would be better off without me. I do all the night feeds.")
    page = page_text(client_for(world.alex).get(f"/intake/{writing.pk}/"))
    assert SHARE_SAFETY.format(names="Sam") in page
    assert 'value="self_harm_risk">' in page  # offered, not ticked
    assert 'value="uneven_load" checked>' in page

    # Shared only when the author ticks it; then the other parent gets the lines with it.
    share_summary(writing=writing, situations=["uneven_load"])
    assert "Thoughts of not being here" not in today(world.sam)
    share_summary(writing=writing, situations=["uneven_load", "self_harm_risk"])
    page = today(world.sam)
    assert "Thoughts of not being here" in page
    assert SHARED_SAFETY_NOTE.format(name="Alex") in page and "Samaritans" in page


@time_machine.travel(NOW, tick=False)
def test_nothing_ticked_or_something_not_heard_is_refused_and_nothing_is_shared(world):
    writing = written(world)
    with pytest.raises(ValidationError) as error:
        share_summary(writing=writing, situations=[])
    assert NOTHING_CHOSEN in error.value.messages
    with pytest.raises(ValidationError) as error:
        share_summary(writing=writing, situations=["self_harm_risk"])
    assert NOT_HEARD in error.value.messages
    response = client_for(world.alex).post(f"/intake/{writing.pk}/share/", {}, follow=True)
    assert NOTHING_CHOSEN in page_text(response)
    writing.refresh_from_db()
    assert writing.shared_at is None and summaries_shared_with(world.sam) == []


@time_machine.travel(NOW, tick=False)
def test_the_other_parent_cannot_share_or_withdraw_someone_elses_writing(world):
    writing = written(world)
    share_summary(writing=writing, situations=["sleep_deprivation"])
    sam = client_for(world.sam)
    assert sam.post(f"/intake/{writing.pk}/withdraw/").status_code == 404
    assert sam.post(f"/intake/{writing.pk}/share/", {"situations": ["uneven_load"]}).status_code == 404
    writing.refresh_from_db()
    assert shared_situations(writing) == ("sleep_deprivation",)


@time_machine.travel(NOW, tick=False)
def test_a_parent_on_their_own_is_told_there_is_no_one_to_share_with(world):
    client_for(world.robin).post("/intake/", {"text": WORDS})
    writing = Writing.objects.get(author=world.robin)
    page = page_text(client_for(world.robin).get(f"/intake/{writing.pk}/"))
    assert NO_ONE_TO_SHARE_WITH in page and 'name="situations"' not in page


@time_machine.travel(NOW, tick=False)
def test_a_summary_from_a_parent_who_left_is_no_longer_shown(world):
    writing = written(world)
    share_summary(writing=writing, situations=["sleep_deprivation"])
    world.alex.left_at = NOW
    world.alex.save(update_fields=["left_at"])
    assert summaries_shared_with(world.sam) == []


def test_withdrawing_what_was_never_shared_changes_nothing(world):
    writing = written(world)
    withdraw_summary(writing=writing)
    writing.refresh_from_db()
    assert writing.shared_at is None and writing.sealed_summary == ""
