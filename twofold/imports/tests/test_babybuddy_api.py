"""Straight from a running Baby Buddy: a small fake of its API, serving the samples page by page."""

from __future__ import annotations

import json
from collections.abc import Iterator
from urllib.parse import parse_qs, urlsplit

import pytest

from twofold.care.models import CareEvent
from twofold.imports.files import open_bundle
from twofold.imports.formats import babybuddy_api, detect
from twofold.imports.mapping import Choices
from twofold.imports.rows import BadFile
from twofold.imports.services import run_import
from twofold.imports.tests.conftest import DATA
from twofold.imports.tests.fakeserver import JsonHandler, serving
from twofold.imports.tests.test_formats import babybuddy_zip

KEY = "abc123"
PAGE = 5  # the fake pages small so that following `next` is tested


class FakeBabyBuddy(JsonHandler):
    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        if self.headers.get("Authorization") != f"Token {KEY}":
            return self.send_json(403, {"detail": "Authentication credentials were not provided."})
        parts = urlsplit(self.path)
        endpoint = parts.path.removeprefix("/api/").strip("/")
        source = DATA / "babybuddy" / "api-json" / f"{endpoint}.json"
        if not source.exists():
            return self.send_json(404, {"detail": "Not found."})
        results = json.loads(source.read_text())["results"]
        offset = int(parse_qs(parts.query).get("offset", ["0"])[0])
        later = offset + PAGE < len(results)
        host = f"http://{self.headers['Host']}"
        page = {
            "count": len(results),
            "next": f"{host}/api/{endpoint}/?limit={PAGE}&offset={offset + PAGE}" if later else None,
            "previous": None,
            "results": results[offset : offset + PAGE],
        }
        return self.send_json(200, page)


@pytest.fixture
def baby_buddy(settings) -> Iterator[str]:
    # The fake listens on this machine, which Twofold reads from only when allowed (imports/fetching.py).
    settings.TWOFOLD_IMPORT_ALLOW_LOOPBACK = True
    with serving(FakeBabyBuddy) as url:
        yield url


def test_reads_every_page_and_imports_with_the_offsets_it_gave(family, baby_buddy):
    data = babybuddy_api.fetch(baby_buddy + "/", KEY)
    bundle = open_bundle("babybuddy-api.json", data)
    fmt = detect(bundle)
    assert fmt.key == "babybuddy_api" and fmt.absolute_times
    choices = Choices(zone=family.sam.household.zone, children={"Teo": "skip"})
    done = run_import(member=family.sam, bundle=bundle, fmt=fmt, choices=choices)
    assert CareEvent.objects.filter(kind="feed").count() == 16  # 17 feedings, one of them Teo's
    assert done.preview.reasons[("Feed", "You chose to leave out the rows for “Teo”.")] == 1
    first = CareEvent.objects.get(kind="feed", feed__amount_ml=110)
    assert first.start.isoformat() == "2026-05-16T09:30:44+00:00"
    # The same records in the CSV export are the same events: importing those as well adds nothing.
    csv = open_bundle("babybuddy.zip", babybuddy_zip())
    again = run_import(member=family.sam, bundle=csv, fmt=detect(csv), choices=choices)
    assert again.preview.to_create == 0 and again.preview.already == done.preview.to_create


def test_a_wrong_key_or_address_is_told(baby_buddy):
    with pytest.raises(BadFile, match="refused the API key"):
        babybuddy_api.fetch(baby_buddy, "wrong")
    with pytest.raises(BadFile, match="address as it is in the browser"):
        babybuddy_api.fetch("file:///etc/passwd", KEY)
    with pytest.raises(BadFile, match="could not reach Baby Buddy"):
        babybuddy_api.fetch("http://127.0.0.1:9", KEY)


def test_the_page_reads_a_baby_buddy_then_previews_it(family, baby_buddy):
    from twofold.conftest import client_for, page_text

    client = client_for(family.sam)
    answer = client.post("/household/import/", {"url": baby_buddy, "key": KEY})
    assert answer.status_code == 302
    page = page_text(client.get(answer["Location"]))
    assert "Before you import: Baby Buddy (from its API)" in page
    assert "No child here matches “Teo”" in page
    refused = client.post("/household/import/", {"url": baby_buddy, "key": "wrong"})
    assert "refused the API key" in page_text(refused)
