"""The live Baby Buddy read may be pointed anywhere: a LAN address is fine; this server, link-local and
metadata addresses, other hosts by redirect or `next` link, endless or slow answers are not."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest

from twofold.imports import fetching
from twofold.imports.fetching import address_problem
from twofold.imports.formats import babybuddy_api
from twofold.imports.rows import BadFile
from twofold.imports.tests.fakeserver import JsonHandler, serving

EMPTY_PAGE: dict[str, object] = {"count": 0, "next": None, "previous": None, "results": []}


class Tricky(JsonHandler):
    """A server that answers each path its own way."""

    def do_GET(self) -> None:  # noqa: N802 (http.server's name)
        host = f"http://{self.headers['Host']}"
        if self.path.startswith("/moved/"):
            self.send_response(302)
            self.send_header("Location", "http://169.254.169.254/latest/meta-data/")
            self.end_headers()
        elif self.path.startswith("/slash/api/children"):
            self.send_response(301)
            self.send_header("Location", f"{host}/fine/api/children/")
            self.end_headers()
        elif self.path.startswith("/elsewhere/"):
            self.send_json(200, {**EMPTY_PAGE, "next": "http://example.org/api/children/?offset=500"})
        elif self.path.startswith("/huge/"):
            self.send_json(200, {**EMPTY_PAGE, "padding": "x" * 4096})
        elif self.path.startswith("/slow/"):
            self.send_response(200)
            self.end_headers()
            for _ in range(40):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.05)
        else:
            self.send_json(200, EMPTY_PAGE)


@pytest.fixture
def server() -> Iterator[str]:
    with serving(Tricky) as url:
        yield url


@pytest.fixture
def loopback_allowed(settings) -> None:
    settings.TWOFOLD_IMPORT_ALLOW_LOOPBACK = True


@pytest.mark.parametrize(
    "address",
    [
        "169.254.169.254",
        "169.254.10.1",
        "fe80::1",
        "fd00:ec2::254",
        "100.100.100.200",
        "0.0.0.0",  # noqa: S104 (an address refused, not one bound)
        "224.0.0.1",
    ],
)
def test_link_local_metadata_and_nonsense_addresses_are_refused(address):
    assert address_problem(address) is not None


@pytest.mark.parametrize(
    "address", ["192.168.1.20", "10.0.0.5", "172.16.4.2", "fd12:3456::20", "93.184.216.34"]
)
def test_home_network_and_internet_addresses_are_allowed(address):
    assert address_problem(address) is None


def test_this_server_is_refused_unless_the_setting_allows_it(settings):
    settings.TWOFOLD_IMPORT_ALLOW_LOOPBACK = False
    assert "TWOFOLD_IMPORT_ALLOW_LOOPBACK" in (address_problem("127.0.0.1") or "")
    assert address_problem("::1") is not None
    assert address_problem("::ffff:127.0.0.1") is not None
    settings.TWOFOLD_IMPORT_ALLOW_LOOPBACK = True
    assert address_problem("127.0.0.1") is None


def test_a_loopback_baby_buddy_is_refused_before_anything_is_sent(server, settings):
    settings.TWOFOLD_IMPORT_ALLOW_LOOPBACK = False
    with pytest.raises(BadFile, match="this server itself"):
        babybuddy_api.fetch(server, "key")
    # A name that resolves to this machine is the same address.
    with pytest.raises(BadFile, match="this server itself"):
        babybuddy_api.fetch(server.replace("127.0.0.1", "localhost"), "key")


def test_a_metadata_address_is_refused_without_connecting():
    with pytest.raises(BadFile, match="link-local or cloud metadata"):
        babybuddy_api.fetch("http://169.254.169.254", "key")
    with pytest.raises(BadFile, match="link-local or cloud metadata"):
        babybuddy_api.fetch("http://[fd00:ec2::254]", "key")


def test_only_http_and_https(server):
    for address in ("file:///etc/passwd", "ftp://192.168.1.20/", "gopher://192.168.1.20/"):
        with pytest.raises(BadFile, match="address as it is in the browser"):
            babybuddy_api.fetch(address, "key")


def test_a_redirect_to_another_host_is_not_followed(server, loopback_allowed):
    with pytest.raises(BadFile, match="another address \\(169.254.169.254\\)"):
        babybuddy_api.fetch(server + "/moved", "key")


def test_a_redirect_on_the_same_host_is_followed(server, loopback_allowed):
    document = json.loads(babybuddy_api.fetch(server + "/slash", "key"))
    assert document["format"] == "babybuddy-api" and document["children"] == {}


def test_a_next_page_on_another_host_is_not_read(server, loopback_allowed):
    with pytest.raises(BadFile, match="another address \\(example.org\\)"):
        babybuddy_api.fetch(server + "/elsewhere", "key")


def test_an_answer_too_large_is_refused(server, loopback_allowed, monkeypatch):
    monkeypatch.setattr(fetching, "MAX_PAGE_BYTES", 1024)
    with pytest.raises(BadFile, match="larger than a page of records"):
        babybuddy_api.fetch(server + "/huge", "key")


def test_an_answer_that_drips_is_cut_off(server, loopback_allowed, monkeypatch):
    monkeypatch.setattr(fetching, "READ_BLOCK", 1)
    monkeypatch.setattr(babybuddy_api, "FETCH_SECONDS", 0.5)
    started = time.monotonic()
    with pytest.raises(BadFile, match="took too long"):
        babybuddy_api.fetch(server + "/slow", "key")
    assert time.monotonic() - started < 2


def test_a_server_that_never_answers_times_out(loopback_allowed, monkeypatch):
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)  # accepts the connection, never answers
    monkeypatch.setattr(fetching, "TIMEOUT_SECONDS", 0.3)
    try:
        with pytest.raises(BadFile, match="took too long"):
            babybuddy_api.fetch(f"http://127.0.0.1:{listener.getsockname()[1]}", "key")
    finally:
        listener.close()
