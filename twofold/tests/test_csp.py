"""The Content-Security-Policy: every page of the demo household carries it and has no inline code to block.

The policy (settings.CONTENT_SECURITY_POLICY) runs only Twofold's own script files and styles. These tests
walk the pages each person of the demo sees and read their HTML: no <script> without a src, no <style>, no
on...= handler, no hx-on, no style= attribute. The browser's own word on it is in
twofold/browser_tests/test_content_security_policy.py.
"""

from __future__ import annotations

import datetime as dt
from html.parser import HTMLParser

import pytest
import time_machine
from django.test import Client
from django.urls import reverse

from twofold.care.kinds import KEYS
from twofold.conftest import make_user
from twofold.home.demo import create_demo_household
from twofold.households.services import invite

# A Wednesday afternoon in London, so the demo's log and the pages that read it are the same on every run.
DEMO_NOW = dt.datetime(2026, 12, 9, 15, 0, tzinfo=dt.UTC)

STRICT_DIRECTIVES = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "frame-ancestors": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "worker-src": "'self'",
    "manifest-src": "'self'",
}

LOGGED_OUT_PAGES = [
    "/account/login/",
    "/account/signup/",
    "/account/password/reset/",
    "/account/password/reset/done/",
    "/admin/login/",
]
PARENT_PAGES = [
    "/",
    "/log/",
    *(f"/log/{kind}/" for kind in KEYS),
    "/history/",
    "/us/",
    "/us/summary/",
    "/wellbeing/",
    "/wellbeing/concern/",
    "/checkin/",
    "/checkin/history/",
    "/checkin/settings/",
    "/nights/",
    "/nights/morning/",
    "/nights/preferences/",
    "/nights/calendar/",
    "/bonding/",
    "/bonding/trend/",
    "/bonding/crying/",
    "/bonding/red-flags/",
    "/bonding/coping/",
    "/household/",
    "/household/children/add/",
    "/household/start/",
    "/account/",
    "/account/password/",
]
HELPER_PAGES = ["/", "/log/", "/history/", "/household/", "/account/"]


