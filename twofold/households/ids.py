"""Ids as the database can hold them, for the API's fields and the pages' URLs.

SQLite's integers, and PostgreSQL's bigint, are 64-bit: a larger number cannot be an id, and looking it up
raises OverflowError (a 500) instead of finding nothing. Every id from outside is checked against this range.
"""

from __future__ import annotations

MAX_ID = 2**63 - 1
ID_RANGE = f"That is not an id: ids are whole numbers from 1 to {MAX_ID}."


def is_id(number: int) -> bool:
    return 1 <= number <= MAX_ID


class IdConverter:
    """`<id:...>` in a URL: like `<int:...>`, but a number no id can be is no match, so a 404."""

    regex = "[0-9]+"

    def to_python(self, value: str) -> int:
        number = int(value)
        if not is_id(number):
            raise ValueError(ID_RANGE)
        return number

    def to_url(self, value: int) -> str:
        return str(value)
