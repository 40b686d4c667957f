"""Crisis lines: every country has its emergency number and every number its source; order and fallback."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from twofold.households.crisis import (
    FALLBACK,
    ORDER,
    Kind,
    check_crisis_data,
    known_countries,
    lines_for,
    load_raw,
)
from twofold.households.models import Country

RAW = load_raw()
COUNTRIES = sorted(code for code in RAW["countries"] if code != FALLBACK)

# EVIDENCE.md §6 and Decisions: immediate danger always means the emergency number.
EMERGENCY = {"GB": ["999"], "US": ["911"], "AU": ["000"], "CA": ["911"], "IE": ["112", "999"], "NZ": ["111"]}
# GB, US, AU are [V]; CA and IE are [U] ("common knowledge"); NZ is marked both [V] and [U], so it is
# not shipped as [V].
EMERGENCY_MARK = {"GB": "V", "US": "V", "AU": "V", "CA": "U", "IE": "U", "NZ": "U"}


@pytest.mark.parametrize("code", COUNTRIES)
def test_every_country_has_an_emergency_number(code):
    lines = RAW["countries"][code]["lines"]
    numbers = [
        contact["value"]
        for line in lines
        if line["kind"] == "emergency"
        for contact in line["contacts"]
        if contact["how"] == "call" and any(ch.isdigit() for ch in contact["value"])
    ]
    assert numbers, f"{code} has no emergency number"


@pytest.mark.parametrize("code", sorted(RAW["countries"]))
def test_every_contact_has_a_source_a_mark_and_a_checked_date(code):
    for line in RAW["countries"][code]["lines"]:
        assert line["purpose"], f"{code} {line['name']} does not say what it is for"
        for contact in line["contacts"]:
            where = f"{code} {line['name']} {contact['value']}"
            assert contact["source"].strip(), f"{where} has no source"
            assert contact.get("checked"), f"{where} has no checked date"
            dt.date.fromisoformat(contact["checked"])  # a malformed date raises here
            if contact["how"] != "advice":
                assert contact["mark"] in {"V", "S", "U"}, f"{where} has no mark"


def test_the_shipped_file_passes_the_data_check():
    assert check_crisis_data(RAW) == []


def test_the_data_check_catches_a_country_without_an_emergency_line():
    broken = copy.deepcopy(RAW)
    lines = broken["countries"]["AU"]["lines"]
    broken["countries"]["AU"]["lines"] = [line for line in lines if line["kind"] != "emergency"]
    assert check_crisis_data(broken) == ["AU: has no emergency line."]


def test_the_data_check_catches_an_emergency_line_with_no_number():
    broken = copy.deepcopy(RAW)
    broken["countries"]["US"]["lines"][0]["contacts"][0]["value"] = "the emergency services"
    assert check_crisis_data(broken) == ["US: the emergency line has no number to call."]


def test_the_data_check_catches_a_contact_without_a_source():
    broken = copy.deepcopy(RAW)
    broken["countries"]["NZ"]["lines"][1]["contacts"][0]["source"] = ""
    assert check_crisis_data(broken) == ["NZ, Need to Talk? 1737, call 1737: has no source."]


def test_the_data_check_catches_a_missing_fallback():
    broken = copy.deepcopy(RAW)
    del broken["countries"][FALLBACK]
    assert check_crisis_data(broken) == ["There is no 'other' entry for countries without their own lines."]


def test_the_file_says_when_and_how_the_lines_were_checked():
    checked = RAW["checked"]
    assert checked
    dt.date.fromisoformat(checked)  # a malformed date raises here
    assert "EVIDENCE.md" in RAW["checked_basis"]
    assert all(
        contact["checked"] == checked
        for entry in RAW["countries"].values()
        for line in entry["lines"]
        for contact in line["contacts"]
    )


@pytest.mark.parametrize("code", COUNTRIES)
def test_emergency_numbers_and_their_marks_match_the_evidence(code):
    country = lines_for(code)
    contacts = [c for line in country.emergency for c in line.contacts if c.how == "call"]
    assert [c.value for c in contacts] == EMERGENCY[code]
    assert {c.mark for c in contacts} == {EMERGENCY_MARK[code]}


def test_the_countries_are_the_six_evidence_covers():
    assert set(known_countries()) == {"GB", "US", "AU", "CA", "IE", "NZ"}


def test_every_household_country_but_elsewhere_has_its_own_lines():
    for value in Country.values:
        assert lines_for(value).is_fallback == (value == Country.OTHER)


@pytest.mark.parametrize("code", COUNTRIES)
def test_lines_come_emergency_first_then_crisis_then_support_then_parents(code):
    lines = lines_for(code).lines
    assert lines[0].kind is Kind.EMERGENCY
    ranks = [ORDER[line.kind] for line in lines]
    assert ranks == sorted(ranks)


def test_uk_lines_in_order():
    assert [line.name for line in lines_for("GB").lines] == [
        "Emergency services",
        "NHS 111, mental health option (England)",
        "Samaritans",
        "Shout",
        "Mind infoline",
        "PANDAS Foundation",
        "Cry-sis",
        "NSPCC helpline",
    ]


def test_us_support_lines_say_they_are_not_crisis_lines():
    lines = {line.name: line for line in lines_for("US").lines}
    for name in (
        "National Maternal Mental Health Hotline (HRSA)",
        "Postpartum Support International HelpLine",
    ):
        assert not lines[name].is_crisis_line
        assert "not a crisis line" in lines[name].label
    assert lines["988 Suicide & Crisis Lifeline"].is_crisis_line
    assert lines["988 Suicide & Crisis Lifeline"].label == "Crisis line"


@pytest.mark.parametrize("code", [*COUNTRIES, FALLBACK])
def test_every_line_that_is_not_for_a_crisis_says_so(code):
    for line in lines_for(code).lines:
        if line.kind in {Kind.SUPPORT, Kind.PERINATAL, Kind.PARENTING}:
            assert "not a crisis line" in line.label


@pytest.mark.parametrize("code", ["XX", "FR", "", "other", "zz"])
def test_anywhere_else_gets_the_directory_and_the_local_emergency_number(code):
    country = lines_for(code)
    assert country.is_fallback
    assert country.code == FALLBACK
    assert [line.kind for line in country.lines] == [Kind.EMERGENCY, Kind.DIRECTORY]
    assert country.lines[1].contacts[0].value == "https://findahelpline.com"
    assert country.emergency_numbers == "your local emergency number"
    assert "your local emergency number" in country.unsafe_line


def test_country_codes_are_read_without_regard_to_case_or_spaces():
    assert lines_for(" gb ").code == "GB"
    assert not lines_for("nz").is_fallback


def test_the_unsafe_line_names_the_countrys_emergency_numbers():
    assert "call 112 or 999 if you are in danger now" in lines_for("IE").unsafe_line
    assert "call 000" in lines_for("AU").unsafe_line


def test_dial_strips_everything_but_digits():
    samaritans = next(line for line in lines_for("GB").lines if line.name == "Samaritans")
    call, email = samaritans.contacts
    assert call.dial == "116123"
    assert email.dial == ""
    pieta = next(line for line in lines_for("IE").lines if line.name == "Pieta")
    assert (pieta.contacts[1].how, pieta.contacts[1].keyword, pieta.contacts[1].dial) == (
        "text",
        "HELP",
        "51444",
    )


@pytest.mark.parametrize("code", sorted(RAW["countries"]))
def test_no_line_tells_a_parent_what_is_not_verified_or_cites_a_blog(code):
    # What Twofold could not confirm is left out of the page, not shown with a doubt beside it.
    for line in RAW["countries"][code]["lines"]:
        shown = [line["purpose"], line.get("hours") or ""]
        shown += [c.get("note", "") for c in line["contacts"]] + [
            c.get("keyword", "") for c in line["contacts"]
        ]
        for words in shown:
            assert "verified" not in words.lower() and "blog" not in words.lower(), (
                code,
                line["name"],
                words,
            )
