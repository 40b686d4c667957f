"""Paging a long log without counting it: read one more row than shown to know there is a next page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from django.db.models import QuerySet

from twofold.care.models import CareEvent
from twofold.care.rows import EventRow, event_rows

T = TypeVar("T")

MAX_PAGE = 10_000


@dataclass(frozen=True)
class Page(Generic[T]):
    items: T
    number: int
    has_next: bool

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_other_pages(self) -> bool:
        return self.has_next or self.has_previous


def page_number(raw: str | None) -> int:
    """A page number from a query string; anything odd is page 1 rather than an error page."""
    if raw and raw.isdigit():
        return min(max(int(raw), 1), MAX_PAGE)
    return 1


def page_of(queryset: QuerySet[CareEvent], *, number: int, size: int) -> Page[list[EventRow]]:
    """The page's events as rows, reading one row more than shown to learn whether a next page exists."""
    offset = (number - 1) * size
    rows = event_rows(queryset[offset : offset + size + 1])
    return Page(rows[:size], number, len(rows) > size)
