"""Reading a parent's words: which situations they describe, with the words that say so.

Plain functions over plain values, no database: `read(text)` → `Reading`. Deterministic (the same text always
gives the same reading) and explainable (every situation carries the spans of text that made it).

How a phrase from the lexicon (lexicon.py) counts, after the words are mended (words.py):
1. **Negation**: "I'm not depressed, just tired" — a negation (not, never, don't, no longer, used to…) in the
   few words before a phrase, within its clause (a comma, "but" or "just" ends one), cancels it. "Not sure",
   "don't know" and "not certain" are doubt, not negation.
2. **Distance**: "my mum says I'm depressed" — what someone outside the couple says or thinks is theirs, not
   the writer's (what the other parent says counts: it is about the household).
3. **Who**: each phrase says whom it must be about (lexicon.Who). The subject is the nearest person named
   before it in the sentence: "I", the partner (husband, wife, partner, "his dad" when "his" is the baby),
   the baby, or someone else ("my mum", grandparents); "he"/"she" stand for the last person named.
4. **Safety is never silenced by doubt.** A safety phrase counts unless a negation stands right before it
   ("I would never hurt him", "I'm not suicidal"), or it is about someone outside the household, or (for
   the baby) its object is plainly the partner ("shake my partner awake"). Even then, except for that last
   case, the reading keeps `safety_mentioned`, and the page still shows the lines, gently.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cache

from twofold.intake.closed_words import (
    BABY_CUES,
    BABY_WORDS,
    CLAUSE_ENDS,
    DOUBT_AFTER,
    GRANDCHILD_WORDS,
    GRANDPARENT_WORDS,
    GROWN_CHILD_WORDS,
    HEARSAY,
    NEGATION_WINDOW,
    NEGATIONS,
    OBJECT_ONLY,
    OTHER_WORDS,
    PARENT_NAMES,
    PARTNER_WORDS,
    PLAIN_FILLERS,
    POSSESSIVES,
    PRONOUNS,
    SELF_WORDS,
    SENTENCE_ENDS,
    THIRD_PERSON,
    Person,
)
from twofold.intake.lexicon import ADULT_ONLY, RULES, SAFETY, SITUATIONS, Rule, Who
from twofold.intake.words import NEVER_MEND, Word, vocabulary_of, words_of

MAX_CHARACTERS = 20_000  # a generous page of writing; the forms and the API refuse more, saying so


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Heard:
    """One situation the words describe, the spans that say so, and about whom (the first such span)."""

    key: str
    spans: tuple[Span, ...]
    about: Person


@dataclass(frozen=True)
class Reading:
    text: str
    heard: tuple[Heard, ...]
    # A safety phrase was written but set aside (a plain negation, or about someone else): the page still
    # shows the lines, gently.
    safety_mentioned: bool = False
    set_aside: tuple[Span, ...] = field(default=())

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(h.key for h in self.heard)

    @property
    def safety(self) -> bool:
        return any(h.key in SAFETY for h in self.heard)


@dataclass(frozen=True)
class _Text:
    """The words of one text, where each sentence and clause starts, and whom each word names."""

    words: Sequence[Word]
    joined: str
    offsets: Sequence[int]  # where each word starts in `joined`
    people: Sequence[Person | None]
    sentence_start: Sequence[int]  # for each word, the index of the first word of its sentence
    partner_named: bool


@cache
def _compiled() -> tuple[tuple[Rule, re.Pattern[str]], ...]:
    """One pattern for each situation and whom it must be about: the rules' phrases as alternatives."""
    grouped: dict[tuple[str, Who], list[str]] = {}
    for rule in RULES:
        grouped.setdefault((rule.situation, rule.who), []).append(rule.pattern)
    return tuple(
        (
            Rule(situation, "|".join(patterns), who),
            re.compile(rf"(?<![a-z0-9])(?:{'|'.join(patterns)})(?![a-z0-9])"),
        )
        for (situation, who), patterns in grouped.items()
    )


@cache
def _vocabulary() -> frozenset[str]:
    return vocabulary_of(rule.pattern for rule in RULES)


