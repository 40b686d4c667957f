"""The questionnaires themselves: items, answers, attribution, codes, and the checks an instrument makes."""

from __future__ import annotations

import dataclasses

import pytest

from twofold.wellbeing.instruments import (
    EPDS_SCORING,
    FREE_INSTRUMENTS,
    GAD2,
    GAD7,
    LOINC_NOTICE,
    PHQ2,
    PHQ9,
    SCORABLE,
    Band,
    BandSet,
    Group,
    get_instrument,
    group_for,
)
from twofold.wellbeing.instruments.epds import EPDS_TOPICS

STANDARD_ANSWERS = ["Not at all", "Several days", "More than half the days", "Nearly every day"]


@pytest.mark.parametrize("instrument", FREE_INSTRUMENTS, ids=lambda i: i.key)
def test_free_instruments_use_the_standard_four_answers(instrument):
    for item in instrument.items:
        assert [o.label for o in item.options] == STANDARD_ANSWERS
        assert [o.score for o in item.options] == [0, 1, 2, 3]
        assert item.text
    assert instrument.reverse_scored == ()
    assert instrument.wording_available
    assert instrument.recall_window == "the last 2 weeks"


@pytest.mark.parametrize("instrument", FREE_INSTRUMENTS, ids=lambda i: i.key)
def test_free_instruments_keep_the_pfizer_attribution(instrument):
    assert (
        "Developed by Drs Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an "
        "educational grant from Pfizer Inc." in instrument.attribution
    )
    assert "No permission required to reproduce, translate, display or distribute" in instrument.attribution


def test_item_counts_and_the_short_screens_are_the_first_two_items():
    assert len(PHQ9.items) == 9
    assert len(GAD7.items) == 7
    assert PHQ2.items == PHQ9.items[:2]
    assert GAD2.items == GAD7.items[:2]
    assert PHQ9.item(1).text == "Little interest or pleasure in doing things"
    assert (
        PHQ9.item(9).text == "Thoughts that you would be better off dead or of hurting yourself in some way"
    )
    assert GAD7.item(2).text == "Not being able to stop or control worrying"


def test_self_harm_items_and_follow_ups():
    assert PHQ9.self_harm_item == 9
    assert EPDS_SCORING.self_harm_item == 10
    assert (GAD7.self_harm_item, PHQ2.self_harm_item, GAD2.self_harm_item) == (None, None, None)
    assert PHQ2.follow_up is not None and GAD2.follow_up is not None
    assert (PHQ2.follow_up.at_least, PHQ2.follow_up.instrument) == (3, "phq9")
    assert (GAD2.follow_up.at_least, GAD2.follow_up.instrument) == (3, "gad7")
    assert PHQ9.follow_up is None and GAD7.follow_up is None and EPDS_SCORING.follow_up is None


def test_only_verified_loinc_codes_are_shipped():
    assert PHQ9.loinc is not None and GAD7.loinc is not None and EPDS_SCORING.loinc is not None
    assert (PHQ9.loinc.panel, PHQ9.loinc.total, PHQ9.item(9).loinc) == ("44249-1", "44261-6", "44260-8")
    assert (GAD7.loinc.panel, GAD7.loinc.total) == ("69737-5", "70274-6")
    assert (EPDS_SCORING.loinc.panel, EPDS_SCORING.loinc.total) == ("71354-5", None)
    assert all(item.loinc is None for item in EPDS_SCORING.items)
    assert PHQ2.loinc is None and GAD2.loinc is None
    for instrument in SCORABLE.values():
        assert instrument.loinc_notice == LOINC_NOTICE
    assert "Regenstrief" in LOINC_NOTICE


def test_the_epds_ships_without_any_wording():
    assert not EPDS_SCORING.wording_available
    assert EPDS_SCORING.stem == ""
    for item in EPDS_SCORING.items:
        assert item.text == ""
        assert all(option.label == "" for option in item.options)
    assert [item.topic for item in EPDS_SCORING.items] == list(EPDS_TOPICS)
    assert len(EPDS_SCORING.items) == 10
    assert EPDS_SCORING.recall_window == "the past 7 days"
    assert "Cox" in EPDS_SCORING.attribution and "Royal College of Psychiatrists" in EPDS_SCORING.attribution


def test_epds_has_bands_for_each_group_and_others_for_everyone():
    assert {s.group for s in EPDS_SCORING.band_sets} == {
        Group.GAVE_BIRTH,
        Group.DID_NOT_GIVE_BIRTH,
        Group.NOT_SAID,
    }
    for instrument in FREE_INSTRUMENTS:
        assert [s.group for s in instrument.band_sets] == [Group.EVERYONE]
        assert instrument.bands_for(True) == instrument.bands_for(False) == instrument.bands_for(None)


@pytest.mark.parametrize("instrument", SCORABLE.values(), ids=lambda i: i.key)
def test_every_band_says_what_it_means_and_what_to_do(instrument):
    for band_set in instrument.band_sets:
        assert band_set.source
        for band in band_set.bands:
            assert band.label and band.meaning and band.next_steps


def test_group_for_reads_gave_birth():
    assert group_for(True) is Group.GAVE_BIRTH
    assert group_for(False) is Group.DID_NOT_GIVE_BIRTH
    assert group_for(None) is Group.NOT_SAID


def test_get_instrument_by_key():
    assert get_instrument("phq9") is PHQ9
    assert get_instrument("epds") is EPDS_SCORING
    with pytest.raises(KeyError):
        get_instrument("gmds")


def _with_bands(*bands: Band) -> BandSet:
    return BandSet(group=Group.EVERYONE, bands=bands, explanation="", source="test")


def test_an_instrument_with_a_gap_between_bands_fails_to_build():
    broken = _with_bands(Band("a", "A", 0, 2, 0, "m", "n"), Band("b", "B", 4, 6, 1, "m", "n"))
    with pytest.raises(ValueError, match="gap or overlap"):
        dataclasses.replace(PHQ2, band_sets=(broken,))


def test_an_instrument_whose_bands_stop_short_fails_to_build():
    short = _with_bands(Band("a", "A", 0, 2, 0, "m", "n"), Band("b", "B", 3, 5, 1, "m", "n"))
    with pytest.raises(ValueError, match="stop before 6"):
        dataclasses.replace(PHQ2, band_sets=(short,))


def test_an_instrument_whose_reverse_keys_do_not_match_its_answers_fails_to_build():
    with pytest.raises(ValueError, match="reverse scoring"):
        dataclasses.replace(EPDS_SCORING, reverse_scored=(3, 5))


def test_an_instrument_with_a_self_harm_item_it_lacks_fails_to_build():
    with pytest.raises(ValueError, match="self-harm item 9"):
        dataclasses.replace(PHQ2, self_harm_item=9)
