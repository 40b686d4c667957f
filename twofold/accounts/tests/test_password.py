from __future__ import annotations

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils.html import escape

from twofold.accounts.forms import WRONG_CURRENT_PASSWORD
from twofold.conftest import PASSWORD, make_user

User = get_user_model()
LOGIN = reverse("accounts:login")
CHANGE = reverse("accounts:password_change")
RESET = reverse("accounts:password_reset")
NEW_PASSWORD = "a-brand-new-passphrase-77"


def logged_in_user_id(client: Client) -> int | None:
    value = client.session.get("_auth_user_id")
    return int(value) if value else None


def can_log_in(email: str, password: str) -> bool:
    client = Client()
    client.post(LOGIN, {"username": email, "password": password})
    return logged_in_user_id(client) is not None


def without_csrf_token(page: bytes) -> str:
    return re.sub(r'"X-CSRFToken": "[^"]*"', "", page.decode())


def reset_link_in(message: mail.EmailMessage) -> str:
    match = re.search(r"https?://testserver(/account/password/reset/\S+/\S+/)", str(message.body))
    assert match, message.body
    return match.group(1)


@pytest.mark.django_db
def test_changing_the_password_keeps_you_logged_in_and_the_new_one_works(client):
    user = make_user("jo@example.com")
    client.force_login(user)

    response = client.post(
        CHANGE, {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )

    assert response["Location"] == reverse("accounts:account")
    assert logged_in_user_id(client) == user.pk
    assert client.get(reverse("accounts:account")).status_code == 200
    assert can_log_in("jo@example.com", NEW_PASSWORD)
    assert not can_log_in("jo@example.com", PASSWORD)


@pytest.mark.django_db
def test_changing_the_password_needs_the_current_one(client):
    user = make_user("jo@example.com")
    client.force_login(user)

    response = client.post(
        CHANGE, {"old_password": "not-it", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )

    user.refresh_from_db()
    assert response.status_code == 400
    assert escape(WRONG_CURRENT_PASSWORD) in response.content.decode()
    assert user.check_password(PASSWORD)


@pytest.mark.django_db
def test_changing_the_password_needs_you_to_be_logged_in(client):
    response = client.get(CHANGE)

    assert response["Location"].startswith(LOGIN)


@pytest.mark.django_db
def test_a_reset_email_holds_a_link_that_sets_a_new_password(client):
    make_user("jo@example.com")

    response = client.post(RESET, {"email": "Jo@Example.com"})

    assert response["Location"] == reverse("accounts:password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["jo@example.com"]
    assert message.subject == "Reset your Twofold password"
    assert message.body.startswith("Hello Jo,")
    form_page = client.get(reset_link_in(message), follow=True)
    assert form_page.context["validlink"]
    done = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )
    assert done["Location"] == reverse("accounts:password_reset_complete")
    assert can_log_in("jo@example.com", NEW_PASSWORD)
    assert not can_log_in("jo@example.com", PASSWORD)


@pytest.mark.django_db
def test_a_reset_link_works_only_once(client):
    make_user("jo@example.com")
    client.post(RESET, {"email": "jo@example.com"})
    link = reset_link_in(mail.outbox[0])
    form_page = client.get(link, follow=True)
    client.post(
        form_page.redirect_chain[-1][0], {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}
    )

    again = Client().get(link, follow=True)

    assert not again.context["validlink"]
    assert "This link has expired" in again.content.decode()


@pytest.mark.django_db
def test_an_unknown_email_gets_the_same_page_and_no_email(client):
    make_user("jo@example.com")

    known = client.post(RESET, {"email": "jo@example.com"}, follow=True)
    mail.outbox.clear()
    unknown = client.post(RESET, {"email": "nobody@example.com"}, follow=True)

    assert unknown.redirect_chain == known.redirect_chain
    assert without_csrf_token(unknown.content) == without_csrf_token(known.content)
    assert mail.outbox == []
