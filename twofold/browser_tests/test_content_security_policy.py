"""The Content-Security-Policy in a real browser: Chromium reports no violation on any main page, and the
app still works under it (a tap logs, htmx filters History, a confirmation asks before leaving)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from playwright.sync_api import ConsoleMessage, Page, expect

from twofold.care.models import CareEvent, Kind
from twofold.households.models import Member

pytestmark = pytest.mark.browser

# Each page keeps the violations the browser reports to it (the securitypolicyviolation event fires on the
# document for every blocked script, style, handler, frame or connection).
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  const where = `${e.sourceFile}:${e.lineNumber}`;
  window.__violations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"} at ${where}`);
});
"""

MAIN_PAGES = {
    "/": "Today",
    "/log/": "Quick log",
    "/log/feed/": "Feed",
    "/history/": "History",
    "/us/": "Us",
    "/wellbeing/": "Check in with yourself",
    "/checkin/": "Check-in",
    "/nights/": "Nights",
    "/bonding/": "Bonding plan",
    "/bonding/crying/": "Crying",
    "/household/": "Alex and Sam",
    "/account/": "Your account",
    "/account/notifications/": "Notifications",
}
LOGGED_OUT_PAGES = {"/account/login/": "Log in", "/account/signup/": "Make an account"}


@dataclass
class Violations:
    """What Chromium said about the policy: its console lines and each page's violation events."""

    found: list[str] = field(default_factory=list)

    def watch(self, page: Page) -> Page:
        page.add_init_script(LISTEN)
        page.on("console", self._console)
        return page

    def _console(self, message: ConsoleMessage) -> None:
        if "Content Security Policy" in message.text or "Content-Security-Policy" in message.text:
            self.found.append(f"console: {message.text}")

    def collect(self, page: Page) -> None:
        self.found.extend(f"{page.url}: {v}" for v in page.evaluate("window.__violations || []"))


def visit(page: Page, violations: Violations, pages: dict[str, str]) -> None:
    for path, heading in pages.items():
        page.goto(path)
        expect(page.get_by_role("heading", name=heading).first).to_be_attached()
        page.wait_for_load_state("networkidle")
        violations.collect(page)


def test_no_main_page_breaks_the_policy_and_a_tap_still_logs(
    world, an_ordinary_afternoon, new_person: Callable[[], Page], logged_in: Callable[[Member], Page]
) -> None:
    violations = Violations()
    visit(violations.watch(new_person()), violations, LOGGED_OUT_PAGES)
    page = violations.watch(logged_in(world.alex))
    visit(page, violations, MAIN_PAGES)

    # The service worker installs under the policy: it imports outbox.js and caches the app's own files.
    assert page.evaluate("navigator.serviceWorker.ready.then((r) => r.active.state)") == "activated"
    assert (
        page.evaluate("caches.keys().then((keys) => keys.filter((k) => k.startsWith('twofold-')).length)")
        == 1
    )

    # The tap goes through twofold.js and outbox.js, both files the policy allows.
    page.goto("/log/")
    page.get_by_role("region", name="Nappy in one tap").get_by_role("button", name="Wet", exact=True).click()
    expect(page.get_by_role("status").filter(has_text="Nappy logged for Ada (Alex).")).to_be_visible()
    violations.collect(page)
    assert CareEvent.objects.filter(kind=Kind.NAPPY, by=world.alex).count() == 1

    # htmx swaps History's results in place, without an inline style of its own or eval.
    page.goto("/history/")
    with page.expect_request(lambda r: "kind=nappy" in r.url and r.headers.get("hx-request") == "true"):
        page.get_by_label("Kind").select_option("nappy")
    expect(page).to_have_url(re.compile(r"kind=nappy"))
    page.wait_for_load_state("networkidle")
    violations.collect(page)

    assert violations.found == []


def test_a_confirmation_still_asks_before_leaving_the_household(
    world, logged_in: Callable[[Member], Page]
) -> None:
    violations = Violations()
    page = violations.watch(logged_in(world.pat))
    page.goto("/household/")
    asked: list[str] = []

    def say_no(dialog) -> None:
        asked.append(dialog.message)
        dialog.dismiss()

    page.once("dialog", say_no)
    page.get_by_role("region", name="Leave Alex and Sam").get_by_role("button", name="Leave").click()
    expect(page.get_by_role("heading", name="Alex and Sam", exact=True)).to_be_visible()
    assert asked == ["Leave Alex and Sam?"]
    world.pat.refresh_from_db()
    assert world.pat.is_active

    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("region", name="Leave Alex and Sam").get_by_role("button", name="Leave").click()
    expect(page.get_by_role("status").filter(has_text="You left Alex and Sam.")).to_be_visible()
    violations.collect(page)
    assert violations.found == []


def test_the_api_docs_run_under_their_own_policy(world, logged_in: Callable[[Member], Page]) -> None:
    violations = Violations()
    page = violations.watch(logged_in(world.alex))
    page.goto("/api/v1/docs/")
    expect(page.get_by_role("heading", name="Twofold API").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    violations.collect(page)
    assert violations.found == []


def test_a_new_invitation_link_is_selected_when_it_gets_focus(
    world, logged_in: Callable[[Member], Page]
) -> None:
    violations = Violations()
    page = violations.watch(logged_in(world.alex))
    page.goto("/household/")
    invite = page.get_by_role("region", name="Invite someone")
    invite.get_by_label("Invite a").select_option(label="Helper")
    invite.get_by_role("button", name="Make an invitation link").click()

    link = page.get_by_label("Invitation link")
    link.focus()

    value = link.input_value()
    assert "/household/join/" in value
    selection = "() => [document.activeElement.selectionStart, document.activeElement.selectionEnd]"
    assert page.evaluate(selection) == [0, len(value)]
    violations.collect(page)
    assert violations.found == []


def test_copy_puts_a_new_invitation_link_on_the_clipboard_and_a_logged_out_invitee_sees_the_invitation(
    world, logged_in: Callable[[Member], Page], new_person: Callable[[], Page]
) -> None:
    violations = Violations()
    page = violations.watch(logged_in(world.alex))
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto("/household/")
    page.get_by_role("region", name="Invite someone").get_by_role(
        "button", name="Make an invitation link"
    ).click()
    value = page.get_by_label("Invitation link").input_value()

    page.get_by_role("button", name="Copy the link").click()

    expect(page.get_by_role("button", name="Copied")).to_be_visible()
    assert page.evaluate("navigator.clipboard.readText()") == value
    violations.collect(page)
    assert violations.found == []

    invitee = new_person()
    invitee.goto(value)
    expect(invitee.get_by_role("heading", name="You are invited to Alex and Sam")).to_be_visible()
    invitee.get_by_role("link", name="Make an account").click()
    expect(invitee).to_have_url(re.compile(r"/account/signup/\?next="))
