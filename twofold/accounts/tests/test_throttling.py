from __future__ import annotations

import re

import pytest
from django.conf import settings
from django.core import mail
from django.test import Client
from django.urls import reverse

from twofold.conftest import PASSWORD, make_user

LOGIN = reverse("accounts:login")
LOCKED = 429


def logged_in_user_id(client: Client) -> int | None:
    value = client.session.get("_auth_user_id")
    return int(value) if value else None


def fail_to_log_in(client: Client, email: str, times: int) -> list[int]:
    return [
        client.post(LOGIN, {"username": email, "password": "wrong-guess"}).status_code for _ in range(times)
    ]


@pytest.mark.django_db
def test_after_too_many_failures_even_the_right_password_is_refused(client):
    make_user("jo@example.com")

    statuses = fail_to_log_in(client, "jo@example.com", settings.AXES_FAILURE_LIMIT)
    response = client.post(LOGIN, {"username": "jo@example.com", "password": PASSWORD})

    assert statuses[: settings.AXES_FAILURE_LIMIT - 1] == [400] * (settings.AXES_FAILURE_LIMIT - 1)
    assert response.status_code == LOCKED
    assert logged_in_user_id(client) is None


@pytest.mark.django_db
def test_the_pause_page_says_how_long_to_wait_and_offers_a_reset(client):
    make_user("jo@example.com")
    fail_to_log_in(client, "jo@example.com", settings.AXES_FAILURE_LIMIT)

    response = client.post(LOGIN, {"username": "jo@example.com", "password": PASSWORD})

    page = response.content.decode()
    assert "accounts/locked_out.html" in [t.name for t in response.templates]
    assert "Wait 15 minutes" in page
    assert reverse("accounts:password_reset") in page


@pytest.mark.django_db
def test_failures_count_for_the_email_whatever_its_case(client):
    make_user("jo@example.com")
    fail_to_log_in(client, "JO@example.com", 3)
    fail_to_log_in(client, "jo@EXAMPLE.com", settings.AXES_FAILURE_LIMIT - 3)

    response = client.post(LOGIN, {"username": "jo@example.com", "password": PASSWORD})

    assert response.status_code == LOCKED


@pytest.mark.django_db
def test_fewer_failures_than_the_limit_do_not_lock_the_account(client):
    user = make_user("jo@example.com")
    fail_to_log_in(client, "jo@example.com", settings.AXES_FAILURE_LIMIT - 1)

    client.post(LOGIN, {"username": "jo@example.com", "password": PASSWORD})

    assert logged_in_user_id(client) == user.pk


@pytest.mark.django_db
def test_another_account_can_still_log_in_from_the_same_place(client):
    make_user("jo@example.com")
    sam = make_user("sam@example.com")
    fail_to_log_in(client, "jo@example.com", settings.AXES_FAILURE_LIMIT)

    client.post(LOGIN, {"username": "sam@example.com", "password": PASSWORD})

    assert logged_in_user_id(client) == sam.pk


@pytest.mark.django_db
def test_resetting_the_password_lifts_the_pause(client):
    user = make_user("jo@example.com")
    fail_to_log_in(client, "jo@example.com", settings.AXES_FAILURE_LIMIT)

    client.post(reverse("accounts:password_reset"), {"email": "jo@example.com"})
    found = re.search(r"http://testserver(\S+)", str(mail.outbox[0].body))
    assert found is not None
    link = found.group(1)
    form_page = client.get(link, follow=True)
    new = "a-brand-new-passphrase-77"
    client.post(form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new})
    client.post(LOGIN, {"username": "jo@example.com", "password": new})

    assert logged_in_user_id(client) == user.pk
