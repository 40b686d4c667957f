"""The VAPID key: given with the other secrets, or made once on first start and kept private."""

from __future__ import annotations

import base64
import stat
import threading

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec
from django.core.exceptions import ImproperlyConfigured

from twofold.push import vapid


def test_the_first_start_makes_a_key_readable_only_by_twofold_and_keeps_it(vapid_key_file):
    assert not vapid_key_file.exists()
    first = vapid.public_key()
    assert stat.S_IMODE(vapid_key_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(vapid_key_file.parent.stat().st_mode) == 0o700
    vapid.signing_key.cache_clear()  # a restart
    assert vapid.public_key() == first
    assert len(base64.urlsafe_b64decode(first + "=")) == 65


def test_two_processes_starting_at_once_agree_on_one_key(vapid_key_file):
    keys: list[bytes] = []

    def start() -> None:
        keys.append(vapid._made_or_read(vapid_key_file))

    threads = [threading.Thread(target=start) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(keys)) == 1
    assert [p.name for p in vapid_key_file.parent.iterdir()] == [vapid_key_file.name]


def test_a_key_given_in_the_environment_is_used_and_no_file_is_made(settings, vapid_key_file):
    key = ec.generate_private_key(ec.SECP256R1())
    raw = key.private_numbers().private_value.to_bytes(32, "big")
    settings.TWOFOLD_VAPID_PRIVATE_KEY = base64.urlsafe_b64encode(raw).rstrip(b"=").decode()
    point = key.public_key().public_bytes(
        serialization.Encoding.X962, serialization.PublicFormat.UncompressedPoint
    )
    assert vapid.public_key() == base64.urlsafe_b64encode(point).rstrip(b"=").decode()
    assert not vapid_key_file.exists()


def test_a_pem_key_in_the_environment_works_too(settings):
    key = ec.generate_private_key(ec.SECP256R1())
    settings.TWOFOLD_VAPID_PRIVATE_KEY = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    vapid.check_configured_key()
    assert vapid.signing_key().private_key.private_numbers() == key.private_numbers()


@pytest.mark.parametrize(
    "value", ["not-a-key", "AAAA", "-----BEGIN PRIVATE KEY-----\nxx\n-----END PRIVATE KEY-----"]
)
def test_a_bad_key_in_the_environment_stops_start_up_and_says_what_to_do(settings, value):
    settings.TWOFOLD_VAPID_PRIVATE_KEY = value
    with pytest.raises(ImproperlyConfigured, match="TWOFOLD_VAPID_PRIVATE_KEY is not a VAPID private key"):
        vapid.check_configured_key()


def test_a_damaged_key_file_says_how_to_recover(vapid_key_file):
    vapid_key_file.parent.mkdir()
    vapid_key_file.write_text("garbage")
    with pytest.raises(ImproperlyConfigured, match="Move it away and Twofold makes a new one"):
        vapid.signing_key()


def test_the_subject_is_the_email_sender_unless_set(settings):
    settings.DEFAULT_FROM_EMAIL = "Twofold <family@example.org>"
    assert vapid.subject() == "mailto:family@example.org"
    settings.TWOFOLD_VAPID_SUBJECT = "https://twofold.example.org"
    assert vapid.subject() == "https://twofold.example.org"


def test_a_bad_subject_stops_start_up(run_twofold):
    result = run_twofold("check", environ={"TWOFOLD_VAPID_SUBJECT": "family@example.org"})
    assert result.returncode != 0
    assert "TWOFOLD_VAPID_SUBJECT must be a mailto: or https:// address" in result.stderr
    assert "Traceback" not in result.stderr
