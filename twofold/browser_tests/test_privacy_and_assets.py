"""Everything a page needs comes from Twofold itself: styles and scripts load, and nothing goes elsewhere."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import BrowserContext, Page, Response, expect

from twofold.households.models import Member

pytestmark = pytest.mark.browser

# The light theme's page background (--bg in twofold.css): proof that the stylesheet was applied.
LIGHT_BACKGROUND = "rgb(247, 245, 240)"

LOGGED_OUT_PAGES = {"/account/login/": "Log in", "/account/signup/": "Make an account"}
MEMBER_PAGES = {
    "/log/": "Quick log",
    "/log/feed/": "Feed",
    "/": "Today",
    "/history/": "History",
    "/household/": "Alex and Sam",
}


@dataclass
class Traffic:
    """Every request one browser context makes, and any that failed or got an error status."""

    requested: list[str] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)

    def record(self, context: BrowserContext) -> None:
        # The whole context, so requests made by the service worker are seen too.
        context.on("request", lambda r: self.requested.append(r.url))
        context.on("requestfailed", lambda r: self.failures.append(f"failed {r.url}: {r.failure}"))
        context.on("response", self._check)

    def _check(self, response: Response) -> None:
        if response.status >= 400:
            self.failures.append(f"{response.status} {response.url}")


def visit(page: Page, pages: dict[str, str]) -> None:
    for path, heading in pages.items():
        page.goto(path)
        expect(page.get_by_role("heading", name=heading, exact=True)).to_be_attached()
        page.wait_for_load_state("networkidle")


def test_styles_and_scripts_load(world, an_ordinary_afternoon, logged_in: Callable[[Member], Page]) -> None:
    # In the afternoon: from 22:00 the pages are dark by design (test_night.py), not the light theme below.
    page = logged_in(world.alex)
    failures: list[str] = []
    page.on("response", lambda r: failures.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    with page.expect_response(lambda r: r.url.endswith("/twofold.css")) as css:
        page.goto("/")
    page.wait_for_load_state("networkidle")

    assert css.value.status == 200
    assert failures == []
    expect(page.locator("body")).to_have_css("background-color", LIGHT_BACKGROUND)
    # The skip link is moved off screen by the stylesheet until it gets focus.
    box = page.get_by_role("link", name="Skip to content").bounding_box()
    assert box is not None and box["x"] < 0
    assert page.evaluate("typeof window.htmx") == "object"


def test_no_page_calls_a_third_party(
    world, new_person: Callable[[], Page], logged_in: Callable[[Member], Page], live_server, settings
) -> None:
    settings.TWOFOLD_SIGNUP = "open"  # the sign-up form itself, not the page that says sign-up is closed
    traffic = Traffic()
    visitor = new_person()
    traffic.record(visitor.context)
    visit(visitor, LOGGED_OUT_PAGES)
    parent = logged_in(world.alex)
    traffic.record(parent.context)
    visit(parent, MEMBER_PAGES)

    server = urlsplit(live_server.url).netloc
    elsewhere = [url for url in traffic.requested if urlsplit(url).netloc != server]
    assert elsewhere == []
    assert any(url.endswith("/twofold.css") for url in traffic.requested)  # sub-resources are recorded
    assert traffic.failures == []


def test_the_api_docs_are_served_wholly_by_the_app(
    world, logged_in: Callable[[Member], Page], live_server
) -> None:
    page = logged_in(world.alex)
    traffic = Traffic()
    traffic.record(page.context)

    page.goto("/api/v1/docs/")
    # Swagger UI draws the schema's title only once its script has run and fetched the schema.
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Twofold API")
    expect(page.get_by_text("/api/v1/events/", exact=True).first).to_be_visible()
    page.wait_for_load_state("networkidle")

    server = urlsplit(live_server.url).netloc
    elsewhere = [url for url in traffic.requested if urlsplit(url).netloc != server]
    assert elsewhere == []
    assert any("/static/drf_spectacular_sidecar/swagger-ui-dist/" in url for url in traffic.requested)
    assert traffic.failures == []
