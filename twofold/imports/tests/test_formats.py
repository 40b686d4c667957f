"""Each importer against its sample: the format is recognised and each kind lands on Twofold's kinds."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from decimal import Decimal

from twofold.imports.files import open_bundle
from twofold.imports.formats import detect, read
from twofold.imports.rows import Row, Skip
from twofold.imports.tests.conftest import DATA, sample


def _rows(bundle, key):
    items = list(read(bundle, key))
    return [i for i in items if isinstance(i, Row)], [i for i in items if isinstance(i, Skip)]


def babybuddy_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for path in sorted((DATA / "babybuddy" / "admin-export-csv").iterdir()):
            archive.write(path, path.name)
    return buffer.getvalue()


def test_huckleberry_feeds_nappies_and_growth():
    bundle = sample("huckleberry", "huckleberry_export.csv")
    assert detect(bundle).key == "huckleberry"
    rows, skips = _rows(bundle, "huckleberry")
    both = next(r for r in rows if r.start == dt.datetime(2026, 5, 16, 19, 10))
    assert both.kind == "feed" and both.details == {"method": "breast", "side": "both"}
    assert both.end == dt.datetime(2026, 5, 16, 19, 35) and "Left 12 min, right 13 min" in both.note
    bottles = [r for r in rows if r.kind == "feed" and r.details["method"] != "breast"]
    assert {r.details["method"] for r in bottles} == {"formula", "expressed"}
    assert all(isinstance(r.details["amount_ml"], Decimal) for r in bottles)
    dirty = next(r for r in rows if r.start == dt.datetime(2026, 5, 16, 16, 45))
    assert dirty.details == {"contents": "dirty"} and "Colour: brown" in dirty.note
    assert [r.details["grams"] for r in rows if r.kind == "weight"] == [4620]
    # One Growth row is three measurements; `56.5cm` and `37.4°C` carry their units in the cell.
    assert [(r.kind, r.details) for r in rows if r.kind in ("length", "head")] == [
        ("length", {"mm": 565}),
        ("head", {"mm": 382}),
    ]
    assert sorted(r.details["celsius"] for r in rows if r.kind == "temperature") == [
        Decimal("37.40"),
        Decimal("37.90"),
    ]
    assert skips == []
    # No caregiver in the 8-column file; the 9-column one names them.
    assert {r.person for r in rows} == {""}
    named, _ = _rows(
        sample("huckleberry", "unconfirmed", "huckleberry_export_with_logged_by.csv"), "huckleberry"
    )
    assert {r.person for r in named} == {"Sam", "Ren"}


def test_huckleberry_source_ids_are_stable_and_unique():
    first, _ = _rows(sample("huckleberry", "huckleberry_export.csv"), "huckleberry")
    again, _ = _rows(sample("huckleberry", "huckleberry_export.csv"), "huckleberry")
    assert [r.source_id for r in first] == [r.source_id for r in again]
    assert len({r.source_id for r in first}) == len(first)


def test_nara_reads_the_epoch_as_the_instant_and_the_caregiver():
    bundle = sample("nara", "export_narababy_mila_20260517.csv")
    assert detect(bundle).key == "nara"
    rows, _ = _rows(bundle, "nara")
    sleep = next(r for r in rows if r.kind == "sleep" and r.source_id == "bbd72811b287267043b9")
    assert sleep.start == dt.datetime(2026, 5, 16, 18, 45, tzinfo=dt.UTC)
    assert sleep.end == dt.datetime(2026, 5, 17, 3, 10, tzinfo=dt.UTC)
    assert sleep.person == "Sam" and sleep.child == "Mila"
    pumps = [r for r in rows if r.kind == "pumping"]
    assert len(pumps) == 3 and all(r.details["amount_ml"] > 0 for r in pumps)
    assert {r.details["activity"] for r in rows if r.kind == "play"} == {"tummy_time"}


def test_nara_medical_columns_give_medicines_and_temperatures():
    bundle = sample("nara", "unconfirmed", "export_narababy_mila_20260517_with_medical.csv")
    rows, skips = _rows(bundle, "nara")
    medicines = [r.details for r in rows if r.kind == "medicine"]
    assert len(medicines) == 2 and all(m["name"] for m in medicines)
    assert sorted(r.details["celsius"] for r in rows if r.kind == "temperature") == [
        Decimal("37.40"),
        Decimal("37.90"),
    ]
    assert skips == []


def test_nara_growth_row_is_a_weight_a_length_and_a_head_in_their_units():
    rows, _ = _rows(sample("nara", "export_narababy_mila_20260517.csv"), "nara")
    growth = {r.kind: (r.details, r.source_id) for r in rows if r.kind in ("weight", "length", "head")}
    assert growth["weight"] == ({"grams": 4620}, "01733890f28db5df2c83")
    assert growth["length"] == ({"mm": 565}, "01733890f28db5df2c83:length")
    assert growth["head"] == ({"mm": 382}, "01733890f28db5df2c83:head")


def test_units_are_converted_to_the_stored_ones():
    from twofold.imports.rows import celsius, grams, millimetres

    assert celsius(Decimal("100.4"), "F") == Decimal("38.00")
    assert celsius(Decimal("37.6"), "°C") == Decimal("37.60")
    assert celsius(Decimal("37.6"), "K") is None
    assert millimetres(Decimal("22"), "IN") == 559
    assert millimetres(Decimal("56.5"), "CM") == 565
    assert millimetres(Decimal("56.5"), "ft") is None
    assert grams(Decimal("9.80625"), "lb") == 4448


def test_sprout_track_sides_midnight_and_caretaker():
    bundle = sample("sprout-track", "activity-log-Mila-Brandt-2026-05-17.csv")
    assert detect(bundle).key == "sprout_track"
    rows, skips = _rows(bundle, "sprout_track")
    night = next(r for r in rows if r.kind == "sleep" and r.start == dt.datetime(2026, 5, 16, 19, 45))
    assert night.end == dt.datetime(2026, 5, 17, 4, 10)  # past midnight, on the next day
    assert night.person == "Sam" and night.child == "Mila"
    left = next(r for r in rows if r.start == dt.datetime(2026, 5, 16, 19, 23))
    assert left.details == {"method": "breast", "side": "left"}
    pump = next(r for r in rows if r.kind == "pumping" and r.start == dt.datetime(2026, 5, 16, 12, 0))
    assert pump.details["amount_ml"] == Decimal("110.0")
    measured = {r.kind: r.details for r in rows if r.kind in ("weight", "length", "head")}
    assert measured == {"weight": {"grams": 4620}, "length": {"mm": 565}, "head": {"mm": 382}}
    assert len([r for r in rows if r.kind == "temperature"]) == 2
    assert skips == []


def test_baby_buddy_csv_files_zipped_map_each_model():
    bundle = open_bundle("babybuddy.zip", babybuddy_zip())
    assert detect(bundle).key == "babybuddy"
    rows, skips = _rows(bundle, "babybuddy")
    assert {r.child for r in rows} == {"Mila", "Teo"}
    bottle = next(r for r in rows if r.source_id == "feedings:14")
    assert bottle.details == {"method": "formula", "amount_ml": Decimal("110.0")}
    assert next(r for r in rows if r.source_id == "feedings:16").details["side"] == "both"
    medicine = next(r for r in rows if r.source_id == "medication:1")
    # Baby Buddy's next dose interval (4:00:00) is the label's shortest gap, in minutes.
    assert medicine.details == {
        "name": "Paracetamol infant suspension",
        "dose": "2.5 ml",
        "min_gap_minutes": 240,
    }
    weight = next(r for r in rows if r.source_id == "weight:1")
    assert weight.details == {"grams": 4620} and weight.start == dt.datetime(2026, 5, 15, 12, 0)
    length = next(r for r in rows if r.source_id == "height:1")
    assert length.kind == "length" and length.details == {"mm": 565}
    head = next(r for r in rows if r.source_id == "head-circumference:2")
    assert head.kind == "head" and head.details == {"mm": 386} and head.child == "Teo"
    temperature = next(r for r in rows if r.source_id == "temperature:1")
    assert temperature.details == {"celsius": Decimal("37.90")}  # how it was taken: asked at import
    assert {s.what.split(" (")[0] for s in skips} == {"BMI"}
    assert "BMI itself" in skips[0].reason


def test_baby_buddy_imperial_amounts_become_millilitres():
    bundle = open_bundle("babybuddy.zip", babybuddy_zip())
    rows = [i for i in read(bundle, "babybuddy", imperial=True) if isinstance(i, Row)]
    bottle = next(r for r in rows if r.source_id == "feedings:14")
    assert bottle.details["amount_ml"] == Decimal("3253.1")  # 110 fl oz: the check refuses it later
    assert next(r for r in rows if r.source_id == "height:1").details == {"mm": 1435}  # 56.5 in
    # A bare temperature is read by its number: no baby's reading is both a plausible °C and °F.
    assert next(r for r in rows if r.source_id == "temperature:1").details == {"celsius": Decimal("37.90")}


def test_baby_buddy_xlsx_reads_like_its_csv(tmp_path):
    import csv

    import openpyxl

    from twofold.imports.files import open_path

    book = openpyxl.Workbook()
    sheet = book.create_sheet("Feeding", 0)
    with (DATA / "babybuddy" / "admin-export-csv" / "Feeding-2026-12-01.csv").open() as source:
        for number, cells in enumerate(csv.reader(source)):
            # Spreadsheets hold times as times: the reader gives them back as text.
            row: list[object] = list(cells)
            if number and cells[4]:
                row[4] = dt.datetime.fromisoformat(cells[4])
            sheet.append(row)
    path = tmp_path / "Feeding-2026-12-01.xlsx"
    book.save(path)
    bundle = open_path(path)
    assert detect(bundle).key == "babybuddy"
    rows, _ = _rows(bundle, "babybuddy")
    csv_rows, _ = _rows(sample("babybuddy", "admin-export-csv", "Feeding-2026-12-01.csv"), "babybuddy")
    assert rows == csv_rows and len(rows) == 17


def test_a_formula_in_a_spreadsheet_is_refused(tmp_path):
    import openpyxl
    import pytest

    from twofold.imports.files import open_path
    from twofold.imports.rows import BadFile

    book = openpyxl.Workbook()
    sheet = book.create_sheet("Note", 0)
    sheet.append(["id", "child_id", "child_first_name", "child_last_name", "note", "time", "tags"])
    sheet.append([1, 1, "Mila", "Brandt", '=HYPERLINK("http://x")', "2026-05-14 14:00:00", ""])
    path = tmp_path / "Note.xlsx"
    book.save(path)
    with pytest.raises(BadFile, match="spreadsheet formula"):
        list(read(open_path(path), "babybuddy"))
