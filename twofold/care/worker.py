"""What the service worker caches, and its version: a hash of those files, so each release replaces it."""

from __future__ import annotations

import functools
import hashlib
import json
from pathlib import Path

from django.contrib.staticfiles import finders
from django.templatetags.static import static

from twofold.push.worker import WORKER_SCRIPT

# The app's own files a page needs to open offline: scripts, styles and the icons.
OFFLINE_ASSETS = (
    "twofold/outbox.js",
    "twofold/twofold.js",
    "twofold/twofold.css",
    "twofold/bonding.css",
    "twofold/nights.css",
    "twofold/checkins.css",
    "twofold/icon.svg",
    "twofold/icon-192.png",
    "twofold/icon-512.png",
    # Shows notifications and handles their buttons (twofold/push); imported by the worker.
    WORKER_SCRIPT,
)
HTMX = ("django_htmx/htmx-2.min.js", "django_htmx/htmx-2.js", "django_htmx/django-htmx.js")
TEMPLATE = Path(__file__).resolve().parent / "templates" / "care" / "sw.js"


def _content(name: str) -> bytes:
    found = finders.find(name)
    return Path(str(found)).read_bytes() if found else name.encode()


@functools.cache
def worker_context() -> dict[str, str]:
    urls = [static(name) for name in OFFLINE_ASSETS]
    # htmx as django-htmx serves it (minified, or not while debugging), whichever this install has.
    urls += [static(name) for name in HTMX if finders.find(name)]
    digest = hashlib.sha256(TEMPLATE.read_bytes())
    for name in OFFLINE_ASSETS:
        digest.update(_content(name))
    digest.update(" ".join(urls).encode())
    return {
        "version": digest.hexdigest()[:12],
        "assets": json.dumps(urls),
        "outbox_js": static("twofold/outbox.js"),
        "push_js": static(WORKER_SCRIPT),
    }
