"""`twofold import FILE --household ID [--dry-run]`: the preview in words, then the import; clear errors."""

from __future__ import annotations

import io

import pytest
from django.core.management import CommandError, call_command

from twofold.care.models import CareEvent
from twofold.imports.tests.conftest import DATA

NARA = DATA / "nara" / "export_narababy_mila_20260517.csv"


def _run(*args: str) -> str:
    out = io.StringIO()
    call_command("import", *args, stdout=out)
    return out.getvalue()


def test_dry_run_previews_and_writes_nothing(family):
    text = _run(str(NARA), "--household", str(family.sam.household_id), "--dry-run")
    assert "Nara Baby file export_narababy_mila_20260517.csv: 14 May 2026 to 16 May 2026." in text
    assert "Mila: 1 bath, 16 feeds, 1 head measurement, 1 length measurement, 11 nappies" in text
    assert "People: “Ren” → Ren" in text
    assert "1 length measurement" in text and "1 head measurement" in text and "1 weighing" in text
    assert "Dry run: nothing was written" in text
    assert CareEvent.objects.count() == 0


def test_import_then_again_creates_nothing(family):
    household = str(family.sam.household_id)
    assert "Imported 48 event(s)" in _run(str(NARA), "--household", household)
    again = _run(str(NARA), "--household", household, "--person", "Ren=keep")
    assert "48 event(s) already imported before" in again and "Imported 0 event(s)" in again
    assert CareEvent.objects.count() == 48


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--household", "999999"], "No household has the id 999999"),
        (["--zone", "Mars/Olympus"], "--zone must be a time zone"),
        (["--person", "Ren"], "--person must be written NAME=MEMBER_ID or NAME=keep"),
    ],
)
def test_mistakes_are_told_without_a_traceback(family, args, message):
    household = ["--household", str(family.sam.household_id)] if "--household" not in args else []
    with pytest.raises(CommandError, match=message):
        _run(str(NARA), *household, *args)


def test_a_missing_or_bad_file_is_told(family, tmp_path):
    household = str(family.sam.household_id)
    with pytest.raises(CommandError, match="There is no file at"):
        _run(str(tmp_path / "nope.csv"), "--household", household)
    bad = tmp_path / "bad.csv"
    bad.write_text("a,b\n=1+1,2\n")
    with pytest.raises(CommandError, match="cannot tell which app"):
        _run(str(bad), "--household", household)
    assert CareEvent.objects.count() == 0


def test_how_temperatures_were_taken_is_asked_once_for_the_file(family):
    from twofold.care.models import Temperature

    huckleberry = DATA / "huckleberry" / "huckleberry_export.csv"
    household = str(family.sam.household_id)
    text = _run(str(huckleberry), "--household", household, "--temperature-method", "ear")
    assert "2 temperature(s) do not say how they were taken: recorded as taken in the ear" in text
    assert sorted(Temperature.objects.values_list("method", flat=True)) == ["ear", "ear"]
    with pytest.raises(CommandError, match="invalid choice"):
        _run(str(huckleberry), "--household", household, "--temperature-method", "mouth")
