"""The reader, without the database: negation, distance, who the words are about, both wordings, typos,
safety never silenced by doubt, and the highlighted words."""

from __future__ import annotations

import pytest

from twofold.intake.closed_words import Person
from twofold.intake.reader import read, segments


def keys(text: str) -> set[str]:
    return set(read(text).keys)


@pytest.mark.parametrize(
    ("text", "heard", "not_heard"),
    [
        ("I'm not depressed, just tired.", {"sleep_deprivation"}, {"parent_low_mood"}),
        ("I am depressed and so tired.", {"parent_low_mood", "sleep_deprivation"}, set()),
        ("I don't think I'm depressed at all.", set(), {"parent_low_mood"}),
        ("I'm not sure if I'm depressed.", {"parent_low_mood"}, set()),  # doubt is not negation
        ("My mum says I should talk to someone, I don't think I need to.", set(), {"parent_low_mood"}),
        ("My mum thinks I'm depressed.", set(), {"parent_low_mood"}),  # what someone else thinks
        (
            "He says he's depressed and nothing helps.",
            {"parent_low_mood"},
            set(),
        ),  # the partner's words count
        ("I used to feel hopeless.", set(), {"parent_low_mood"}),
        ("My anxiety used to be awful.", set(), {"parent_anxiety"}),
        ("Things are not getting better.", set(), {"things_improving"}),
    ],
)
def test_negation_and_distance(text, heard, not_heard):
    found = keys(text)
    assert heard <= found
    assert not (not_heard & found)


@pytest.mark.parametrize(
    "text",
    [
        "We got through a whole packet of diapers today and my mom came over.",
        "We got through a whole packet of nappies today and my mum came over.",
    ],
)
def test_both_wordings_read_the_same(text):
    reading = read(text)
    assert reading.keys == ()  # a grandparent visiting is nothing to worry about, in either wording


def test_british_and_american_words_are_one():
    assert "infant_crying" in keys("My son is colicky and screams every evening.")
    assert "partner_left" in keys("He moved back to his mom's last week.")
    assert "partner_left" in keys("He moved back to his mum's last week.")


def test_a_typo_on_a_longer_word_is_mended():
    assert "sleep_deprivation" in keys("I'm so exausted.")
    assert "parent_low_mood" in keys("I think I'm depresed.")
    assert "parent_anxiety" in keys("I feel so anxius all day.")


def test_a_real_word_is_not_mended_into_another():
    # "tried" is not "tired", "catching" is not "latching"
    assert keys("I tried everything, and we're catching up with friends at the weekend.") == set()


def test_who_the_words_are_about():
    about_partner = read("My partner is really low, he barely talks.").heard
    low = next(h for h in about_partner if h.key == "parent_low_mood")
    assert low.about == Person.PARTNER
    # Crying said of the writer is low mood, not the baby crying.
    assert keys("I cry every day in the car.") == {"parent_low_mood"}
    # "His dad" when "his" is the baby is the other parent: bonding, not a grandparent.
    assert "bonding_difficulty" in keys("Our son screams whenever his dad holds him.")
    # A grandparent not helping is not the partner withdrawing.
    assert "partner_withdrawn" not in keys("My mum won't hold the baby, she says she's too old.")


def test_shaking_a_partner_awake_is_not_about_the_baby():
    reading = read("Some nights I want to shake my partner awake, he sleeps through everything.")
    assert not reading.safety
    assert not reading.safety_mentioned


def test_harm_words_about_the_baby_put_safety_first():
    reading = read("When he screams for hours I feel like I could shake him.")
    assert "harm_to_baby_risk" in reading.keys
    assert reading.keys[0] == "harm_to_baby_risk"  # safety situations come first


@pytest.mark.parametrize(
    "text",
    [
        "Everyone would be better off without me.",
        "I don't want to be here anymore.",
        "I wish I could go to sleep and not wake up.",
        "I've been saving up my tablets.",
        "There's no point in going on.",
        "I'm not sure I want to be alive.",  # doubt before it does not silence it
        "Sometimes I think about walking into traffic.",
    ],
)
def test_indirect_words_about_ending_life_are_heard(text):
    reading = read(text)
    assert "self_harm_risk" in reading.keys
    assert reading.safety


def test_a_plain_negation_sets_safety_aside_but_still_shows_the_lines():
    reading = read("I'm not suicidal, I just need some sleep.")
    assert "self_harm_risk" not in reading.keys
    assert reading.safety_mentioned  # the page shows the lines, gently
    assert [s.text for s in reading.set_aside] == ["suicidal"]


def test_hard_words_about_the_baby():
    assert "negative_about_baby" in keys("He says the baby is ruining our lives.")
    assert "negative_about_baby" in keys("Some days I wish we'd never had him.")
    assert "negative_about_baby" not in keys("She is not ruining anything, she is lovely.")


def test_every_situation_keeps_the_words_that_made_it():
    text = "I haven't slept more than two hours in days and he scrolls on the sofa."
    reading = read(text)
    for heard in reading.heard:
        for span in heard.spans:
            assert text[span.start : span.end] == span.text
    assert "".join(piece for piece, _ in segments(reading)) == text
    assert any(keys_ for _, keys_ in segments(reading))


def test_the_same_text_reads_the_same_every_time():
    text = "My husband hasn't bonded with our 5-month-old and I'm exhausted."
    assert read(text) == read(text)


def test_empty_and_unrelated_text():
    assert read("").keys == ()
    assert read("We went to the park and fed the ducks.").keys == ()
