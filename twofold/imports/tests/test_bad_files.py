"""Files that cannot be imported get a clear message, and nothing in the household changes."""

from __future__ import annotations

import io
import zipfile

import pytest

from twofold.care.models import CareEvent
from twofold.households.models import Member
from twofold.imports.files import MAX_UPLOAD_BYTES, check_size, open_bundle
from twofold.imports.formats import detect
from twofold.imports.mapping import Choices
from twofold.imports.models import ImportBatch
from twofold.imports.rows import BadFile
from twofold.imports.services import run_import
from twofold.imports.tests.conftest import DATA

NARA = DATA / "nara" / "export_narababy_mila_20260517.csv"


def _import(family, name: str, data: bytes):
    bundle = open_bundle(name, data)
    return run_import(
        member=family.sam, bundle=bundle, fmt=detect(bundle), choices=Choices(zone=family.sam.household.zone)
    )


def _nothing_changed():
    assert CareEvent.objects.count() == 0
    assert ImportBatch.objects.count() == 0
    assert not Member.objects.filter(user__isnull=True).exists()


def test_a_file_from_no_known_app_is_named_as_such(family):
    with pytest.raises(BadFile, match="cannot tell which app"):
        _import(family, "notes.csv", b"when,what\n2026-05-01,slept\n")
    _nothing_changed()


def test_a_date_in_the_year_one_refuses_the_whole_file_even_late_in_it(family):
    lines = NARA.read_bytes().decode().splitlines(keepends=True)
    # The last row's start (local text and epoch) becomes the year 0001.
    last = lines[-1].replace('"2026-05-14', '"0001-05-14')
    cells = last.split(",")
    cells[3] = '"-62125920000000"'
    lines[-1] = ",".join(cells)
    with pytest.raises(BadFile, match="year 1"):
        _import(family, NARA.name, "".join(lines).encode())
    _nothing_changed()


def test_a_formula_cell_is_refused(family):
    text = NARA.read_text().replace('"Fussy after lunch', '"=HYPERLINK(""http://x"")', 1)
    text = text.replace('"Rolled onto', '"=HYPERLINK(""http://x"")') if "=HYPERLINK" not in text else text
    assert "=HYPERLINK" in text
    with pytest.raises(BadFile, match="spreadsheet formula"):
        _import(family, NARA.name, text.encode())
    _nothing_changed()


def test_a_file_cut_short_is_refused(family):
    data = NARA.read_bytes()
    with pytest.raises(BadFile, match="cut short"):
        _import(family, NARA.name, data[: len(data) - 300])
    _nothing_changed()


def test_a_damaged_zip_is_refused(family):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(NARA.name, NARA.read_bytes())
    with pytest.raises(BadFile, match="damaged or cut short"):
        _import(family, "export.zip", buffer.getvalue()[:400])
    _nothing_changed()


def test_a_zip_bomb_is_refused_before_it_is_unpacked(family):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("export.csv", b"0" * (20 * 1024 * 1024))
    with pytest.raises(BadFile, match="far more than a baby log"):
        _import(family, "bomb.zip", buffer.getvalue())
    _nothing_changed()


def test_bytes_that_are_not_text_are_refused(family):
    header = NARA.read_bytes().split(b"\n")[0] + b"\n"
    with pytest.raises(BadFile, match="not text"):
        _import(family, NARA.name, header + b'"Sleep","\xff\xfe\xfa"\n')
    _nothing_changed()


def test_too_big_and_empty():
    with pytest.raises(BadFile, match="up to 50 MB"):
        check_size(MAX_UPLOAD_BYTES + 1)
    with pytest.raises(BadFile, match="empty"):
        open_bundle("empty.csv", b"  \n")