@cache
def _known() -> frozenset[str]:
    return _vocabulary() | NEVER_MEND | SELF_WORDS | PARTNER_WORDS | BABY_WORDS | OTHER_WORDS | PARENT_NAMES


def read(text: str) -> Reading:
    """What the text says, situation by situation, in the order of lexicon.SITUATIONS (safety first)."""
    prepared = _prepare(text[:MAX_CHARACTERS])
    found: dict[str, list[tuple[Span, Person]]] = {}
    set_aside: list[Span] = []
    for rule, pattern in _compiled():
        at = 0
        while match := pattern.search(prepared.joined, at):
            first, last = _word_range(prepared, match.start(), match.end())
            span = Span(prepared.words[first].start, prepared.words[last].end, "")
            verdict = _judge(prepared, rule, first, last)
            # A phrase that does not count gives way: a shorter one may start at the next word.
            at = match.end() if verdict is not None else _next_word(prepared, first)
            if verdict is None:
                continue
            aside, about = verdict
            if aside:
                set_aside.append(span)
            else:
                found.setdefault(rule.situation, []).append((span, about))
    heard = tuple(
        Heard(key, _merged([s for s, _ in found[key]], text), found[key][0][1])
        for key in SITUATIONS
        if key in found
    )
    return Reading(
        text=text,
        heard=heard,
        safety_mentioned=bool(set_aside) or any(h.key in SAFETY for h in heard),
        set_aside=_merged(set_aside, text),
    )


# ---- Preparing the words -------------------------------------------------------------------------------


def _prepare(text: str) -> _Text:
    words = words_of(text, _vocabulary(), _known())
    offsets: list[int] = []
    at = 0
    for word in words:
        offsets.append(at)
        at += len(word.text) + 1
    joined = " ".join(w.text for w in words)
    starts: list[int] = []
    current = 0
    for i, word in enumerate(words):
        starts.append(current)
        if word.text in SENTENCE_ENDS:
            current = i + 1
    people = _people([w.text for w in words], starts, grandparent=_grandparent_writing(words))
    return _Text(words, joined, offsets, people, starts, Person.PARTNER in people)


def _grandparent_writing(words: Sequence[Word]) -> bool:
    """ "Grandma here", "I'm his nan", "my granddaughter": the writer is a grandparent."""
    plain = [w.text for w in words]
    for i, word in enumerate(plain):
        if word in GRANDCHILD_WORDS and i and plain[i - 1] in {"my", "our"}:
            return True
        if word in GRANDPARENT_WORDS:
            after = plain[i + 1] if i + 1 < len(plain) else ""
            before = plain[max(0, i - 2) : i]
            if after == "here" or "im" in before or "as" in before:
                return True
    return False


def _people(words: Sequence[str], starts: Sequence[int], *, grandparent: bool = False) -> list[Person | None]:
    """Whom each word names, if anyone; pronouns stand for the last person (partner, baby or other) named.
    When a grandparent writes, "my daughter" or "my son" is one of the baby's parents."""
    people: list[Person | None] = []
    last: Person | None = None
    for i, word in enumerate(words):
        before = words[i - 1] if i else ""
        person: Person | None = None
        if grandparent and word in GROWN_CHILD_WORDS and before in {"my", "our"}:
            person = Person.PARTNER
        elif word in SELF_WORDS:
            person = Person.SELF
        elif word in PARTNER_WORDS and not (word == "half" and before != "other"):
            person = Person.PARTNER
        elif word in PARENT_NAMES:
            person = _parent_named(before, people[i - 1] if i else None)
        elif word in OTHER_WORDS:
            person = Person.OTHER
        elif word in BABY_WORDS and _is_baby_word(word, before):
            person = Person.BABY
        elif word in PRONOUNS:
            person = last or Person.UNSURE
        if person in (Person.PARTNER, Person.BABY, Person.OTHER) and word not in PRONOUNS:
            last = person
        people.append(person)
    return people


def _parent_named(before: str, before_person: Person | None) -> Person:
    """ "my mum" is a grandparent; "his dad", when "his" is the baby, and "daddy" are the other parent."""
    if before in {"my", "our"} or before_person in (Person.PARTNER, Person.OTHER):
        return Person.OTHER
    return Person.PARTNER


