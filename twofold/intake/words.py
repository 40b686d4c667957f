"""From a parent's text to a plain list of words the rules can read: lower case, apostrophes dropped
("don't" → "dont"), British and American words made one ("diaper" → "nappy", "mom" → "mum"), and a typo of
one letter on a longer word mended to the lexicon's word ("exausted" → "exhausted"). Every word keeps where it
stood in the original text, so what the rules find can be highlighted there.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from rapidfuzz import process
from rapidfuzz.distance import OSA

# A word, a number, or one mark that ends a clause. Apostrophes inside a word are kept, then dropped.
TOKEN = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*|\d+|[.!?;:,\n()\"“”]|[-–—]{1,2}(?=\s)")

# One spelling for each word that British and American parents spell or name differently.
ONE_WORD = {
    "mom": "mum",
    "mommy": "mummy",
    "momma": "mum",
    "mam": "mum",
    "ma": "mum",
    "moms": "mums",
    "diaper": "nappy",
    "diapers": "nappies",
    "pacifier": "dummy",
    "binky": "dummy",
    "crib": "cot",
    "stroller": "pram",
    "pushchair": "pram",
    "cesarean": "caesarean",
    "csection": "caesarean",
    "colicky": "colic",
    "hemorrhage": "haemorrhage",
    "counseling": "counselling",
    "counselor": "counsellor",
    "pediatrician": "doctor",
    "realized": "realised",
    "apologize": "apologise",
    "behavior": "behaviour",
    "hubby": "husband",
    "wifey": "wife",
    "bf": "boyfriend",
    "gf": "girlfriend",
    "dh": "husband",
    "dw": "wife",
    "fiance": "partner",
    "fiancee": "partner",
    "spouse": "partner",
    "lo": "baby",
    "bub": "baby",
    "bubba": "baby",
    "newborn": "baby",
    "infant": "baby",
    "ppd": "pnd",
    "meds": "medication",
    "med": "medication",
    "antidepressant": "antidepressants",
    "ssri": "antidepressants",
    "ssris": "antidepressants",
    "gonna": "going to",
    "wanna": "want to",
    "cos": "because",
    "cuz": "because",
    "u": "you",
}

# Common words one letter away from a lexicon word that must never be "mended" into it ("tried" is not
# "tired", "drying" is not "crying").
NEVER_MEND = frozenset(
    [
        "tried",
        "drying",
        "prying",
        "trying",
        "frying",
        "hurts",
        "heart",
        "hearts",
        "hearted",
        "better",
        "bitter",
        "batter",
        "wetter",
        "letter",
        "helped",
        "yelped",
        "shaken",
        "waken",
        "taken",
        "ruining",
        "running",
        "sleepy",
        "steep",
        "sheep",
        "sleet",
        "fighting",
        "lighting",
        "sighting",
        "worse",
        "horse",
        "nurse",
        "purse",
        "curse",
        "hoping",
        "hopping",
        "hoped",
        "holding",
        "folding",
        "molding",
        "colder",
        "holder",
        "harmed",
        "farmed",
        "warmed",
        "charmed",
        "leaving",
        "heaving",
        "weaving",
        "loving",
        "moving",
        "roving",
        "living",
        "giving",
        "diving",
        "having",
        "waving",
        "caving",
        "crying",
        "feeding",
        "needing",
        "reading",
        "heeding",
        "weeding",
        "seeding",
        "sitting",
        "hitting",
        "fitting",
        "kitting",
        "shaking",
        "baking",
        "making",
        "taking",
        "waking",
        "raking",
        "always",
        "allays",
        "months",
        "mouths",
        "thinks",
        "things",
        "though",
        "through",
        "thought",
        "thoughts",
        "brought",
        "bought",
        "fought",
        "sought",
        "others",
        "mother",
        "bother",
        "father",
        "rather",
        "lather",
        "gather",
        "either",
        "neither",
        "breathing",
        "breathe",
        "breath",
        "bathing",
        "bathe",
        "washing",
        "wishing",
        "wished",
        "washed",
        "pushing",
        "rushing",
        "mushing",
        "hushing",
        "kidding",
        "bidding",
        "didnt",
        "doesnt",
        "wasnt",
        "wouldnt",
        "couldnt",
        "shouldnt",
        "havent",
        "hasnt",
        "isnt",
        "arent",
        "werent",
        "dropping",
        "drooping",
        "dripping",
        "tripping",
        "stripping",
        "scrolling",
        "strolling",
        "rolling",
        "trolling",
        "anymore",
        "someone",
        "something",
        "somehow",
        "somewhere",
        "anyone",
        "anything",
        "anywhere",
        "everyone",
        "everything",
        "shouting",
        "shooting",
        "started",
        "startled",
        "smother",
        "smoother",
        "mothers",
        "smothers",
    ]
)

MEND_MIN_LENGTH = 6


@dataclass(frozen=True)
class Word:
    """One word (or mark) as the rules read it, and where it stood in the text."""

    text: str
    start: int
    end: int


def mend(word: str, vocabulary: frozenset[str], known: frozenset[str]) -> str:
    """The lexicon word one edit (a letter added, dropped, changed or two swapped) from `word`, when
    `word` is long enough, not a word the rules already know, and not one never to mend."""
    if len(word) < MEND_MIN_LENGTH or word in known or word in NEVER_MEND or not word.isalpha():
        return word
    return _closest(word, vocabulary)


@lru_cache(maxsize=8192)
def _closest(word: str, vocabulary: frozenset[str]) -> str:
    # Same first letter: a slip is rarely at the start, and this keeps "catching" from becoming "latching".
    near = [w for w in vocabulary if w[0] == word[0]]
    found = process.extractOne(word, near, scorer=OSA.distance, score_cutoff=1)
    return found[0] if found is not None else word


def words_of(text: str, vocabulary: frozenset[str], known: frozenset[str]) -> list[Word]:
    """The text as words in reading order; a word the spelling map makes two (gonna) keeps one place."""
    words: list[Word] = []
    for match in TOKEN.finditer(text):
        raw = match.group().lower().replace("’", "'")
        if raw in {"-", "–", "—", "--"}:
            raw = ","
        plain = raw.replace("'", "")
        plain = ONE_WORD.get(plain, plain)
        plain = mend(plain, vocabulary, known)
        for part in plain.split(" "):
            words.append(Word(part, match.start(), match.end()))
    return words


def vocabulary_of(patterns: Iterable[str]) -> frozenset[str]:
    """Every plain word of six letters or more that the rules' patterns spell out: the words a typo may
    be mended to."""
    found: set[str] = set()
    for pattern in patterns:
        found.update(w for w in re.findall(r"[a-z]+", pattern) if len(w) >= MEND_MIN_LENGTH - 1)
    return frozenset(found)
