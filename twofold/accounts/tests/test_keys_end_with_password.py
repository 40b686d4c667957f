"""A new password ends every app key of the member, by every route a password can change."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.management.commands import changepassword
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from twofold.accounts.app_keys import make_key
from twofold.accounts.tests.keys import opens_the_api
from twofold.accounts.tests.test_password import NEW_PASSWORD, reset_link_in
from twofold.audit.models import Action, AuditEntry
from twofold.conftest import PASSWORD, client_for

User = get_user_model()


@pytest.fixture
def keys(world) -> tuple[str, str, str]:
    """Two of Alex's keys (one that never expires) and one of Sam's."""
    _, phone = make_key(user=world.alex.user, name="Phone", days=30)
    _, home = make_key(user=world.alex.user, name="Home Assistant", days=None)
    _, sams = make_key(user=world.sam.user, name="Sam's phone", days=30)
    return phone, home, sams


def assert_only_alexs_keys_ended(keys: tuple[str, str, str]) -> None:
    phone, home, sams = keys
    assert not opens_the_api(phone)
    assert not opens_the_api(home)
    assert opens_the_api(sams)


def test_the_change_password_page_ends_the_keys(world, keys):
    response = client_for(world.alex).post(
        reverse("accounts:password_change"),
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )

    assert response.status_code == 302
    assert_only_alexs_keys_ended(keys)
    entry = AuditEntry.objects.get(action=Action.TOKEN_REVOKED)
    assert entry.detail == "All app keys (2): the password changed"
    assert entry.actor is None and entry.actor_name == "Twofold"
    assert list(entry.concerns.all()) == [world.alex.user]


def test_a_reset_link_ends_the_keys(world, keys):
    client = Client()
    client.post(reverse("accounts:password_reset"), {"email": "alex@example.com"})
    form_page = client.get(reset_link_in(mail.outbox[0]), follow=True)

    done = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )

    assert done["Location"] == reverse("accounts:password_reset_complete")
    assert_only_alexs_keys_ended(keys)


def test_the_admin_setting_a_password_ends_the_keys(world, keys):
    admin = User.objects.create_superuser("admin@example.com", "admin@example.com", PASSWORD)
    client = Client()
    client.force_login(admin)

    response = client.post(
        reverse("admin:auth_user_password_change", args=[world.alex.user.pk]),
        {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert_only_alexs_keys_ended(keys)


def test_the_changepassword_command_ends_the_keys(world, keys, monkeypatch):
    monkeypatch.setattr(changepassword.Command, "_get_pass", lambda self, prompt="": NEW_PASSWORD)

    call_command("changepassword", "alex@example.com", stdout=None)

    assert_only_alexs_keys_ended(keys)


def test_an_unusable_password_ends_the_keys(world, keys):
    user = world.alex.user
    user.set_unusable_password()
    user.save()

    assert_only_alexs_keys_ended(keys)


def test_logging_in_and_other_saves_leave_the_keys_alone(world, keys, settings):
    # Logging in records last_login, and a stronger hasher re-hashes the same password: neither is new.
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.contrib.auth.hashers.MD5PasswordHasher",
    ]
    before = User.objects.get(pk=world.alex.user.pk).password
    client = Client()
    client.post(reverse("accounts:login"), {"username": "alex@example.com", "password": PASSWORD})
    user = User.objects.get(pk=world.alex.user.pk)
    user.first_name = "Alexandra"
    user.save()

    assert user.password != before  # re-hashed
    assert client.session.get("_auth_user_id") == str(user.pk)
    phone, home, _ = keys
    assert opens_the_api(phone) and opens_the_api(home)
    assert not AuditEntry.objects.filter(action=Action.TOKEN_REVOKED).exists()