def _is_baby_word(word: str, before: str) -> bool:
    if word == "one":
        return before == "little"
    if word == "old":
        return before in {"month", "months", "week", "weeks", "day", "days", "year"}
    return True


def _next_word(prepared: _Text, first: int) -> int:
    return prepared.offsets[first + 1] if first + 1 < len(prepared.offsets) else len(prepared.joined) + 1


def _word_range(prepared: _Text, start: int, end: int) -> tuple[int, int]:
    first = bisect.bisect_right(prepared.offsets, start) - 1
    last = bisect.bisect_left(prepared.offsets, end) - 1
    return first, max(first, last)


# ---- Judging one phrase ------------------------------------------------------------------------------


def _judge(prepared: _Text, rule: Rule, first: int, last: int) -> tuple[bool, Person] | None:
    """None when the phrase does not count; else whether it is a safety phrase set aside, and about whom."""
    safety = rule.situation in SAFETY
    # A safety phrase's own first word never sets it aside ("everyone would be better off without me").
    subject, at = _before(prepared, first) if safety else _subject(prepared, first, last)
    if safety and rule.situation == "harm_to_baby_risk" and _object_not_baby(prepared, first, last):
        return None
    hearsay = _hearsay_from_outside(prepared, first)
    if safety:
        # Someone else named before it sets a safety phrase aside only when the phrase speaks of a third
        # person ("my friend's brother killed himself"), never when it speaks of "I" or "me".
        about_other = subject == Person.OTHER and _third_person(prepared, first, last)
        aside = _plainly_negated(prepared, first) or hearsay or about_other
        return aside, Person.OTHER if about_other else (
            subject if subject not in (None, Person.OTHER) else Person.SELF
        )
    if rule.who == "other":
        hearsay = False  # "my in-laws said they'd come, then cancelled": what they said is the point
    adult_only = rule.who in ("partner", "other") or rule.situation in ADULT_ONLY
    if adult_only and subject == Person.BABY and prepared.words[at].text in PRONOUNS:
        # "Our twins are 4 months. Since he left…", "She carried him and had a c-section": a phrase only
        # an adult can be the subject of means the pronoun is not the baby named last.
        subject = Person.UNSURE
    if (
        _negated(prepared, first)
        or _past_after(prepared, last)
        or hearsay
        or not _fits(rule, subject, prepared)
    ):
        return None
    return False, subject or Person.SELF


def _third_person(prepared: _Text, first: int, last: int) -> bool:
    return any(prepared.words[i].text in THIRD_PERSON for i in range(first, last + 1))


def _subject(prepared: _Text, first: int, last: int) -> tuple[Person | None, int]:
    """The first person named in the phrase, else the nearest named before it in its sentence, and where."""
    # Only the phrase's first word (or the one after "my"/"our") may be its subject: "I do everything",
    # "he never helps", "my boyfriend walked out".
    if prepared.words[first].text in POSSESSIVES and first < last and prepared.people[first + 1] is not None:
        return prepared.people[first + 1], first + 1
    person = prepared.people[first]
    if person is not None and prepared.words[first].text not in OBJECT_ONLY:
        return person, first
    return _before(prepared, first)


def _before(prepared: _Text, first: int) -> tuple[Person | None, int]:
    for i in range(first - 1, prepared.sentence_start[first] - 1, -1):
        if prepared.people[i] is not None and prepared.words[i].text not in OBJECT_ONLY:
            if prepared.words[i].text in POSSESSIVES and i + 1 < first and prepared.people[i + 1] is not None:
                return prepared.people[i + 1], i + 1  # "my husband": the husband
            return prepared.people[i], i
    return None, first


def _fits(rule: Rule, subject: Person | None, prepared: _Text) -> bool:
    if rule.who == "any":
        return True
    if subject is None:
        return rule.who != "partner" or prepared.partner_named
    allowed = {
        "parent": {Person.SELF, Person.PARTNER, Person.UNSURE},
        "partner": {Person.PARTNER, Person.UNSURE},
        "self": {Person.SELF},
        "baby": {Person.BABY, Person.UNSURE},
        "other": {Person.OTHER, Person.UNSURE},
    }[rule.who]
    return subject in allowed


