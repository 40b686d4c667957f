"""Moving from Nara as a new user would: upload the export, read the preview, import, see the weeks on Us."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
import time_machine
from playwright.sync_api import Page, expect

from twofold.care.models import CareEvent
from twofold.households.models import Member
from twofold.imports.tests.conftest import DATA, NOW, Family, make_family

pytestmark = pytest.mark.browser


@pytest.fixture
def family(transactional_db) -> Iterator[Family]:
    # After the sample's May 2026, the clock ticking on; the live server runs in this process.
    with time_machine.travel(NOW, tick=True):
        yield make_family()


def test_a_nara_export_previews_and_imports_with_both_parents(family, logged_in: Callable[[Member], Page]):
    page = logged_in(family.sam)
    page.goto("/household/")
    page.get_by_role("link", name="Bring your log").click()
    page.get_by_label("The exported file").set_input_files(
        str(DATA / "nara" / "export_narababy_mila_20260517.csv")
    )
    page.get_by_role("button", name="See what it holds").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Before you import: Nara Baby")
    expect(page.locator("#to-create")).to_contain_text(
        "Mila: 1 bath, 16 feeds, 1 head measurement, 1 length measurement, 11 nappies"
    )
    # Every row of this file maps onto a kind Twofold records, lengths and head sizes included.
    expect(page.locator("#skipped")).to_have_count(0)
    expect(page.get_by_label("“Ren” in the file is")).to_have_value(str(family.ren.pk))
    assert CareEvent.objects.count() == 0

    page.get_by_role("button", name="Import 48 events").click()
    expect(page.get_by_role("status").or_(page.locator(".messages"))).to_contain_text("Imported 48 events")
    expect(page.get_by_role("button", name="Undo this import")).to_be_visible()
    assert CareEvent.objects.filter(by=family.ren).count() == 23

    page.goto("/us/?week=2026-W20")
    expect(page.locator(".headline")).to_contain_text("Ren did 51 % of the logged care")
