"""Loading the EPDS wording from a deployment's own licensed copy (never from this repository).

The file is JSON, read strictly so a typo cannot put a half-loaded questionnaire in front of a parent:

    {
      "permission": "Reproduced with the written permission of ... (reference ...)",
      "instructions": "optional: the licensed instructions shown above the questions",
      "items": [
        {"number": 1, "text": "question 1 as licensed", "answers": ["top", "second", "third", "bottom"]},
        ... exactly 10 items, numbered 1 to 10, each with exactly 4 answers in the order printed on the page
      ]
    }

Answers are listed top to bottom as on the page; the scoring (0->3 or 3->0, EVIDENCE.md §1.1) comes from
epds.py, never from the file.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from .base import Instrument
from .epds import ATTRIBUTION, EPDS_ANSWER_COUNT, EPDS_ITEM_COUNT, EPDS_SCORING, epds_items

EPDS_TEXT_ENV = "TWOFOLD_EPDS_TEXT_FILE"

_TOP_KEYS_REQUIRED = {"permission", "items"}
_TOP_KEYS_ALLOWED = _TOP_KEYS_REQUIRED | {"instructions"}
_ITEM_KEYS = {"number", "text", "answers"}


class LicensedTextError(ValueError):
    """The licensed EPDS file is missing, unreadable or not in the expected shape."""


def load_licensed_epds(path: str | Path) -> Instrument:
    """The EPDS with the wording from `path`; raises LicensedTextError saying what to fix."""
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise LicensedTextError(f"The EPDS text file {path} cannot be read: {error}") from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise LicensedTextError(
            f"The EPDS text file {path} is not valid JSON (line {error.lineno}, column {error.colno}: "
            f"{error.msg})."
        ) from None
    texts, answers, permission, instructions = _parse(data, path)
    return dataclasses.replace(
        EPDS_SCORING,
        stem=instructions,
        items=epds_items(texts, answers),
        attribution=f"{ATTRIBUTION} {permission}",
        wording_available=True,
    )


def licensed_epds(env: Mapping[str, str]) -> Instrument | None:
    """The licensed EPDS if `env` names a text file, else None.

    A variable that names a bad file raises LicensedTextError rather than quietly hiding the EPDS: the
    deployer meant to offer it, and should hear at once what is wrong."""
    location = env.get(EPDS_TEXT_ENV, "").strip()
    if not location:
        return None
    return load_licensed_epds(location)


def epds_available(env: Mapping[str, str]) -> bool:
    """Whether this deployment offers the EPDS (see `licensed_epds` for a misconfigured file)."""
    return licensed_epds(env) is not None


def _parse(data: Any, path: Path) -> tuple[tuple[str, ...], tuple[tuple[str, ...], ...], str, str]:
    where = f"The EPDS text file {path}"
    if not isinstance(data, dict):
        raise LicensedTextError(f"{where} must hold a JSON object with 'permission' and 'items'.")
    missing = sorted(_TOP_KEYS_REQUIRED - data.keys())
    if missing:
        raise LicensedTextError(f"{where} is missing {', '.join(repr(k) for k in missing)}.")
    unknown = sorted(data.keys() - _TOP_KEYS_ALLOWED)
    if unknown:
        raise LicensedTextError(f"{where} has unexpected keys: {', '.join(repr(k) for k in unknown)}.")
    permission = _text(data["permission"], f"{where}: 'permission'")
    instructions = _text(data["instructions"], f"{where}: 'instructions'") if "instructions" in data else ""
    items = data["items"]
    if not isinstance(items, list) or len(items) != EPDS_ITEM_COUNT:
        found = len(items) if isinstance(items, list) else type(items).__name__
        raise LicensedTextError(f"{where} must list {EPDS_ITEM_COUNT} questions in 'items', found {found}.")
    by_number: dict[int, tuple[str, tuple[str, ...]]] = {}
    for index, item in enumerate(items, start=1):
        number, text, answers = _item(item, f"{where}: item {index} in 'items'")
        if number in by_number:
            raise LicensedTextError(f"{where}: question {number} appears twice.")
        by_number[number] = (text, answers)
    ordered = [by_number[number] for number in range(1, EPDS_ITEM_COUNT + 1)]
    return (
        tuple(text for text, _ in ordered),
        tuple(answers for _, answers in ordered),
        permission,
        instructions,
    )


def _item(item: Any, where: str) -> tuple[int, str, tuple[str, ...]]:
    if not isinstance(item, dict) or set(item) != _ITEM_KEYS:
        raise LicensedTextError(f"{where} must be an object with exactly 'number', 'text' and 'answers'.")
    number = item["number"]
    if isinstance(number, bool) or not isinstance(number, int) or not 1 <= number <= EPDS_ITEM_COUNT:
        raise LicensedTextError(f"{where}: 'number' must be a whole number from 1 to {EPDS_ITEM_COUNT}.")
    text = _text(item["text"], f"{where} (question {number}): 'text'")
    answers = item["answers"]
    if not isinstance(answers, list) or len(answers) != EPDS_ANSWER_COUNT:
        found = len(answers) if isinstance(answers, list) else type(answers).__name__
        raise LicensedTextError(
            f"{where}: question {number} must have {EPDS_ANSWER_COUNT} answers, found {found}."
        )
    labels = tuple(
        _text(answer, f"{where}: question {number}, answer {position + 1}")
        for position, answer in enumerate(answers)
    )
    return number, text, labels


def _text(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise LicensedTextError(f"{where} must be non-empty text.")
    return value.strip()
