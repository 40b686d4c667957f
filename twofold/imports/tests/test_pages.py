"""The Import page as a parent meets it: upload, preview with who-is-who, confirm, undo; bad files told."""

from __future__ import annotations

import base64
from decimal import Decimal

from django.core.files.uploadedfile import SimpleUploadedFile

from twofold.care.models import CareEvent, Head, Length, Temperature
from twofold.conftest import client_for, page_text
from twofold.imports.models import ImportBatch, PendingUpload
from twofold.imports.tests.conftest import DATA

HUCKLEBERRY = DATA / "huckleberry" / "unconfirmed" / "huckleberry_export_with_logged_by.csv"


def _upload(client, path=HUCKLEBERRY, name=None):
    upload = SimpleUploadedFile(name or path.name, path.read_bytes(), content_type="text/csv")
    return client.post("/household/import/", {"file": upload})


def _field(prefix: str, name: str) -> str:
    return f"{prefix}__{base64.urlsafe_b64encode(name.encode()).decode()}"


def test_upload_preview_then_import_with_people_mapped(family):
    client = client_for(family.sam)
    answer = _upload(client)
    assert answer.status_code == 302
    pending = PendingUpload.objects.get()
    page = page_text(client.get(answer["Location"]))
    assert "Before you import: Huckleberry" in page
    assert "16 feeds" in page and "12 sleeps" in page and "14 May 2026 to 16 May 2026" in page
    assert "2 temperatures do not say how they were taken" in page
    assert "The file's temperatures were taken in the" in page
    assert "The file's times are in" in page  # Huckleberry gives no zone
    assert CareEvent.objects.count() == 0

    # Ren's rows go to Sam this time, as the parent answers.
    form = {
        "zone": "Europe/London",
        "temperature_method": "ear",
        _field("person", "Sam"): str(family.sam.pk),
        _field("person", "Ren"): str(family.sam.pk),
        _field("child", ""): str(family.mila.pk),
        "action": "import",
    }
    again = page_text(client.post(f"/household/import/{pending.pk}/", {**form, "action": "preview"}))
    assert "2 temperatures do not say how they were taken: recorded as taken in the ear" in again
    assert "Rows that name no child are for" in again
    done = client.post(f"/household/import/{pending.pk}/", form)
    assert done.status_code == 302
    assert CareEvent.objects.count() == 52
    assert not CareEvent.objects.filter(by=family.ren).exists()
    assert sorted(Temperature.objects.values_list("celsius", "method")) == [
        (Decimal("37.40"), "ear"),
        (Decimal("37.90"), "ear"),
    ]
    assert Length.objects.get().mm == 565 and Head.objects.get().mm == 382
    assert not PendingUpload.objects.exists()
    listing = page_text(client.get("/household/import/"))
    assert "Imported 52 events from Huckleberry" in listing and "Undo this import" in listing


def test_undo_from_the_page(family):
    client = client_for(family.sam)
    pending_url = _upload(client)["Location"]
    client.post(pending_url, {"zone": "Europe/London", "action": "import"})
    batch = ImportBatch.objects.get()
    assert CareEvent.objects.count() == batch.created_count > 0
    answer = client.post(f"/household/import/done/{batch.pk}/undo/")
    assert answer.status_code == 302
    assert CareEvent.objects.count() == 0
    assert "undone" in page_text(client.get("/household/import/"))


def test_a_file_from_no_known_app_is_told_and_not_kept(family):
    client = client_for(family.sam)
    upload = SimpleUploadedFile("list.csv", b"a,b\n1,2\n", content_type="text/csv")
    answer = client.post("/household/import/", {"file": upload})
    assert answer.status_code == 400
    assert "cannot tell which app this file came from" in page_text(answer)
    assert not PendingUpload.objects.exists()


def test_a_200_mb_upload_is_refused_before_it_is_read(family):
    client = client_for(family.sam)
    answer = client.post(
        "/household/import/",
        data=b"",
        content_type="multipart/form-data; boundary=x",
        CONTENT_LENGTH=str(200 * 1024 * 1024),
    )
    assert answer.status_code == 400
    assert "The file is 200 MB; Twofold imports files up to 50 MB" in page_text(answer)


def test_nothing_chosen_asks_for_a_file(family):
    answer = client_for(family.sam).post("/household/import/", {})
    assert "Choose the exported file" in page_text(answer)


def test_helpers_cannot_import(family):
    from twofold.conftest import join
    from twofold.households.models import Role

    helper = join(family.sam, "oma@example.com", "Oma", Role.HELPER)
    assert client_for(helper).get("/household/import/").status_code == 404
