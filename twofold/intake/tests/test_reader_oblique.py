"""The reader on words said sideways: oblique safety language, words that look alarming and are not, a
grandparent writing about their grown child, and a "she" that cannot be the baby (held-out posts)."""

from __future__ import annotations

import pytest

from twofold.intake.reader import read


def keys(text: str) -> set[str]:
    return set(read(text).keys)


@pytest.mark.parametrize(
    "text",
    [
        "I've been thinking about how to make it stop for good.",
        "Been driving past the bridge, wondering what it would be like to just not come home.",
        "I've started counting my tablets.",
        "She says she feels like a burden and we'd all be fine without her.",
        "What's the point of any of it. I won't be here long enough to see her walk.",
        "Some days he'd be better off with a different mum.",
    ],
)
def test_oblique_words_about_ending_ones_life_are_heard(text):
    assert "self_harm_risk" in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "I had a thought about dropping him and it scared me.",
        "I understand how people end up shaking a baby.",
        "I keep picturing me doing something to her. I can't be left alone with her.",
        "Last night I stood over the cot with a pillow in my hands.",
    ],
)
def test_oblique_words_about_harming_the_baby_are_heard(text):
    assert "harm_to_baby_risk" in keys(text)


@pytest.mark.parametrize(
    "text",
    [
        "My partner is absolutely killing it at work since she went back.",
        "This nappy is lethal.",
        "I could murder a coffee.",
        "My mother-in-law's lasagne was to die for.",
        "I wanted to shake him awake at 3am when he snored through her wanting a feed.",
        "The night feeds are a burden, honestly.",
        "We would be fine without her mum around every weekend.",
        "I won't be around to see her first steps, I'm back at work.",
    ],
)
def test_words_that_only_sound_alarming_raise_no_safety(text):
    assert not read(text).safety


def test_a_worry_about_dropping_the_baby_by_accident_stays_a_worry():
    assert keys("I'm terrified I'll drop him on the stairs.") == {"parent_anxiety"}


def test_a_grandparent_writing_about_their_daughter_reads_her_as_a_parent():
    found = keys(
        "Grandma here. My daughter has barely left the sofa for weeks, she doesn't laugh any more and says "
        "she feels nothing when she looks at the baby."
    )
    assert {"parent_low_mood", "bonding_difficulty"} <= found


def test_a_parent_writing_about_their_daughter_the_baby_is_unchanged():
    assert "parent_low_mood" not in keys("My daughter doesn't laugh any more when I tickle her.")


def test_a_she_who_had_a_caesarean_is_not_the_baby():
    assert "physical_recovery" in keys("We have a 4 month old. She carried him and had a tough c-section.")


def test_a_parent_crying_most_days_is_not_the_baby_crying():
    assert keys("Been on sertraline 10 weeks and no different. Still crying most days.") == {
        "not_improving_on_treatment",
        "parent_low_mood",
    }


def test_one_lovely_day_is_not_a_change_but_a_few_good_weeks_are():
    assert "things_improving" not in keys("Lovely day at the park. Nothing to report.")
    assert "things_improving" in keys("A lovely few weeks, honestly.")


def test_the_baby_smiling_is_a_good_sign_but_a_partner_laughing_at_you_is_not():
    assert "things_improving" in keys("He's smiling at us now.")
    assert "things_improving" not in keys("My husband laughs at me when I cry.")
