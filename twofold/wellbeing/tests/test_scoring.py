"""Scoring: totals, bands at both sides of every cut-off, the safety flag, follow-ups and bad answers."""

from __future__ import annotations

import pytest

from twofold.wellbeing.instruments import (
    EPDS_SCORING,
    GAD2,
    GAD7,
    PHQ2,
    PHQ9,
    SCORABLE,
    Instrument,
    load_licensed_epds,
)
from twofold.wellbeing.instruments.epds import EPDS_REVERSE_SCORED
from twofold.wellbeing.scoring import AnswerError, check_answers, score
from twofold.wellbeing.tests.answers import (
    PLACEHOLDER_EPDS,
    answers_for_total,
    answers_scoring,
    highest,
    lowest,
    position_scoring,
)

ALL = [*SCORABLE.values(), load_licensed_epds(PLACEHOLDER_EPDS)]
ALL_IDS = [f"{i.key}{'-licensed' if i.wording_available and i.key == 'epds' else ''}" for i in ALL]
GAVE_BIRTH = [True, False, None]

# The bands exactly as EVIDENCE.md "Decisions for the product" gives them, written out again here so a
# change to the tables in the code has to be made twice, on purpose.
SAME_FOR_EVERYONE = {
    "phq9": [
        (0, 4, "minimal"),
        (5, 9, "mild"),
        (10, 14, "moderate"),
        (15, 19, "moderately_severe"),
        (20, 27, "severe"),
    ],
    "gad7": [(0, 4, "minimal"), (5, 9, "mild"), (10, 14, "moderate"), (15, 21, "severe")],
    "phq2": [(0, 2, "below"), (3, 6, "go_on")],
    "gad2": [(0, 2, "below"), (3, 6, "go_on")],
}
EPDS_BANDS = {
    True: [(0, 9, "below"), (10, 12, "possible"), (13, 30, "probable")],
    False: [(0, 6, "below"), (7, 9, "some_signs"), (10, 30, "likely")],
    None: [(0, 6, "below"), (7, 9, "some_signs"), (10, 12, "possible_or_likely"), (13, 30, "probable")],
}


def _edges() -> list[tuple[Instrument, bool | None, int, str]]:
    cases = []
    for key, bands in SAME_FOR_EVERYONE.items():
        for gave_birth in GAVE_BIRTH:
            for low, high, band in bands:
                cases += [(SCORABLE[key], gave_birth, low, band), (SCORABLE[key], gave_birth, high, band)]
    for gave_birth, bands in EPDS_BANDS.items():
        for low, high, band in bands:
            cases += [(EPDS_SCORING, gave_birth, low, band), (EPDS_SCORING, gave_birth, high, band)]
    return cases


@pytest.mark.parametrize(("instrument", "gave_birth", "total", "band"), _edges())
def test_every_band_edge_lands_in_its_band(instrument, gave_birth, total, band):
    result = score(instrument, answers_for_total(instrument, total), gave_birth)
    assert result.total == total
    assert result.band.key == band
    assert result.band.low <= total <= result.band.high


@pytest.mark.parametrize("instrument", ALL, ids=ALL_IDS)
@pytest.mark.parametrize("gave_birth", GAVE_BIRTH)
def test_all_lowest_answers_score_zero_in_the_lowest_band(instrument, gave_birth):
    result = score(instrument, lowest(instrument), gave_birth)
    assert result.total == 0
    assert result.band.severity == 0
    assert not result.top_band
    assert not result.safety_flag
    assert result.follow_up is None
    assert not result.anxiety_flag


@pytest.mark.parametrize("instrument", ALL, ids=ALL_IDS)
@pytest.mark.parametrize("gave_birth", GAVE_BIRTH)
def test_all_highest_answers_score_the_maximum_in_the_top_band(instrument, gave_birth):
    result = score(instrument, highest(instrument), gave_birth)
    assert (
        result.total
        == result.max_total
        == {"phq9": 27, "gad7": 21, "phq2": 6, "gad2": 6, "epds": 30}[instrument.key]
    )
    assert result.top_band
    assert result.band == result.band_set.top
    assert result.safety_flag == (instrument.self_harm_item is not None)


def test_all_highest_epds_also_raises_the_anxiety_flag():
    result = score(EPDS_SCORING, highest(EPDS_SCORING), None)
    assert result.subscale is not None
    assert result.subscale.total == 9
    assert result.anxiety_flag


@pytest.mark.parametrize("number", range(1, 11))
def test_epds_items_score_down_or_up_the_page_by_their_key(number):
    top_of_page = {**lowest(EPDS_SCORING), number: 0}
    bottom_of_page = {**lowest(EPDS_SCORING), number: 3}
    top = score(EPDS_SCORING, top_of_page, True)
    bottom = score(EPDS_SCORING, bottom_of_page, True)
    if number in EPDS_REVERSE_SCORED:
        assert (top.total, bottom.total) == (3, 0)
    else:
        assert (top.total, bottom.total) == (0, 3)


def test_epds_reverse_keyed_items_are_the_ones_evidence_names():
    assert EPDS_REVERSE_SCORED == (3, 5, 6, 7, 8, 9, 10)
    for number in EPDS_REVERSE_SCORED:
        assert [o.score for o in EPDS_SCORING.item(number).options] == [3, 2, 1, 0]
    for number in (1, 2, 4):
        assert [o.score for o in EPDS_SCORING.item(number).options] == [0, 1, 2, 3]


def test_phq9_item_9_at_one_opens_the_safety_path_in_the_lowest_band():
    result = score(PHQ9, answers_scoring(PHQ9, {9: 1}), None)
    assert result.total == 1
    assert result.band.key == "minimal"
    assert result.safety_flag
    assert not result.top_band


