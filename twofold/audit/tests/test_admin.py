"""The admin lists the trail read-only: nothing can be added, changed or deleted, and no detail is shown."""

from __future__ import annotations

from django.contrib import admin
from django.test import Client
from django.urls import reverse

from twofold.audit.models import Action, AuditEntry
from twofold.audit.services import record
from twofold.conftest import make_user


def test_an_admin_sees_who_did_what_but_not_the_detail(db):
    alex = make_user("alex@example.com")
    entry = record(
        action=Action.SCREENING_VIEWED,
        actor=alex,
        actor_name="Alex",
        concerns=[],
        detail="EPDS result of 3 Dec",
        about_name="Sam",
    )
    boss = make_user("admin@example.com")
    boss.is_staff = boss.is_superuser = True
    boss.save()
    client = Client()
    client.force_login(boss)

    listing = client.get(reverse("admin:audit_auditentry_changelist"))
    one = client.get(reverse("admin:audit_auditentry_change", args=[entry.pk]))

    assert listing.status_code == 200 and b"Alex" in listing.content
    assert one.status_code == 200 and b"Sam" in one.content
    for page in (listing, one):
        assert b"EPDS" not in page.content
    assert client.get(reverse("admin:audit_auditentry_add")).status_code == 403
    assert client.post(reverse("admin:audit_auditentry_delete", args=[entry.pk])).status_code == 403
    assert AuditEntry.objects.filter(pk=entry.pk).exists()


def test_nothing_can_be_added_changed_or_deleted():
    model_admin = admin.site._registry[AuditEntry]

    assert not model_admin.has_add_permission(None)  # type: ignore[arg-type]
    assert not model_admin.has_change_permission(None)  # type: ignore[arg-type]
    assert not model_admin.has_delete_permission(None)  # type: ignore[arg-type]
