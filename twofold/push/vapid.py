"""The deployment's VAPID key: it signs every push, so push services know the sender is this Twofold.

Given in TWOFOLD_VAPID_PRIVATE_KEY (kept with the other secrets), or else made on first use and kept in
TWOFOLD_VAPID_KEY_FILE (in the data directory, readable only by Twofold's own account). Every browser's
subscription is tied to the public half: a new key means every device must allow notifications again.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import functools
import os
import tempfile
from email.utils import parseaddr
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from py_vapid import Vapid

from twofold.datadir import DATABASE_FILE_MODE, ensure_data_dir

NOT_A_KEY = (
    "TWOFOLD_VAPID_PRIVATE_KEY is not a VAPID private key. Give the PEM file's text or the raw key in "
    "URL-safe base64, or leave it unset and Twofold makes one (docs/configuration.md, “Web push”)."
)


def _from_text(text: str) -> Vapid:
    """A PEM private key, or the raw 32-byte key in URL-safe base64 (what most VAPID tools print)."""
    text = text.strip()
    try:
        if text.startswith("-----BEGIN"):
            key = serialization.load_pem_private_key(text.encode(), password=None)
        else:
            raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
            if len(raw) != 32:
                raise ValueError("not 32 bytes")
            key = ec.derive_private_key(int.from_bytes(raw, "big"), ec.SECP256R1())
    except (ValueError, TypeError, binascii.Error):
        raise ImproperlyConfigured(NOT_A_KEY) from None
    if not isinstance(key, ec.EllipticCurvePrivateKey) or key.curve.name != "secp256r1":
        raise ImproperlyConfigured(NOT_A_KEY)
    return Vapid(key)


def check_configured_key() -> None:
    if settings.TWOFOLD_VAPID_PRIVATE_KEY:
        _from_text(settings.TWOFOLD_VAPID_PRIVATE_KEY)


def _new_pem() -> bytes:
    return ec.generate_private_key(ec.SECP256R1()).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


def _made_or_read(path: Path) -> bytes:
    """The key file's text, making it first if missing.

    The web server and the worker may both start for the first time at once: the key is written to a
    private temporary file and linked into place, which fails for the second, who then reads the first's.
    """
    if path.exists():
        return path.read_bytes()
    ensure_data_dir(path.parent)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".vapid-")
    try:
        os.fchmod(handle, DATABASE_FILE_MODE)
        os.write(handle, _new_pem())
        os.close(handle)
        with contextlib.suppress(FileExistsError):
            os.link(temporary, path)
    finally:
        os.unlink(temporary)
    return path.read_bytes()


@functools.cache
def signing_key() -> Vapid:
    if settings.TWOFOLD_VAPID_PRIVATE_KEY:
        return _from_text(settings.TWOFOLD_VAPID_PRIVATE_KEY)
    path = Path(settings.TWOFOLD_VAPID_KEY_FILE)
    try:
        return _from_text(_made_or_read(path).decode())
    except ImproperlyConfigured:
        raise ImproperlyConfigured(
            f"{path} (TWOFOLD_VAPID_KEY_FILE) does not hold a VAPID private key. Move it away and Twofold "
            "makes a new one; every device must then allow notifications again."
        ) from None


def public_key() -> str:
    """The public key as browsers take it for `applicationServerKey`: the uncompressed point, URL-safe
    base64 without padding."""
    point = signing_key().public_key.public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    return base64.urlsafe_b64encode(point).rstrip(b"=").decode()


def subject() -> str:
    """Who push services may contact about these pushes (RFC 8292 `sub`): a mailto: or https: address."""
    if settings.TWOFOLD_VAPID_SUBJECT:
        return str(settings.TWOFOLD_VAPID_SUBJECT)
    address = parseaddr(settings.DEFAULT_FROM_EMAIL)[1] or "twofold@localhost"
    return f"mailto:{address}"
