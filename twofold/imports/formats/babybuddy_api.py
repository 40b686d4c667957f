"""Straight from a running Baby Buddy: its REST API (FORMATS.md §3b), read page by page with the family's API
key into one JSON document, which then previews and imports like a file. Times carry their offset."""

from __future__ import annotations

import datetime as dt
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from twofold.imports.fetching import ELSEWHERE, TOO_LARGE, TOO_SLOW, open_url, read_capped, same_origin
from twofold.imports.files import MAX_UPLOAD_BYTES, Bundle
from twofold.imports.formats.babybuddy import Units, records_to_rows
from twofold.imports.rows import BadFile, Row, Skip, plausible_year

KEY = "babybuddy_api"
LABEL = "Baby Buddy (from its API)"
ABSOLUTE_TIMES = True
FORMAT = "babybuddy-api"
ENDPOINTS = (
    "feedings",
    "changes",
    "sleep",
    "pumping",
    "tummy-times",
    "notes",
    "medication",
    "weight",
    "height",
    "head-circumference",
    "temperature",
    "bmi",
)
PAGE = 500
# The whole read, every page of every kind: a year on a Raspberry Pi takes well under a minute.
FETCH_SECONDS = 180
# A year of care is about 30,000 records: this many pages is far past any real log, and stops a loop.
MAX_PAGES = 400


def _get(url: str, key: str, reading: Reading) -> dict[str, Any]:
    headers = {"Authorization": f"Token {key}", "Accept": "application/json"}
    request = urllib.request.Request(url, headers=headers)  # noqa: S310 (fetching.open_url: http(s) only)
    try:
        with open_url(request) as response:
            body = read_capped(response, url, deadline=reading.deadline)
        reading.size += len(body)
        if reading.size > MAX_UPLOAD_BYTES:
            raise BadFile(TOO_LARGE.format(url=url))
        loaded = json.loads(body.decode("utf-8"))
    except urllib.error.HTTPError as error:
        if error.code in (401, 403):
            raise BadFile(
                "Baby Buddy refused the API key: copy it again from your Baby Buddy user settings."
            ) from error
        raise BadFile(f"Baby Buddy answered {error.code} for {url}: is the address right?") from error
    except TimeoutError as error:
        raise BadFile(TOO_SLOW.format(url=url)) from error
    except urllib.error.URLError as error:
        if isinstance(error.reason, TimeoutError):
            raise BadFile(TOO_SLOW.format(url=url)) from error
        raise BadFile(
            f"Twofold could not reach Baby Buddy at {url}: check the address and that it is running."
        ) from error
    except OSError as error:
        raise BadFile(
            f"Twofold could not reach Baby Buddy at {url}: check the address and that it is running."
        ) from error
    except (ValueError, UnicodeDecodeError) as error:
        raise BadFile(f"The answer from {url} was not Baby Buddy's API: check the address.") from error
    if not isinstance(loaded, dict):
        raise BadFile(f"The answer from {url} was not Baby Buddy's API: check the address.")
    return loaded


@dataclass
class Reading:
    """One fetch's budget: all its pages answer before the deadline, and together fit an upload."""

    deadline: float
    size: int = 0


def _all(base: str, endpoint: str, key: str, reading: Reading) -> list[dict[str, Any]]:
    url: str | None = f"{base}/api/{endpoint}/?limit={PAGE}&offset=0"
    records: list[dict[str, Any]] = []
    for _ in range(MAX_PAGES):
        if url is None:
            return records
        page = _get(url, key, reading)
        records.extend(r for r in page.get("results", []) if isinstance(r, dict))
        url = page.get("next") or None
        # A `next` link comes from the other server: followed only on Baby Buddy's own host, with the key.
        if url is not None and not same_origin(base, str(url)):
            raise BadFile(ELSEWHERE.format(address=urllib.parse.urlsplit(str(url)).netloc or url))
    raise BadFile("Baby Buddy kept sending more pages than a baby log holds; nothing was imported.")


def fetch(base_url: str, key: str) -> bytes:
    """Every record Twofold can use, as one JSON document for the preview."""
    parsed = urllib.parse.urlsplit(base_url.strip())
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise BadFile("Give Baby Buddy's address as it is in the browser, such as https://baby.example.org.")
    base = f"{parsed.scheme}://{parsed.netloc}{parsed.path.rstrip('/')}".removesuffix("/api")
    reading = Reading(deadline=time.monotonic() + FETCH_SECONDS)
    children = {c.get("id"): c.get("first_name", "") for c in _all(base, "children", key, reading)}
    document = {
        "format": FORMAT,
        "source": base,
        "children": children,
        "records": {endpoint: _all(base, endpoint, key, reading) for endpoint in ENDPOINTS},
    }
    return json.dumps(document).encode("utf-8")


def detect(bundle: Bundle) -> bool:
    return any(f'"format": "{FORMAT}"' in m.head(64) for m in bundle.members)


def _api_time(text: Any, line: int) -> dt.datetime | None:
    if not text:
        return None
    try:
        moment = dt.datetime.fromisoformat(str(text).replace("Z", "+00:00"))
    except ValueError as error:
        raise BadFile(f"Record {line}: “{str(text)[:30]}” is not a time. Nothing was imported.") from error
    return plausible_year(moment, line)


def read(bundle: Bundle, *, imperial: bool = False) -> Iterator[Row | Skip]:
    with bundle.members[0].binary() as stream:
        try:
            document = json.loads(stream.read().decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as error:
            raise BadFile("The saved Baby Buddy records are damaged: fetch them again.") from error
    children = {str(k): v for k, v in document.get("children", {}).items()}
    units = Units(imperial)
    for endpoint, records in document.get("records", {}).items():
        for number, record in enumerate(records, start=1):
            named = {**record, "child": children.get(str(record.get("child")), "")}
            yield from records_to_rows(endpoint, named, number, _api_time, units)