def _clause_before(prepared: _Text, first: int, limit: int) -> list[str]:
    """Up to `limit` words before the phrase, nearest first, stopping where its clause begins."""
    found: list[str] = []
    for i in range(first - 1, max(-1, first - 1 - limit), -1):
        word = prepared.words[i].text
        if word in CLAUSE_ENDS:
            break
        found.append(word)
    return found


def _negated(prepared: _Text, first: int) -> bool:
    before = _clause_before(prepared, first, NEGATION_WINDOW)
    for n, word in enumerate(before):
        after = before[n - 1] if n else ""
        if word in NEGATIONS and after not in DOUBT_AFTER:
            return True
        if word == "longer" and n + 1 < len(before) and before[n + 1] == "no":
            return True
        if word == "to" and n + 1 < len(before) and before[n + 1] == "used":
            return True  # "I used to feel hopeless": past, not now
    return False


def _past_after(prepared: _Text, last: int) -> bool:
    """ "My anxiety used to be awful": the phrase is followed, in its clause, by "used to"."""
    after = [prepared.words[i].text for i in range(last + 1, min(len(prepared.words), last + 4))]
    for a, b in zip(after, after[1:], strict=False):
        if a in CLAUSE_ENDS:
            return False
        if (a, b) == ("used", "to"):
            return True
    return False


def _plainly_negated(prepared: _Text, first: int) -> bool:
    """A negation right before a safety phrase, with nothing between but words like "would" or "ever"."""
    for word in _clause_before(prepared, first, 5):
        if word in NEGATIONS:
            return True
        if word not in PLAIN_FILLERS:
            return False
    return False


def _hearsay_from_outside(prepared: _Text, first: int) -> bool:
    """ "My mum says I'm depressed": someone outside the couple says or thinks it, earlier in the sentence."""
    start = prepared.sentence_start[first]
    for i in range(first - 1, start - 1, -1):
        if prepared.words[i].text in HEARSAY:
            for j in range(i - 1, max(start, i - 4) - 1, -1):
                if prepared.people[j] is not None:
                    return prepared.people[j] == Person.OTHER
            return False
    return False


def _object_not_baby(prepared: _Text, first: int, last: int) -> bool:
    """ "Shake my partner awake", "I could kill him" (the partner, no baby in the sentence): not the baby."""
    named = [prepared.people[i] for i in range(first + 1, min(len(prepared.words), last + 3))]
    explicit = [p for p in named if p is not None]
    if not explicit:
        return False
    target = explicit[0]
    if target == Person.BABY or target == Person.UNSURE:
        return False
    words_after = {prepared.words[i].text for i in range(first + 1, min(len(prepared.words), last + 3))}
    if words_after & PARTNER_WORDS or words_after & OTHER_WORDS:
        return True
    sentence = range(prepared.sentence_start[first], min(len(prepared.words), last + 12))
    baby_in_sentence = any(prepared.words[i].text in BABY_CUES for i in sentence)
    return not baby_in_sentence


def _merged(spans: Sequence[Span], text: str) -> tuple[Span, ...]:
    """Overlapping spans made one, in order, each with its words from the text."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted({(s.start, s.end) for s in spans}):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return tuple(Span(a, b, text[a:b]) for a, b in merged)


def segments(reading: Reading) -> list[tuple[str, tuple[str, ...]]]:
    """The text cut into pieces for highlighting: each piece with the situations whose words it holds."""
    marks: list[tuple[int, int, str]] = [
        (span.start, span.end, heard.key) for heard in reading.heard for span in heard.spans
    ]
    cuts = sorted({0, len(reading.text), *(m[0] for m in marks), *(m[1] for m in marks)})
    pieces: list[tuple[str, tuple[str, ...]]] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        keys = tuple(sorted({k for s, e, k in marks if s <= a and b <= e}))
        pieces.append((reading.text[a:b], keys))
    return pieces
