"""Preview, import, idempotence, duplicates, undo: against the samples in a real database."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from twofold.care.models import CareEvent
from twofold.care.services import log_care_event
from twofold.conftest import client_for
from twofold.imports.formats import detect
from twofold.imports.mapping import KEEP_NAME, Choices
from twofold.imports.models import ImportBatch, PersonChoice
from twofold.imports.services import preview_import, run_import, undo_import
from twofold.imports.tests.conftest import sample

NARA = ("nara", "export_narababy_mila_20260517.csv")


def _choices(family, **kwargs) -> Choices:
    return Choices(zone=family.sam.household.zone, **kwargs)


def test_preview_writes_nothing_and_says_what_it_would_do(family):
    bundle = sample(*NARA)
    preview = preview_import(member=family.sam, bundle=bundle, fmt=detect(bundle), choices=_choices(family))
    assert CareEvent.objects.count() == 0
    assert preview.format.key == "nara"
    assert preview.counts[("Mila", "feed")] == 16  # 11 breastfeeds and 5 bottles
    assert preview.counts[("Mila", "nappy")] == 11
    assert preview.counts[("Mila", "sleep")] == 12
    assert preview.counts[("Mila", "pumping")] == 3
    assert preview.people == {"Sam": "Sam", "Ren": "Ren"}
    assert preview.first is not None and preview.last is not None
    assert preview.first < preview.last
    assert preview.counts[("Mila", "length")] == preview.counts[("Mila", "head")] == 1
    assert preview.skipped_count == 0


def test_import_creates_events_by_the_mapped_parents_and_again_creates_nothing(family):
    bundle = sample(*NARA)
    done = run_import(member=family.sam, bundle=bundle, fmt=detect(bundle), choices=_choices(family))
    created = done.preview.to_create
    assert CareEvent.objects.count() == created > 40
    assert CareEvent.objects.filter(by=family.ren).exists()
    assert CareEvent.objects.filter(by=family.sam).exists()
    # The London evening sleep of 16 May began at 19:45 BST, 18:45 UTC.
    sleep = CareEvent.objects.get(kind="sleep", start=dt.datetime(2026, 5, 16, 18, 45, tzinfo=dt.UTC))
    assert sleep.end == dt.datetime(2026, 5, 17, 3, 10, tzinfo=dt.UTC)
    assert PersonChoice.objects.filter(source="nara", name="Ren", member=family.ren).exists()

    again = run_import(member=family.sam, bundle=sample(*NARA), fmt=detect(bundle), choices=_choices(family))
    assert again.preview.to_create == 0
    assert again.preview.already == created
    assert CareEvent.objects.count() == created


def test_a_name_kept_as_a_name_becomes_a_former_member(family):
    bundle = sample(*NARA)
    choices = _choices(family, people={"Ren": KEEP_NAME})
    run_import(member=family.sam, bundle=bundle, fmt=detect(bundle), choices=choices)
    kept = CareEvent.objects.filter(kind="feed", feed__method="breast").select_related("by")[0].by
    assert kept.display_name == "Ren" and kept.user is None and kept.left_at is not None
    assert kept != family.ren


def test_the_same_care_logged_by_hand_is_a_duplicate_not_imported(family):
    from twofold.care.services import log_care_event

    start = dt.datetime(2026, 5, 16, 18, 45, 30, tzinfo=dt.UTC)
    log_care_event(
        member=family.ren, child=family.mila, kind="sleep", start=start, end=start + dt.timedelta(hours=8)
    )
    bundle = sample(*NARA)
    preview = preview_import(member=family.sam, bundle=bundle, fmt=detect(bundle), choices=_choices(family))
    assert preview.duplicate_count == 1
    assert "Sleep for Mila at 16 May 2026 19:45" in preview.duplicates[0]
    assert preview.counts[("Mila", "sleep")] == 11


def test_undo_takes_the_whole_import_out_and_only_for_a_week(family, clock):
    bundle = sample(*NARA)
    batch = run_import(member=family.sam, bundle=bundle, fmt=detect(bundle), choices=_choices(family)).batch
    assert undo_import(member=family.ren, batch=batch) == batch.created_count
    assert CareEvent.objects.count() == 0
    # Undone, the same file imports again.
    later = run_import(member=family.sam, bundle=sample(*NARA), fmt=detect(bundle), choices=_choices(family))
    assert later.preview.to_create == batch.created_count
    clock.shift(dt.timedelta(days=8))
    with pytest.raises(ValidationError, match="7 days"):
        undo_import(member=family.sam, batch=later.batch)
    assert ImportBatch.objects.get(pk=later.batch.pk).undone_at is None


def test_times_in_the_hour_the_clocks_skip_are_told_not_crashed(family, clock):
    from twofold.imports.files import open_bundle

    clock.move_to(dt.datetime(2027, 4, 10, 12, 0, tzinfo=dt.UTC))
    header = '"Type","Start","End","Duration","Start Condition","Start Location","End Condition","Notes"\n'
    rows = (
        # 01:40 does not exist in London on 28 March 2027; 02:05 is 01:05 UTC, before it.
        '"Feed","2027-03-28 01:40","2027-03-28 02:05","00:25","00:25R","Breast",,\n'
        '"Sleep","2027-03-28 00:30","2027-03-28 03:30","02:00",,,,\n'
    )
    bundle = open_bundle("huckleberry.csv", (header + rows).encode())
    done = run_import(member=family.sam, bundle=bundle, fmt=detect(bundle), choices=_choices(family))
    assert done.preview.to_create == 1
    assert [s.reason for s in done.preview.skipped] == [
        "The end is before the start. Swap them or correct one."
    ]
    sleep = CareEvent.objects.get()
    assert sleep.end is not None and sleep.end - sleep.start == dt.timedelta(
        hours=2
    )  # 00:30 GMT to 03:30 BST


def test_baby_buddy_growth_and_health_land_in_stored_units(family):
    from decimal import Decimal

    from twofold.care.models import Head, Length, Medicine, Temperature, Weight
    from twofold.imports.files import open_bundle
    from twofold.imports.tests.test_formats import babybuddy_zip

    bundle = open_bundle("babybuddy.zip", babybuddy_zip())
    choices = _choices(family, children={"Teo": "skip"}, temperature_method="rectal")
    done = run_import(member=family.sam, bundle=bundle, fmt=detect(bundle), choices=choices)
    assert done.preview.unsaid_method == 2
    assert sorted(Temperature.objects.values_list("celsius", "method")) == [
        (Decimal("37.40"), "rectal"),
        (Decimal("37.90"), "rectal"),
    ]
    assert list(Weight.objects.values_list("grams", flat=True)) == [4620]
    assert list(Length.objects.values_list("mm", flat=True)) == [565]
    assert list(Head.objects.values_list("mm", flat=True)) == [382]
    paracetamol = Medicine.objects.get(name="Paracetamol infant suspension")
    assert (paracetamol.dose, paracetamol.min_gap_minutes) == ("2.5 ml", 240)
    # A measurement on a date lands at noon of that day in the household's zone (11:00 UTC in May).
    assert Length.objects.get().event.start == dt.datetime(2026, 5, 15, 11, 0, tzinfo=dt.UTC)
    assert {s.what.split(" (")[0] for s in done.preview.skipped} >= {"BMI"}


def test_temperatures_a_file_does_not_place_are_kept_unsaid_unless_the_parent_says(family):
    from twofold.care.models import Temperature

    bundle = sample("huckleberry", "huckleberry_export.csv")
    done = run_import(member=family.sam, bundle=bundle, fmt=detect(bundle), choices=_choices(family))
    assert done.preview.unsaid_method == 2
    assert list(Temperature.objects.values_list("method", flat=True)) == ["", ""]


def test_an_imported_events_page_says_where_it_came_from_and_a_logged_one_says_nothing(family):
    bundle = sample(*NARA)
    run_import(member=family.sam, bundle=bundle, fmt=detect(bundle), choices=_choices(family))
    imported = CareEvent.objects.filter(kind="sleep").first()
    assert imported is not None
    logged = log_care_event(member=family.ren, child=family.mila, kind="note", details={}).event
    sam = client_for(family.sam)

    page = sam.get(reverse("care:event_edit", args=[imported.pk])).content.decode()
    assert f"Brought in from Nara Baby ({NARA[1]}) by Sam on 1 June 2026." in page
    assert "Brought in from" not in sam.get(reverse("care:event_edit", args=[logged.pk])).content.decode()
