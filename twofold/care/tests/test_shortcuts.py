"""Quick log's one-tap shortcuts as pure rules: usual bottles, the breastfeed side, medicines again."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from twofold.care.shortcuts import (
    MOST_BOTTLES,
    Dose,
    FeedFact,
    last_side,
    recent_medicines,
    side_to_offer,
    usual_bottles,
)

T0 = dt.datetime(2026, 12, 1, 3, 0, tzinfo=dt.UTC)


def bottle(ml: str, method: str = "formula", hours_ago: int = 0) -> FeedFact:
    return FeedFact(T0 - dt.timedelta(hours=hours_ago), method, "", Decimal(ml))


def breast(side: str, hours_ago: int = 0) -> FeedFact:
    return FeedFact(T0 - dt.timedelta(hours=hours_ago), "breast", side, None)


def test_the_last_bottle_comes_first_then_the_most_common_others():
    feeds = [bottle("90"), bottle("120", hours_ago=3), bottle("150", hours_ago=6), bottle("120", hours_ago=9)]
    feeds += [bottle("150", hours_ago=12), bottle("150", hours_ago=15), bottle("60", hours_ago=18)]
    found = usual_bottles(feeds, "ml")
    assert [b.label for b in found] == ["90 ml", "150 ml", "120 ml", "60 ml"]
    assert [b.last for b in found] == [True, False, False, False]


def test_no_more_buttons_than_fit_and_ties_go_to_the_more_recent():
    feeds = [bottle(str(ml), hours_ago=n) for n, ml in enumerate([100, 110, 120, 130, 140, 150])]
    assert [b.amount for b in usual_bottles(feeds, "ml")] == [Decimal(a) for a in (100, 110, 120, 130)]
    assert len(usual_bottles(feeds, "ml")) == MOST_BOTTLES


def test_breastfeeds_and_feeds_without_an_amount_are_not_bottles():
    assert usual_bottles([breast("left"), FeedFact(T0, "formula", "", None)], "ml") == []


def test_fluid_ounces_group_amounts_as_the_household_reads_them():
    # 118.3 ml and 118.0 ml are both 4.0 fl oz on the bottle.
    feeds = [bottle("118.3"), bottle("118.0", hours_ago=2), bottle("177.4", hours_ago=4)]
    found = usual_bottles(feeds, "fl_oz")
    assert [(b.amount, b.label) for b in found] == [
        (Decimal("4.0"), "4.0 fl oz"),
        (Decimal("6.0"), "6.0 fl oz"),
    ]


def test_each_amount_keeps_the_method_of_its_latest_bottle():
    feeds = [bottle("60", "expressed"), bottle("120", "formula", 2), bottle("60", "formula", 5)]
    assert {b.label: b.method for b in usual_bottles(feeds, "ml")} == {
        "60 ml": "expressed",
        "120 ml": "formula",
    }


def test_the_other_side_is_offered_after_a_one_sided_breastfeed():
    feeds = [bottle("90"), breast("left", 2), breast("right", 5)]
    assert last_side(feeds) == "left"
    assert side_to_offer("left") == "right"
    assert side_to_offer("right") == "left"


def test_no_side_is_preferred_after_both_sides_or_no_breastfeed():
    assert last_side([breast("", 1)]) == "both"
    assert side_to_offer("both") == ""
    assert last_side([bottle("90")]) == ""
    assert side_to_offer("") == ""


def test_recent_medicines_are_distinct_by_name_and_dose_newest_first():
    doses = [
        Dose("Paracetamol", "2.5 ml"),
        Dose("paracetamol ", "2.5 ML"),
        Dose("Ibuprofen", "2.5 ml"),
        Dose("Paracetamol", "5 ml"),
        Dose("Vitamin D", "1 drop"),
    ]
    found = recent_medicines(doses)
    assert [d.label for d in found] == ["Paracetamol 2.5 ml", "Ibuprofen 2.5 ml", "Paracetamol 5 ml"]


def test_a_medicine_without_a_dose_reads_as_its_name():
    assert recent_medicines([Dose("Gripe water", "")])[0].label == "Gripe water"
