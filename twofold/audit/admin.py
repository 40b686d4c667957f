"""The audit trail in the admin: read-only, so nobody can add, change or delete what happened.

The detail is left out: it can name a questionnaire and the day a parent took it, which wellbeing keeps
from the admin on purpose (see wellbeing/admin.py). Who did what, when and where is enough for support.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from django.contrib import admin
from django.http import HttpRequest

from twofold.audit.models import AuditEntry

# ModelAdmin is generic only in the stubs; at run time it cannot be subscripted.
if TYPE_CHECKING:
    _ModelAdmin = admin.ModelAdmin[AuditEntry]
else:
    _ModelAdmin = admin.ModelAdmin


@admin.register(AuditEntry)
class AuditEntryAdmin(_ModelAdmin):
    list_display = ["at", "action", "actor_name", "household_name"]
    list_filter = ["action"]
    fields = ["at", "action", "actor_name", "about_name", "household_name"]
    readonly_fields = ["at", "action", "actor_name", "about_name", "household_name"]
    date_hierarchy = "at"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False
