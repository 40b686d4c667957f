"""The care log's pages: numbered as before, but never counted, so a page costs the same in a year's log.

Counting a log means reading all of it; the page reads one row more than it shows to know whether a next
page exists (as History does, care/paging.py). The response has `next`, `previous` and `results`.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from rest_framework.exceptions import NotFound
from rest_framework.pagination import PageNumberPagination
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from twofold.care.paging import MAX_PAGE

NO_SUCH_PAGE = "Invalid page: there is no page {number} of this list."


def page_number(raw: str | None) -> int:
    """The page asked for: a whole number from 1; anything else is a 404 naming it, as DRF's pages do."""
    raw = raw or "1"
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_PAGE:
        raise NotFound(NO_SUCH_PAGE.format(number=raw[:20]))
    return int(raw)


class UncountedPages(PageNumberPagination):
    def paginate_queryset(  # type: ignore[override]  # only ever given the log's queryset
        self, queryset: QuerySet[Any], request: Request, view: Any = None
    ) -> list[Any]:
        self.request = request
        self.url = request.build_absolute_uri()
        size = self.get_page_size(request) or 50
        self.number = page_number(request.query_params.get(self.page_query_param))
        offset = (self.number - 1) * size
        rows = list(queryset[offset : offset + size + 1])
        if not rows and self.number > 1:
            raise NotFound(NO_SUCH_PAGE.format(number=self.number))
        self.has_next = len(rows) > size
        return rows[:size]

    def get_paginated_response(self, data: Any) -> Response:
        return Response({"next": self.get_next_link(), "previous": self.get_previous_link(), "results": data})

    def get_next_link(self) -> str | None:
        if not self.has_next:
            return None
        return replace_query_param(self.url, self.page_query_param, self.number + 1)

    def get_previous_link(self) -> str | None:
        if self.number == 1:
            return None
        url = self.url
        if self.number == 2:
            return remove_query_param(url, self.page_query_param)
        return replace_query_param(url, self.page_query_param, self.number - 1)

    def get_paginated_response_schema(self, schema: dict[str, Any]) -> dict[str, Any]:
        described: dict[str, Any] = super().get_paginated_response_schema(schema)
        del described["properties"]["count"]
        described["required"] = ["results"]
        return described
