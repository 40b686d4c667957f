"""One definition per kind of care: the registry covers every kind, and what each says is what the rest
of Twofold does (words, timers, readings, details)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from twofold.care import kinds
from twofold.care.kinds import KEYS, REGISTRY, Reading, definition, keys_where
from twofold.care.labels import count_phrase, describe, event_label, kind_tiles
from twofold.care.models import CareEvent, Kind
from twofold.care.rows import EventRow
from twofold.care.rules import LONGEST, RESPONSE_KINDS, TIMER_KINDS
from twofold.households.words import word


def row(kind: str, **details) -> EventRow:
    start = dt.datetime(2026, 11, 1, 10, tzinfo=dt.UTC)
    return EventRow(1, kind, 1, "Ada", 1, "Alex", start, None, False, "", None, "", details=details)


def test_every_kind_has_one_definition_in_the_order_of_the_choices():
    assert tuple(Kind.values) == KEYS
    assert all(type(d.key) is str for d in REGISTRY)


@pytest.mark.parametrize("kind", REGISTRY, ids=lambda d: d.key)
def test_a_definitions_british_label_is_the_kinds_choice_label(kind):
    assert kind.label("en-GB") == Kind(kind.key).label


@pytest.mark.parametrize("kind", [d for d in REGISTRY if d.detail is not None], ids=lambda d: d.key)
def test_a_detail_table_hangs_off_the_event_under_the_kinds_key(kind):
    relation = CareEvent._meta.get_field(kind.key)
    assert relation.related_model is kind.detail
    assert kind.form is not None
    assert set(kind.quantities) <= set(kind.detail_fields)
    assert set(kind.choice_lists) <= set(kind.detail_fields)


def test_kinds_without_a_table_have_no_form_and_no_details():
    for kind in REGISTRY:
        if kind.detail is None:
            assert (kind.form, kind.detail_fields, kind.check) == (None, (), None)


def test_the_nappy_follows_the_households_wording():
    assert [event_label("nappy", locale) for locale in ("en-GB", "en-US")] == ["Nappy", "Diaper"]
    assert count_phrase("nappy", 1, "en-US") == "1 diaper"
    assert count_phrase("nappy", 3, "en-GB") == "3 nappies"
    for locale in ("en-GB", "en-US"):
        nouns = definition("nappy").nouns_for(locale)
        assert (nouns.one, nouns.many) == (word(locale, "nappy"), word(locale, "nappies"))


def test_counts_read_as_english_for_every_kind():
    assert count_phrase("settle", 2, "en-GB") == "2 crying spells"
    assert count_phrase("medicine", 1, "en-GB") == "1 dose of medicine"
    assert count_phrase("weight", 2, "en-US") == "2 weighings"
    for kind in KEYS:
        assert count_phrase(kind, 1, "en-US").startswith("1 ")


def test_the_quick_log_tiles_come_from_the_registry_in_order():
    tiles = kind_tiles("en-US")
    assert [t.kind for t in tiles] == list(KEYS)
    feed = tiles[0]
    assert (feed.label, feed.hint, feed.timer) == ("Feed", "breast or bottle", True)
    assert tiles[1].label == "Diaper"


def test_the_rules_are_read_from_the_definitions():
    assert {"feed", "sleep", "settle"} == TIMER_KINDS
    assert {"feed", "nappy", "sleep", "settle", "bath", "skin_to_skin", "play"} == RESPONSE_KINDS
    assert "nappy" not in LONGEST and "weight" not in LONGEST
    assert LONGEST["sleep"] == dt.timedelta(hours=16)


def test_each_reading_counts_the_kinds_it_always_did():
    assert keys_where(reading=Reading.NIGHT_WAKING) == {
        "feed",
        "nappy",
        "settle",
        "bath",
        "skin_to_skin",
        "play",
        "pumping",
        "medicine",
    }
    assert keys_where(reading=Reading.SETTLING_SESSION) == {"settle", "skin_to_skin", "bath", "play"}
    assert keys_where(reading=Reading.LOAD_EVENTS) - keys_where(reading=Reading.LOAD_MINUTES) == {"sleep"}
    assert not definition("note").care_work
    assert definition("feed").care_work


def test_summaries_come_from_each_kinds_definition():
    assert describe(row("feed", method="formula", amount_ml=Decimal("120")), "en-GB", "ml") == (
        "Bottle of formula, 120 ml"
    )
    assert describe(row("feed", method="breast", side="left"), "en-GB", "ml") == "Breast, left"
    assert describe(row("nappy", contents="both"), "en-US", "ml") == "Diaper: wet and dirty"
    assert describe(row("sleep", place=""), "en-GB", "ml") == "Sleep"
    assert describe(row("settle", tried=["rocking"], outcome="asleep"), "en-GB", "ml") == (
        "Crying, tried rocking, fell asleep"
    )
    assert describe(row("pumping", amount_ml=Decimal("90")), "en-GB", "ml") == "Pumping, 90 ml"
    assert describe(row("medicine", name="Vitamin D", dose="1 drop"), "en-GB", "ml") == "Vitamin D 1 drop"


def test_a_kind_with_nothing_to_add_reads_as_its_label():
    for kind in KEYS:
        assert describe(row(kind), "en-US", "ml") == event_label(kind, "en-US")


def test_the_registry_is_the_package_api():
    assert kinds.find("no_such_kind") is None
    with pytest.raises(KeyError):
        definition("no_such_kind")
