"""The API's JSON parser, for every app's API (the settings' default and `ScopedViewSet`).

A module of its own: DRF reads the default parsers while defining its views, so this must not import them.
"""

from __future__ import annotations

from typing import Any

from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser

TOO_DEEP = "The JSON is nested too deep to read. Send objects and lists only a few levels deep."


class JSONBodyParser(JSONParser):
    """DRF's JSON parser, with a body nested too deep for Python's json (a RecursionError) as a 400."""

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(TOO_DEEP) from None
