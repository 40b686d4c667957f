"""The labelled set (tests/data/posts.jsonl, heldout.jsonl and heldout2.jsonl, written for this app): safety
recall must be complete; the other situations are scored by benchmarks/intake.py, and here held to 0.8."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from twofold.intake.lexicon import SAFETY, SITUATIONS
from twofold.intake.reader import read
from twofold.intake.score import score

POSTS = [
    json.loads(line)
    for name in ("posts.jsonl", "heldout.jsonl", "heldout2.jsonl")
    for line in (Path(__file__).parent / "data" / name).read_text().splitlines()
    if line.strip()
]


def test_the_set_is_big_and_varied_enough():
    assert len(POSTS) >= 80
    labels = [set(p["situations"]) for p in POSTS]
    assert sum(1 for s in labels if not s) >= 4  # posts with no concern at all
    assert all(s <= set(SITUATIONS) for s in labels)
    for key in SITUATIONS:
        assert any(key in s for s in labels), key


def test_no_safety_post_is_missed():
    missed = [p["text"] for p in POSTS if set(p["situations"]) & set(SAFETY) and not read(p["text"]).safety]
    assert missed == []


@pytest.mark.parametrize("key", [k for k in SITUATIONS if k not in SAFETY])
def test_every_other_situation_reaches_point_eight(key):
    table = score([set(p["situations"]) for p in POSTS], [set(read(p["text"]).keys) for p in POSTS], [key])
    precision, recall = table[key].precision, table[key].recall
    assert precision is not None and precision >= 0.8
    assert recall is not None and recall >= 0.8