@pytest.mark.parametrize("gave_birth", GAVE_BIRTH)
def test_epds_item_10_at_one_opens_the_safety_path_in_the_lowest_band(gave_birth):
    answers = answers_scoring(EPDS_SCORING, {10: 1})
    assert answers[10] == 2  # third answer down the page, because item 10 is reverse-keyed
    result = score(EPDS_SCORING, answers, gave_birth)
    assert result.total == 1
    assert result.band.key == "below"
    assert result.safety_flag


def test_a_high_total_without_a_self_harm_answer_does_not_set_the_safety_flag():
    result = score(PHQ9, answers_for_total(PHQ9, 24), None)
    assert result.band.key == "severe"
    assert not result.safety_flag


@pytest.mark.parametrize("instrument", [GAD7, GAD2, PHQ2])
def test_instruments_without_a_self_harm_item_never_set_the_safety_flag(instrument):
    assert not score(instrument, highest(instrument), None).safety_flag


@pytest.mark.parametrize(("instrument", "next_key"), [(PHQ2, "phq9"), (GAD2, "gad7")])
def test_short_screens_lead_on_at_three_not_at_two(instrument, next_key):
    assert score(instrument, answers_for_total(instrument, 2), None).follow_up is None
    assert score(instrument, answers_for_total(instrument, 3), None).follow_up == next_key
    assert score(instrument, answers_for_total(instrument, 6), None).follow_up == next_key


@pytest.mark.parametrize("instrument", [PHQ9, GAD7, EPDS_SCORING])
def test_full_screens_have_no_follow_up(instrument):
    assert score(instrument, highest(instrument), None).follow_up is None


@pytest.mark.parametrize(("gave_birth", "cutoff"), [(True, 6), (False, 4), (None, 4)])
def test_epds_3a_flags_anxiety_at_its_cutoff_for_each_parent(gave_birth, cutoff):
    def anxiety(total: int):
        scores = dict(zip((3, 4, 5), answers_total_split(total), strict=True))
        return score(EPDS_SCORING, answers_scoring(EPDS_SCORING, scores), gave_birth).subscale

    below, at = anxiety(cutoff - 1), anxiety(cutoff)
    assert (below.total, below.flagged, below.meaning) == (cutoff - 1, False, "")
    assert (at.total, at.flagged, at.cutoff) == (cutoff, True, cutoff)
    assert "anxiety" in at.meaning


def answers_total_split(total: int) -> tuple[int, int, int]:
    first = min(3, total)
    second = min(3, total - first)
    return first, second, total - first - second


def test_epds_3a_counts_only_items_3_4_5():
    result = score(EPDS_SCORING, answers_scoring(EPDS_SCORING, {1: 3, 2: 3, 6: 3, 10: 3}), True)
    assert result.subscale is not None
    assert result.subscale.total == 0
    assert not result.anxiety_flag


@pytest.mark.parametrize("instrument", [PHQ9, GAD7, PHQ2, GAD2])
def test_other_instruments_have_no_subscale(instrument):
    result = score(instrument, highest(instrument), True)
    assert result.subscale is None
    assert not result.anxiety_flag


def test_gave_birth_changes_only_the_epds_reading():
    answers = answers_for_total(EPDS_SCORING, 10)
    readings = {g: score(EPDS_SCORING, answers, g).band.key for g in GAVE_BIRTH}
    assert readings == {True: "possible", False: "likely", None: "possible_or_likely"}
    phq = {g: score(PHQ9, answers_for_total(PHQ9, 10), g).band.key for g in GAVE_BIRTH}
    assert set(phq.values()) == {"moderate"}


def test_epds_result_explains_which_cutoffs_were_used():
    answers = answers_for_total(EPDS_SCORING, 8)
    assert "gave birth" in score(EPDS_SCORING, answers, True).band_set.explanation
    assert "did not give birth" in score(EPDS_SCORING, answers, False).band_set.explanation
    not_said = score(EPDS_SCORING, answers, None).band_set.explanation
    assert "have not said" in not_said
    assert "lower line" in not_said


def test_item_scores_follow_the_item_order():
    result = score(PHQ9, answers_scoring(PHQ9, {2: 3, 9: 1}), None)
    assert result.item_scores == ((1, 0), (2, 3), (3, 0), (4, 0), (5, 0), (6, 0), (7, 0), (8, 0), (9, 1))
    assert result.instrument == "phq9"


def test_a_missing_answer_is_rejected_naming_the_item():
    answers = lowest(PHQ9)
    del answers[4]
    with pytest.raises(AnswerError, match="question 4") as caught:
        score(PHQ9, answers, None)
    assert caught.value.item == 4
    assert isinstance(caught.value, ValueError)


@pytest.mark.parametrize("bad", [4, -1, True, "1", 1.0, None])
def test_an_answer_that_is_not_one_of_the_options_is_rejected(bad):
    with pytest.raises(AnswerError, match="Question 2") as caught:
        score(GAD7, {**lowest(GAD7), 2: bad}, None)
    assert caught.value.item == 2


def test_an_answer_to_a_question_the_instrument_does_not_have_is_rejected():
    with pytest.raises(AnswerError, match="no question 3") as caught:
        score(PHQ2, {1: 0, 2: 0, 3: 0}, None)
    assert caught.value.item is None


def test_an_empty_answer_sheet_names_the_first_question():
    with pytest.raises(AnswerError, match="question 1"):
        check_answers(EPDS_SCORING, {})


def test_check_answers_returns_positions_in_item_order():
    answers = {10: 3, **dict.fromkeys(range(1, 10), 0)}
    assert list(check_answers(EPDS_SCORING, answers)) == list(range(1, 11))
    assert position_scoring(EPDS_SCORING, 10, 0) == 3
