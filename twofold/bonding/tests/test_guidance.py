"""The red-flags page and the coping card: every item sourced, with an urgency; the wording rules hold."""

import copy
import re

import pytest

from twofold.bonding.guidance import (
    COPING_CARD_FILE,
    RED_FLAGS_FILE,
    check_guidance,
    coping_card,
    load_raw,
    parse,
    red_flags,
)


@pytest.mark.parametrize("path", [RED_FLAGS_FILE, COPING_CARD_FILE], ids=["red_flags", "coping_card"])
def test_the_shipped_files_are_sound(path):
    assert check_guidance(load_raw(path)) == []


@pytest.mark.parametrize("path", [RED_FLAGS_FILE, COPING_CARD_FILE], ids=["red_flags", "coping_card"])
def test_an_item_without_a_source_fails_the_check(path):
    raw = copy.deepcopy(load_raw(path))
    raw["items"][0]["source"] = "  "
    del raw["items"][1]["source"]
    problems = check_guidance(raw)
    assert len(problems) == 2
    assert all(p.endswith("has no source.") for p in problems)
    with pytest.raises(ValueError, match="has no source"):
        parse(raw)


def test_an_unverified_mark_or_unknown_urgency_fails_the_check():
    raw = copy.deepcopy(load_raw(RED_FLAGS_FILE))
    raw["items"][0]["mark"] = "U"
    raw["items"][1]["urgency"] = "whenever"
    problems = check_guidance(raw)
    assert any("mark must be one of" in p for p in problems)
    assert any("urgency 'whenever'" in p for p in problems)


def test_red_flags_come_most_urgent_first_with_the_levels_of_section_3_4():
    flags = red_flags()
    assert list(flags.urgencies) == ["emergency_now", "as_soon_as_you_can", "today", "us_doctor_now"]
    levels = [item.urgency for item in flags.items]
    assert levels == sorted(levels, key=list(flags.urgencies).index)
    assert {i.id for i in flags.at("emergency_now")} >= {"fever_under_3_months", "breathing_pauses", "fit"}
    fever = next(i for i in flags.items if i.id == "fever_under_3_months")
    assert "38 °C (100.4 °F)" in fever.text
    assert "48 hours of vaccinations" in fever.text
    assert "NHS Wales" not in fever.text and "NHS Wales advises 999" in fever.uk_note
    assert fever.for_country("GB").text == f"{fever.text} {fever.uk_note}"
    assert fever.for_country("US").text == fever.text


def test_secondary_red_flags_name_their_source_in_the_text():
    secondary = [item for item in red_flags().items if item.secondary]
    assert [i.id for i in secondary] == ["us_fever_by_age"]
    assert "as reported" in secondary[0].text


def test_the_coping_card_says_step_away_safely_never_shake_and_call_someone():
    card = coping_card()
    text = " ".join(item.text for item in card.items)
    assert "on their back in their cot" in text
    assert "every 5–10 minutes" in text
    assert "Never shake" in text
    assert {i.id for i in card.at("now")} >= {"put_down_and_step_away", "call_someone"}


def test_no_wording_uses_the_registered_purple_mark():
    for path in (RED_FLAGS_FILE, COPING_CARD_FILE):
        for item in load_raw(path)["items"]:
            assert not re.search(r"purple", item["text"], re.IGNORECASE)
