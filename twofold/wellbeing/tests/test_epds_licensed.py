"""The licensed EPDS wording: loaded only from a deployment's file, checked strictly, never shipped.

The file used here is made-up placeholder text ("Placeholder question 1"), not the EPDS.
"""

from __future__ import annotations

import json

import pytest

from twofold.wellbeing.instruments import (
    EPDS_NOT_OFFERED,
    EPDS_SCORING,
    EPDS_TEXT_ENV,
    LicensedTextError,
    epds_available,
    licensed_epds,
    load_licensed_epds,
)
from twofold.wellbeing.scoring import score
from twofold.wellbeing.tests.answers import PLACEHOLDER_EPDS, answers_for_total


def _placeholder() -> dict:
    return json.loads(PLACEHOLDER_EPDS.read_text())


def _write(tmp_path, data) -> str:
    path = tmp_path / "epds.json"
    path.write_text(data if isinstance(data, str) else json.dumps(data))
    return str(path)


def test_placeholder_file_loads_with_its_wording_and_the_shipped_scoring():
    epds = load_licensed_epds(PLACEHOLDER_EPDS)
    assert epds.wording_available
    assert epds.stem == "Placeholder instructions."
    assert epds.item(1).text == "Placeholder question 1"
    assert [o.label for o in epds.item(10).options] == [f"Placeholder answer 10{c}" for c in "abcd"]
    assert [o.score for o in epds.item(10).options] == [3, 2, 1, 0]
    assert [o.score for o in epds.item(1).options] == [0, 1, 2, 3]
    assert epds.reverse_scored == EPDS_SCORING.reverse_scored
    assert epds.band_sets == EPDS_SCORING.band_sets
    assert "Placeholder: made-up text" in epds.attribution
    assert [item.topic for item in epds.items] == [item.topic for item in EPDS_SCORING.items]


def test_licensed_and_unworded_epds_score_the_same():
    answers = answers_for_total(EPDS_SCORING, 14)
    licensed = score(load_licensed_epds(PLACEHOLDER_EPDS), answers, True)
    plain = score(EPDS_SCORING, answers, True)
    assert (licensed.total, licensed.band, licensed.safety_flag) == (
        plain.total,
        plain.band,
        plain.safety_flag,
    )


def test_items_may_be_listed_in_any_order(tmp_path):
    data = _placeholder()
    data["items"].reverse()
    epds = load_licensed_epds(_write(tmp_path, data))
    assert epds.item(1).text == "Placeholder question 1"


def test_without_the_variable_the_epds_is_not_available():
    assert not epds_available({})
    assert not epds_available({EPDS_TEXT_ENV: "  "})
    assert licensed_epds({"OTHER": str(PLACEHOLDER_EPDS)}) is None


def test_with_the_variable_the_epds_is_available():
    env = {EPDS_TEXT_ENV: str(PLACEHOLDER_EPDS)}
    assert epds_available(env)
    epds = licensed_epds(env)
    assert epds is not None and epds.item(3).text == "Placeholder question 3"


def test_a_variable_naming_a_missing_file_fails_loudly(tmp_path):
    missing = tmp_path / "nowhere.json"
    with pytest.raises(LicensedTextError, match="cannot be read"):
        epds_available({EPDS_TEXT_ENV: str(missing)})


def test_a_file_that_is_not_json_is_rejected(tmp_path):
    with pytest.raises(LicensedTextError, match=r"not valid JSON \(line 1"):
        load_licensed_epds(_write(tmp_path, "question 1: ..."))


def test_a_file_that_is_not_an_object_is_rejected(tmp_path):
    with pytest.raises(LicensedTextError, match="JSON object"):
        load_licensed_epds(_write(tmp_path, []))


def test_nine_questions_are_rejected(tmp_path):
    data = _placeholder()
    data["items"].pop()
    with pytest.raises(LicensedTextError, match="must list 10 questions in 'items', found 9"):
        load_licensed_epds(_write(tmp_path, data))


def test_three_answers_are_rejected_naming_the_question(tmp_path):
    data = _placeholder()
    data["items"][4]["answers"].pop()
    with pytest.raises(LicensedTextError, match="question 5 must have 4 answers, found 3"):
        load_licensed_epds(_write(tmp_path, data))


def test_a_repeated_question_number_is_rejected(tmp_path):
    data = _placeholder()
    data["items"][1]["number"] = 1
    with pytest.raises(LicensedTextError, match="question 1 appears twice"):
        load_licensed_epds(_write(tmp_path, data))


@pytest.mark.parametrize("number", [0, 11, "3", True])
def test_a_question_number_outside_1_to_10_is_rejected(tmp_path, number):
    data = _placeholder()
    data["items"][2]["number"] = number
    with pytest.raises(LicensedTextError, match="'number' must be a whole number from 1 to 10"):
        load_licensed_epds(_write(tmp_path, data))


def test_an_empty_question_is_rejected(tmp_path):
    data = _placeholder()
    data["items"][6]["text"] = "  "
    with pytest.raises(LicensedTextError, match=r"question 7\): 'text' must be non-empty text"):
        load_licensed_epds(_write(tmp_path, data))


def test_an_empty_answer_is_rejected(tmp_path):
    data = _placeholder()
    data["items"][0]["answers"][2] = ""
    with pytest.raises(LicensedTextError, match="question 1, answer 3 must be non-empty text"):
        load_licensed_epds(_write(tmp_path, data))


def test_a_missing_permission_note_is_rejected(tmp_path):
    data = _placeholder()
    del data["permission"]
    with pytest.raises(LicensedTextError, match="missing 'permission'"):
        load_licensed_epds(_write(tmp_path, data))


def test_unexpected_keys_are_rejected(tmp_path):
    data = _placeholder()
    data["scores"] = [0, 1, 2, 3]
    with pytest.raises(LicensedTextError, match="unexpected keys: 'scores'"):
        load_licensed_epds(_write(tmp_path, data))
    data = _placeholder()
    data["items"][0]["score"] = 3
    with pytest.raises(LicensedTextError, match="exactly 'number', 'text' and 'answers'"):
        load_licensed_epds(_write(tmp_path, data))


def test_errors_are_value_errors_that_name_the_file(tmp_path):
    path = _write(tmp_path, "{")
    with pytest.raises(ValueError, match="epds.json"):
        load_licensed_epds(path)


def test_the_not_offered_line_says_why_in_one_line():
    assert "\n" not in EPDS_NOT_OFFERED
    assert "Royal College of Psychiatrists" in EPDS_NOT_OFFERED
    assert "PHQ-9 and GAD-7" in EPDS_NOT_OFFERED


def test_the_placeholder_file_is_obviously_not_the_epds():
    data = _placeholder()
    texts = [item["text"] for item in data["items"]] + [a for item in data["items"] for a in item["answers"]]
    assert all(text.startswith("Placeholder") for text in texts)
