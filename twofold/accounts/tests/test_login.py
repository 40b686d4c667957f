from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils.html import escape

from twofold.accounts.forms import WRONG_LOGIN
from twofold.conftest import PASSWORD, make_user
from twofold.households.models import Member, Role
from twofold.households.services import create_household, invite

LOGIN = reverse("accounts:login")
LOGOUT = reverse("accounts:logout")


def logged_in_user_id(client) -> int | None:
    value = client.session.get("_auth_user_id")
    return int(value) if value else None


@pytest.mark.django_db
def test_logging_in_with_the_email_in_any_case_works(client):
    user = make_user("jo@example.com")

    response = client.post(LOGIN, {"username": " Jo@EXAMPLE.com", "password": PASSWORD})

    assert logged_in_user_id(client) == user.pk
    assert response["Location"] == reverse("home:today")


@pytest.mark.django_db
def test_a_wrong_password_is_refused_kindly(client):
    make_user("jo@example.com")

    response = client.post(LOGIN, {"username": "jo@example.com", "password": "not-it"})

    assert response.status_code == 400
    assert escape(WRONG_LOGIN) in response.content.decode()
    assert logged_in_user_id(client) is None


@pytest.mark.django_db
def test_the_login_form_asks_for_an_email(client):
    response = client.get(LOGIN)

    page = response.content.decode()
    assert '<label for="id_username">Email</label>' in page
    assert 'type="email"' in page


@pytest.mark.django_db
def test_login_goes_on_to_a_safe_next_page_and_ignores_an_unsafe_one(client):
    make_user("jo@example.com")
    credentials = {"username": "jo@example.com", "password": PASSWORD}

    safe = client.post(LOGIN, {**credentials, "next": "/household/join/abc/"})
    client.post(LOGOUT)
    unsafe = client.post(LOGIN, {**credentials, "next": "http://evil.example/"})

    assert safe["Location"] == "/household/join/abc/"
    assert unsafe["Location"] == reverse("home:today")


@pytest.mark.django_db
def test_login_page_links_to_sign_up_keeping_next(client):
    response = client.get(LOGIN, {"next": "/household/join/abc/"})

    page = response.content.decode()
    assert f"{reverse('accounts:signup')}?next=/household/join/abc/" in page
    assert 'name="next" value="/household/join/abc/"' in page


@pytest.mark.django_db
def test_logging_out_ends_the_session_and_returns_to_log_in(client):
    client.force_login(make_user("jo@example.com"))

    response = client.post(LOGOUT)

    assert logged_in_user_id(client) is None
    assert response["Location"] == LOGIN


@pytest.mark.django_db
def test_logging_out_needs_a_post(client):
    user = make_user("jo@example.com")
    client.force_login(user)

    response = client.get(LOGOUT)

    assert response.status_code == 405
    assert logged_in_user_id(client) == user.pk


@pytest.mark.django_db
def test_an_invitee_who_signs_up_from_the_invitation_link_comes_back_to_join(client):
    alex = create_household(user=make_user("alex@example.com"), name="Alex and Sam", display_name="Alex")
    join_page = reverse("households:join", args=[invite(member=alex, role=Role.PARENT).token])

    invited = client.get(join_page)  # who invited them and to what, with a way to log in and come back
    assert f"{reverse('accounts:login')}?next={join_page}" in invited.content.decode()
    login_page = client.get(f"{reverse('accounts:login')}?next={join_page}")
    signup_link = login_page.context["next"]
    signed_up = client.post(
        f"{reverse('accounts:signup')}?next={signup_link}",
        {"email": "sam@example.com", "name": "Sam", "password": PASSWORD, "password_again": PASSWORD},
    )
    joined = client.post(signed_up["Location"], {"me-display_name": "Sam", "me-relationship": ""})

    assert signup_link == join_page
    assert signed_up["Location"] == join_page
    assert joined.status_code == 302
    assert Member.objects.filter(household=alex.household, user__username="sam@example.com").exists()
