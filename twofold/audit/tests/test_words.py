"""Entries in plain words: "you" for the reader, names for everyone else, never a role. No database."""

from __future__ import annotations

from dataclasses import replace

import pytest

from twofold.audit.models import Action
from twofold.audit.words import Entry, detail_line, sentence

SAM_VIEWED = Entry(
    action=Action.SCREENING_VIEWED,
    actor_name="Sam",
    actor_is_you=False,
    about_name="Alex",
    about_is_you=True,
    household_name="The Rivers",
    detail="EPDS result of 3 Dec",
)


def test_the_owner_reads_who_viewed_their_result():
    assert sentence(SAM_VIEWED) == "Sam viewed your EPDS result of 3 Dec"


def test_the_viewer_reads_whose_result_they_viewed():
    theirs = replace(SAM_VIEWED, actor_is_you=True, about_is_you=False)

    assert sentence(theirs) == "You viewed Alex's EPDS result of 3 Dec"


def test_the_result_is_in_the_sentence_so_not_repeated_below_it():
    assert detail_line(SAM_VIEWED) == ""


@pytest.mark.parametrize(
    ("action", "you", "about_you", "expected"),
    [
        (Action.EXPORT_DOWNLOADED, True, False, "You downloaded the household export"),
        (Action.EXPORT_DOWNLOADED, False, False, "Sam downloaded the household export"),
        (Action.SHARING_ON, False, False, "Sam turned sharing on"),
        (Action.SHARING_OFF, True, False, "You turned sharing off"),
        (Action.TOKEN_MADE, True, False, "You made an app key"),
        (Action.TOKEN_REVOKED, False, False, "Sam revoked an app key"),
        (Action.MEMBER_REMOVED, False, True, "Sam removed you from The Rivers"),
        (Action.MEMBER_REMOVED, True, False, "You removed Alex from The Rivers"),
        (Action.ACCOUNT_DELETED, False, False, "Sam deleted their account"),
        (Action.HOUSEHOLD_DELETED, False, False, "Sam deleted the household “The Rivers”"),
    ],
)
def test_each_action_reads_as_a_sentence_with_names(action, you, about_you, expected):
    entry = replace(SAM_VIEWED, action=action, actor_is_you=you, about_is_you=about_you, detail="")

    assert sentence(entry) == expected


def test_a_personal_export_has_no_household():
    entry = replace(SAM_VIEWED, action=Action.EXPORT_DOWNLOADED, actor_is_you=True, household_name="")

    assert sentence(entry) == "You downloaded your own export"


def test_other_details_show_under_the_sentence():
    entry = replace(SAM_VIEWED, action=Action.TOKEN_MADE, detail="Kitchen tablet")

    assert (sentence(entry), detail_line(entry)) == ("Sam made an app key", "Kitchen tablet")


@pytest.mark.parametrize("action", list(Action))
def test_no_sentence_names_a_role(action):
    for you in (True, False):
        words = sentence(replace(SAM_VIEWED, action=action, actor_is_you=you)).lower()
        for role in ("mother", "father", "mum", "dad", "partner", "parent", "owner"):
            assert role not in words.split(), (action, words)
