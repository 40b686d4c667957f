"""What a push carries, checked before it leaves: pure functions over plain values.

A push's title, body and buttons can show on a locked phone that anyone may see, so they never carry words
about mood or screening (a screening offer says only "Twofold has something for you"). The payload is
encrypted for the browser alone (RFC 8291), but what the browser shows is not private.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from typing import TypedDict

# Browsers show at most two buttons (Chromium's Notification.maxActions).
MAX_ACTIONS = 2
MAX_TITLE = 80
MAX_BODY = 300
MAX_TAG = 64
# Push services take at most 4 KB of encrypted payload (RFC 8030 §7.2); this leaves room for the encryption.
MAX_PAYLOAD_BYTES = 3000

# Words that would tell a stranger looking at a lock screen something about a parent's mood checks.
PRIVATE_WORDS = re.compile(
    r"\b(mood|moods|score|scores|scored|screening|screened|questionnaire|questionnaires|depress\w*|"
    r"anxi\w*|epds|phq(?:-?\d+)?|gad(?:-?\d+)?|wellbeing|well-being|mental|suicid\w*|self-harm)\b",
    re.IGNORECASE,
)
SCREENING_OFFER = "Twofold has something for you"


class Action(TypedDict, total=False):
    action: str
    title: str
    url: str
    post: str


class Payload(TypedDict):
    title: str
    body: str
    url: str
    tag: str
    actions: list[Action]


class PayloadError(ValueError):
    """A caller asked for a push that must not be sent; the message says why."""


def _own_path(value: str, what: str) -> str:
    # A notification only ever opens or posts to Twofold's own pages: a path on this site, never another host.
    if not value.startswith("/") or value.startswith("//") or "\\" in value:
        raise PayloadError(f"{what} must be a path on Twofold itself, such as /log/, not {value!r}.")
    return value


def _check_words(text: str, what: str) -> str:
    found = PRIVATE_WORDS.search(text)
    if found:
        raise PayloadError(
            f"{what} says {found.group(0)!r}, which could show on a lock screen: a push about mood checks "
            f"says only {SCREENING_OFFER!r}."
        )
    return text


def _action(raw: Mapping[str, str]) -> Action:
    name, title = raw.get("action", ""), raw.get("title", "")
    if not re.fullmatch(r"[a-z][a-z0-9_-]{0,31}", name):
        raise PayloadError(f"An action's name must be a short lowercase word, not {name!r}.")
    if not title.strip() or len(title) > 40:
        raise PayloadError(f"The {name!r} button needs a title of 1 to 40 characters.")
    has_url, has_post = bool(raw.get("url")), bool(raw.get("post"))
    if has_url == has_post:
        raise PayloadError(f"The {name!r} button needs either a url to open or a post to send, not both.")
    action: Action = {"action": name, "title": _check_words(title, f"The {name!r} button")}
    if has_url:
        action["url"] = _own_path(raw["url"], f"The {name!r} button's url")
    else:
        action["post"] = _own_path(raw["post"], f"The {name!r} button's post")
    return action


def build_payload(
    *, title: str, body: str, url: str, tag: str, actions: Sequence[Mapping[str, str]]
) -> Payload:
    """The push as the service worker reads it (twofold/push/static/twofold/push-worker.js)."""
    if not title.strip() or len(title) > MAX_TITLE:
        raise PayloadError(f"A push needs a title of 1 to {MAX_TITLE} characters.")
    if len(body) > MAX_BODY:
        raise PayloadError(f"A push's body is at most {MAX_BODY} characters.")
    if not tag or len(tag) > MAX_TAG:
        raise PayloadError(
            f"A push needs a tag of 1 to {MAX_TAG} characters (a newer push with it replaces it)."
        )
    if len(actions) > MAX_ACTIONS:
        raise PayloadError(f"A push has at most {MAX_ACTIONS} buttons.")
    built = [_action(raw) for raw in actions]
    if len({a["action"] for a in built}) != len(built):
        raise PayloadError("Each button of a push needs its own name.")
    payload: Payload = {
        "title": _check_words(title, "The title"),
        "body": _check_words(body, "The body"),
        "url": _own_path(url, "The url"),
        "tag": tag,
        "actions": built,
    }
    if len(json.dumps(payload, ensure_ascii=False).encode()) > MAX_PAYLOAD_BYTES:
        raise PayloadError(f"A push carries at most {MAX_PAYLOAD_BYTES} bytes: shorten its addresses.")
    return payload