def policy_of(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    directives = (part.strip().split(None, 1) for part in header.split(";") if part.strip())
    return dict(directives)


class InlineCode(HTMLParser):
    """Collects what a strict policy would block: inline scripts and styles, handlers, hx-on."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        named = dict(attrs)
        # A data block (<script type="application/json">, as in DRF's pages) is never run: CSP allows it.
        runs = (named.get("type") or "text/javascript").lower() in {"text/javascript", "module"}
        if tag == "script" and "src" not in named and runs:
            self.found.append("<script> without src")
        if tag == "style":
            self.found.append("<style>")
        for name, value in attrs:
            if name.startswith("on") or name.startswith(("hx-on", "data-hx-on")) or name == "style":
                self.found.append(f"<{tag} {name}=...>")
            if name in {"href", "src", "action", "formaction"} and (value or "").strip().lower().startswith(
                "javascript:"
            ):
                self.found.append(f"<{tag} {name}=javascript:...>")


def inline_code_in(html: str) -> list[str]:
    parser = InlineCode()
    parser.feed(html)
    return parser.found


def assert_strict_and_clean(client: Client, path: str) -> None:
    # Followed to the page it leads to: a page that sends on (the morning review) is checked where it lands.
    response = client.get(path, follow=True)
    assert response.status_code == 200, f"{path}: {response.status_code}"
    assert policy_of(response) == STRICT_DIRECTIVES, path
    assert inline_code_in(response.content.decode()) == [], path


@pytest.fixture
def demo(db):
    with time_machine.travel(DEMO_NOW, tick=False):
        made = create_demo_household(weeks=2)
        yield made


def client_as(member) -> Client:
    client = Client()
    client.force_login(member.user)
    return client


def test_the_checker_finds_each_kind_of_inline_code():
    page = (
        '<script>alert(1)</script><script src="/static/x.js"></script>'
        '<script type="application/json">{}</script><script type="module">x()</script>'
        "<style>p{}</style>"
        '<p style="color:red" onclick="x()"><a href="javascript:x()">a</a></p><div hx-on:click="x()"></div>'
    )
    assert inline_code_in(page) == [
        "<script> without src",
        "<script> without src",
        "<style>",
        "<p style=...>",
        "<p onclick=...>",
        "<a href=javascript:...>",
        "<div hx-on:click=...>",
    ]


def test_logged_out_pages_have_the_policy_and_no_inline_code(db):
    for path in LOGGED_OUT_PAGES:
        assert_strict_and_clean(Client(), path)


def test_every_page_a_parent_sees_in_the_demo_has_the_policy_and_no_inline_code(demo):
    alex = client_as(demo.members["alex"])
    with time_machine.travel(DEMO_NOW, tick=False):
        for path in PARENT_PAGES:
            assert_strict_and_clean(alex, path)
        for plan in demo.household.night_plans.order_by("-pk")[:1]:
            assert_strict_and_clean(alex, reverse("nights:plan", args=[plan.pk]))
            assert_strict_and_clean(alex, reverse("nights:edit", args=[plan.pk]))
            assert_strict_and_clean(alex, reverse("nights:against", args=[plan.pk]))
        event = demo.household.events.order_by("-start").first()
        assert_strict_and_clean(alex, reverse("care:event_edit", args=[event.pk]))


def test_a_helper_sees_pages_with_the_policy_and_no_inline_code(demo):
    pat = client_as(demo.members["pat"])
    with time_machine.travel(DEMO_NOW, tick=False):
        for path in HELPER_PAGES:
            assert_strict_and_clean(pat, path)


def test_pages_made_by_a_post_have_no_inline_code_either(demo):
    alex = client_as(demo.members["alex"])
    made = alex.post(reverse("households:invite"), {"role": "helper"})
    assert made.status_code == 200 and "/household/join/" in made.content.decode()
    assert policy_of(made) == STRICT_DIRECTIVES
    assert inline_code_in(made.content.decode()) == []
    screening = alex.post(reverse("wellbeing:take", args=["phq2"]), follow=True)
    assert screening.redirect_chain and screening.status_code == 200
    assert inline_code_in(screening.content.decode()) == []
    token = invite(member=demo.members["alex"], role="parent").token
    newcomer = Client()
    newcomer.force_login(make_user("kai@example.com"))
    assert_strict_and_clean(newcomer, reverse("households:join", args=[token]))


def test_confirmations_ask_through_data_attributes_not_handlers(demo):
    # Removing a member asks on a page of its own; leaving asks through the attribute twofold.js reads.
    page = client_as(demo.members["alex"]).get("/household/").content.decode()
    assert 'data-confirm="Leave ' in page
    assert "onsubmit" not in page


def test_signup_refused_and_dead_invitation_pages_have_no_inline_code(demo, settings):
    settings.TWOFOLD_SIGNUP = "closed"
    assert Client().get("/account/signup/").status_code == 403
    assert inline_code_in(Client().get("/account/signup/").content.decode()) == []
    dead = Client().get(reverse("households:join", args=["no-such-link"]))
    assert dead.status_code == 400 and policy_of(dead) == STRICT_DIRECTIVES
    assert inline_code_in(dead.content.decode()) == []


def test_the_browsable_api_runs_no_inline_script(world):
    # DRF's own pages: a JSON data block (never run) and, where Pygments is installed, a <style> for code
    # colours that the policy leaves unapplied.
    page = client_as(world.alex).get("/api/v1/children/", HTTP_ACCEPT="text/html")
    assert page.status_code == 200 and policy_of(page) == STRICT_DIRECTIVES
    assert "<script> without src" not in inline_code_in(page.content.decode())


def test_the_service_worker_and_manifest_are_served_under_the_policy(db):
    worker = Client().get("/sw.js")
    assert worker.status_code == 200
    # The worker's own policy: it may import outbox.js and fetch pages from this site, nothing else.
    assert policy_of(worker) == STRICT_DIRECTIVES
    assert Client().get(reverse("care:manifest")).status_code == 200


def test_only_the_api_docs_page_relaxes_styles_and_it_runs_no_inline_script(world):
    client = client_as(world.alex)
    page = client.get(reverse("api:docs"))
    assert page.status_code == 200
    policy = policy_of(page)
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self' 'unsafe-inline'"
    assert policy["img-src"] == "'self' data:"
    assert "<script> without src" not in inline_code_in(page.content.decode())
    script = client.get(reverse("api:docs") + "?script=")
    assert script.status_code == 200 and "SwaggerUIBundle" in script.content.decode()
