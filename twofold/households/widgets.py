"""Form widgets every app's forms share."""

from __future__ import annotations

from typing import Any

from django import forms


class CalendarDateInput(forms.DateInput):
    """A browser's date picker. Its value must be ISO (2026-11-30): a date input given the locale's
    30/11/2026 shows empty, and the form then submits nothing."""

    input_type = "date"

    def __init__(self, attrs: dict[str, Any] | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")
