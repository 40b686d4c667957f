"""What a browser sends when it allows notifications, checked; a device's name in words. Pure functions."""

from __future__ import annotations

import base64
import binascii
import ipaddress
import re
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError

NOT_A_PUSH_SERVICE = "This is not a push service's address; allow notifications again from this page."
BAD_KEYS = "This browser sent keys Twofold cannot use; allow notifications again from this page."


def _urlsafe_bytes(value: str) -> bytes | None:
    if not re.fullmatch(r"[A-Za-z0-9_-]+={0,2}", value):
        return None
    try:
        return base64.urlsafe_b64decode(value.rstrip("=") + "=" * (-len(value.rstrip("=")) % 4))
    except (binascii.Error, ValueError):
        return None


def _private_host(host: str) -> bool:
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host == "localhost" or host.endswith(".localhost")
    return not address.is_global


def check_subscription(*, endpoint: str, p256dh: str, auth: str, allow_local: bool = False) -> None:
    """Raise ValidationError by field unless this is a browser's push subscription Twofold can send to.

    The endpoint must be a push service on the internet over HTTPS: Twofold's server posts to it, so an
    address inside the server's own network is refused (`allow_local` is for the tests' own push service).
    """
    errors: dict[str, str] = {}
    parts = urlsplit(endpoint)
    host = parts.hostname or ""
    if allow_local:
        if parts.scheme not in ("https", "http") or not host:
            errors["endpoint"] = NOT_A_PUSH_SERVICE
    elif parts.scheme != "https" or not host or _private_host(host) or len(endpoint) > 1000:
        errors["endpoint"] = NOT_A_PUSH_SERVICE
    key = _urlsafe_bytes(p256dh)
    # An uncompressed P-256 point: 65 bytes starting 0x04 (RFC 8291 §3.1).
    if key is None or len(key) != 65 or key[0] != 4:
        errors["p256dh"] = BAD_KEYS
    secret = _urlsafe_bytes(auth)
    if secret is None or len(secret) != 16:
        errors["auth"] = BAD_KEYS
    if errors:
        raise ValidationError(errors)


_BROWSERS = (
    ("Edg/", "Edge"),
    ("Firefox/", "Firefox"),
    ("SamsungBrowser/", "Samsung Internet"),
    ("Chromium/", "Chromium"),
    ("Chrome/", "Chrome"),
    ("Safari/", "Safari"),
)
_SYSTEMS = (
    ("iPhone", "iPhone"),
    ("iPad", "iPad"),
    ("Android", "Android"),
    ("Mac OS X", "a Mac"),
    ("Macintosh", "a Mac"),
    ("Windows", "Windows"),
    ("CrOS", "ChromeOS"),
    ("Linux", "Linux"),
)


def device_name(user_agent: str) -> str:
    """'Firefox on Android', from the browser's User-Agent, for the devices page; 'A browser' if unknown."""
    browser = next((name for mark, name in _BROWSERS if mark in user_agent), "A browser")
    system = next((name for mark, name in _SYSTEMS if mark in user_agent), "")
    return f"{browser} on {system}" if system else browser
