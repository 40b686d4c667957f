from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from twofold.accounts import services
from twofold.accounts.forms import PASSWORDS_DIFFER
from twofold.accounts.services import EMAIL_TAKEN
from twofold.conftest import PASSWORD, make_user

User = get_user_model()
SIGNUP = reverse("accounts:signup")


def sign_up_data(email: str = "Jo@Example.com", password: str = PASSWORD, again: str | None = None) -> dict:
    return {"email": email, "name": "Jo", "password": password, "password_again": again or password}


def logged_in_user_id(client: Client) -> int | None:
    value = client.session.get("_auth_user_id")
    return int(value) if value else None


@pytest.mark.django_db
def test_sign_up_creates_a_user_with_the_lower_cased_email_and_logs_them_in(client):
    response = client.post(SIGNUP, sign_up_data(email="  Jo@Example.com "))

    user = User.objects.get()
    assert (user.username, user.email, user.first_name) == ("jo@example.com", "jo@example.com", "Jo")
    assert user.check_password(PASSWORD)
    assert logged_in_user_id(client) == user.pk
    assert response.status_code == 302
    assert response["Location"] == reverse("home:today")


@pytest.mark.django_db
def test_a_new_account_without_a_household_is_sent_on_to_set_one_up(client):
    response = client.post(SIGNUP, sign_up_data(), follow=True)

    assert response.redirect_chain[-1][0] == reverse("households:start")
    assert "Welcome to Twofold, Jo." in response.content.decode()


@pytest.mark.django_db
def test_an_email_already_registered_in_any_case_is_refused_with_links_to_log_in_or_reset(client):
    make_user("jo@example.com")

    response = client.post(SIGNUP, sign_up_data(email="JO@example.com", password="another-long-passphrase-7"))

    page = response.content.decode()
    assert response.status_code == 400
    assert EMAIL_TAKEN in page
    assert reverse("accounts:login") in page and reverse("accounts:password_reset") in page
    assert User.objects.count() == 1
    assert not User.objects.get().check_password("another-long-passphrase-7")
    assert logged_in_user_id(client) is None


@pytest.mark.django_db
@pytest.mark.parametrize("weak", ["12345678", "password", "short"])
def test_a_weak_password_is_refused_and_nothing_is_created(client, weak):
    response = client.post(SIGNUP, sign_up_data(password=weak))

    assert response.status_code == 400
    assert response.context["form"].errors["password"]
    assert not User.objects.exists()
    assert logged_in_user_id(client) is None


@pytest.mark.django_db
def test_a_password_too_like_the_email_is_refused(client):
    response = client.post(SIGNUP, sign_up_data(email="josephine.long@example.com", password="josephinelong"))

    assert response.status_code == 400
    assert response.context["form"].errors["password"]
    assert not User.objects.exists()


@pytest.mark.django_db
def test_passwords_that_do_not_match_are_refused(client):
    response = client.post(SIGNUP, sign_up_data(again="a-different-passphrase-42"))

    assert response.status_code == 400
    assert response.context["form"].errors["password_again"] == [PASSWORDS_DIFFER]
    assert not User.objects.exists()


@pytest.mark.django_db
def test_name_and_email_are_required(client):
    response = client.post(SIGNUP, {"email": "not-an-email", "name": "", "password": PASSWORD})

    errors = response.context["form"].errors
    assert response.status_code == 400
    assert {"email", "name", "password_again"} <= set(errors)
    assert not User.objects.exists()


@pytest.mark.django_db
def test_sign_up_goes_on_to_a_safe_next_page(client):
    join_page = "/household/join/some-token/"

    response = client.post(f"{SIGNUP}?next={join_page}", sign_up_data())

    assert response["Location"] == join_page


@pytest.mark.django_db
def test_sign_up_ignores_a_next_page_on_another_site(client):
    response = client.post(SIGNUP, {**sign_up_data(), "next": "http://evil.example/steal"})

    assert response["Location"] == reverse("home:today")
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_sign_up_page_links_to_log_in_keeping_next(client):
    response = client.get(SIGNUP, {"next": "/household/join/abc/"})

    page = response.content.decode()
    assert f"{reverse('accounts:login')}?next=/household/join/abc/" in page
    assert 'name="next" value="/household/join/abc/"' in page


@pytest.mark.django_db
def test_sign_up_page_drops_an_unsafe_next(client):
    response = client.get(SIGNUP, {"next": "http://evil.example/"})

    assert "evil.example" not in response.content.decode()


@pytest.mark.django_db
def test_someone_already_logged_in_is_sent_on_from_sign_up(client):
    user = make_user("jo@example.com")
    client.force_login(user)

    response = client.get(SIGNUP, {"next": "/household/"})

    assert response["Location"] == "/household/"


@pytest.mark.django_db
def test_the_sign_up_service_accepts_addresses_django_usernames_would_refuse():
    user = services.sign_up(email="O'Brien@example.com", name="Aoife", password=PASSWORD)

    assert user.username == "o'brien@example.com"


@pytest.mark.django_db
def test_the_sign_up_service_names_the_field_at_fault():
    make_user("jo@example.com")

    with pytest.raises(ValidationError) as taken:
        services.sign_up(email="jo@example.com", name="Jo", password=PASSWORD)
    with pytest.raises(ValidationError) as weak:
        services.sign_up(email="new@example.com", name="Jo", password="123")

    assert taken.value.message_dict == {"email": [EMAIL_TAKEN]}
    assert set(weak.value.message_dict) == {"password"}
    assert User.objects.count() == 1
