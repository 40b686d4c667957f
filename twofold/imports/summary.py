"""The preview in words, for the console and the page: what will be created, from whom, what is skipped."""

from __future__ import annotations

from twofold.care.kinds import find
from twofold.care.models import TemperatureMethod
from twofold.households.models import Household
from twofold.imports.services import Preview


def chosen_method(preview: Preview) -> str:
    """How the parent said the file's unsaid temperatures were taken ("ear"), or "" when they did not."""
    return TemperatureMethod(preview.method).label.lower() if preview.method else ""


def kind_words(kind: str, count: int, locale: str) -> str:
    definition = find(kind)
    if definition is None:
        return f"{count} {kind}"
    nouns = definition.nouns_for(locale)
    return f"{count} {nouns.one if count == 1 else nouns.many}"


def per_child(preview: Preview, locale: str) -> dict[str, list[str]]:
    children: dict[str, list[str]] = {}
    for (child, kind), count in sorted(preview.counts.items()):
        children.setdefault(child, []).append(kind_words(kind, count, locale))
    return children


def date_range(preview: Preview, household: Household) -> str:
    if preview.first is None or preview.last is None:
        return "no dates"
    first, last = (moment.astimezone(household.zone) for moment in (preview.first, preview.last))
    return f"{first:%d %B %Y} to {last:%d %B %Y}"


def lines(preview: Preview, household: Household) -> list[str]:
    """The preview as plain lines of text."""
    out = [f"{preview.format.label} file {preview.filename}: {date_range(preview, household)}."]
    for child, kinds in per_child(preview, household.locale).items():
        out.append(f"  {child}: {', '.join(kinds)}")
    out.append(f"{preview.to_create} event(s) to create.")
    for name, who in preview.people.items():
        out.append(f"  People: “{name or '(nobody named in the file)'}” → {who}")
    if preview.unsaid_method:
        out.append(
            f"{preview.unsaid_method} temperature(s) do not say how they were taken: "
            + (
                f"recorded as taken in the {chosen_method(preview)}."
                if preview.method
                else "kept without it (--temperature-method says where, if you know)."
            )
        )
    if preview.already:
        out.append(f"{preview.already} event(s) already imported before: left as they are.")
    if preview.duplicate_count:
        out.append(f"{preview.duplicate_count} event(s) already in the log, not imported again:")
        out.extend(f"  {text}" for text in preview.duplicates)
    if preview.skipped_count:
        out.append(f"{preview.skipped_count} row(s) skipped:")
        for (what, reason), count in preview.reasons.most_common():
            where = ", ".join(str(s.line) for s in preview.skipped if (s.what, s.reason) == (what, reason))
            out.append(f"  {what} ×{count} (line {where}): {reason}")
    return out
