"""The household export: the care log's document with every app's section, as JSON, CSV and one zip.

Only what every parent of the household may see goes in. Data private to one member (screening results)
belongs in that member's own export, never in the household's.
"""

from __future__ import annotations

import io
import json
import zipfile
from typing import Any

from django.utils import timezone

from twofold.audit.models import Action
from twofold.audit.services import record
from twofold.care.export import events_csv, export_filename, log_document
from twofold.home.sections import EXPORT_SECTIONS
from twofold.households.models import Household, Member
from twofold.households.selectors import current_parents

DOWNLOADED_DETAIL = "The whole care log, as JSON and CSV"


def export_document(household: Household) -> dict[str, Any]:
    """The log's document (household, members, children, events), then each app's section under its key."""
    return {**log_document(household), **{key: section(household) for key, section in EXPORT_SECTIONS}}


def export_json(household: Household) -> str:
    return json.dumps(export_document(household), ensure_ascii=False, indent=2) + "\n"


def export_zip(household: Household) -> bytes:
    """A zip holding the JSON document and the events CSV, named for the household and today."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(export_filename(household, "json"), export_json(household))
        archive.writestr(export_filename(household, "csv"), events_csv(household))
    return buffer.getvalue()


def zip_filename(household: Household) -> str:
    stamp = timezone.now().astimezone(household.zone).strftime("%Y-%m-%d")
    return f"twofold-{household.pk}-{stamp}.zip"


def note_downloaded(*, member: Member) -> None:
    """Each download is a copy of the family's log leaving Twofold, so every current parent sees it."""
    parents = current_parents(household_id=member.household_id).select_related("user")
    record(
        action=Action.EXPORT_DOWNLOADED,
        actor=member.user,
        actor_name=member.display_name,
        concerns=[parent.user for parent in parents],
        household=member.household,
        detail=DOWNLOADED_DETAIL,
    )
