from __future__ import annotations

from django.http import HttpRequest

from twofold.households.words import words_for


def household_context(request: HttpRequest) -> dict[str, object]:
    household = getattr(request, "household", None)
    return {
        "member": getattr(request, "member", None),
        "household": household,
        "words": words_for(household.locale if household else "en-GB"),
    }
