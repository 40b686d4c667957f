"""Real HTTP against pytest-django's live server, from many threads at once, for the concurrency tests.

Each persona gets its own session cookie (or API token); a request is sent by `urllib` over a socket, so
the server handles the requests on its own threads and database connections, as it does for two phones.
"""

from __future__ import annotations

import json
import secrets
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any

from django.test import Client
from knox.models import get_token_model

from twofold.households.models import Member

# Long enough for a write to wait its turn behind a few others on two busy cores, short enough that a
# deadlock fails the test instead of hanging it.
TIMEOUT_SECONDS = 20


@dataclass(frozen=True)
class Answer:
    status: int
    body: str

    def json(self) -> Any:
        return json.loads(self.body)


class _NoRedirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


_opener = urllib.request.build_opener(_NoRedirects)


@dataclass(frozen=True)
class Phone:
    """One person's device: a logged-in session with a CSRF token, or an API token."""

    base_url: str
    headers: dict[str, str]

    def post(
        self, path: str, data: dict[str, Any], *, as_json: bool = False, headers: dict[str, str] | None = None
    ) -> Answer:
        if as_json:
            body = json.dumps(data).encode()
            content_type = "application/json"
        else:
            body = urllib.parse.urlencode(data).encode()
            content_type = "application/x-www-form-urlencoded"
        request = urllib.request.Request(  # noqa: S310 (the live server's http:// address)
            self.base_url + path,
            data=body,
            method="POST",
            headers=self.headers | {"Content-Type": content_type} | (headers or {}),
        )
        try:
            with _opener.open(request, timeout=TIMEOUT_SECONDS) as response:
                return Answer(response.status, response.read().decode())
        except urllib.error.HTTPError as error:
            return Answer(error.code, error.read().decode())


def browser_of(base_url: str, member_or_user: Any) -> Phone:
    """A logged-in browser: Django's session cookie, and a CSRF cookie sent back in the header."""
    user = member_or_user.user if isinstance(member_or_user, Member) else member_or_user
    assert user is not None
    client = Client()
    client.force_login(user)
    csrf = secrets.token_hex(16)  # 32 characters: a valid unmasked CSRF secret
    cookie = f"sessionid={client.cookies['sessionid'].value}; csrftoken={csrf}"
    return Phone(base_url, {"Cookie": cookie, "X-CSRFToken": csrf, "Referer": base_url + "/"})


def api_of(base_url: str, member: Member) -> Phone:
    # Through knox's model, not accounts' services: the api's own tests use this, and may not import accounts.
    _, key = get_token_model().objects.create(user=member.user, name="Phone")
    return Phone(base_url, {"Authorization": f"Token {key}"})


def at_once(calls: Sequence[Callable[[], Answer]]) -> list[Answer]:
    """Run every call on its own thread, released together by a barrier; answers in the calls' order."""
    barrier = threading.Barrier(len(calls))

    def run(call: Callable[[], Answer]) -> Answer:
        barrier.wait(timeout=TIMEOUT_SECONDS)
        return call()

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))
