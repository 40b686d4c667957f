"""TWOFOLD_SIGNUP: open, by invitation, closed, and the production default (open until the first household
exists, by invitation after), through the sign-up page as a visitor meets it."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from twofold.accounts.signup_rules import (
    CLOSED,
    NEEDS_AN_INVITATION,
    SignUp,
    invitation_token_in,
    mode_now,
    reason_to_refuse,
)
from twofold.conftest import PASSWORD, make_user
from twofold.households.models import Invitation, Member, Role
from twofold.households.services import INVITATION_EXPIRED, create_household, invite

User = get_user_model()
SIGNUP = reverse("accounts:signup")


def sign_up_data(email: str = "jo@example.com") -> dict[str, str]:
    return {"email": email, "name": "Jo", "password": PASSWORD, "password_again": PASSWORD}


def a_household():
    return create_household(user=make_user("alex@example.com"), name="Alex and Sam", display_name="Alex")


def join_link(parent: Member) -> str:
    return reverse("households:join", args=[invite(member=parent, role=Role.PARENT).token])


# ---- The rule ----


def test_the_default_is_open_until_the_first_household_then_by_invitation():
    assert mode_now(setting="first-household", a_household_exists=False) is SignUp.OPEN
    assert mode_now(setting="first-household", a_household_exists=True) is SignUp.INVITE
    for setting in ("open", "invite", "closed"):
        assert mode_now(setting=setting, a_household_exists=True) == setting


def test_only_open_or_an_invitation_under_invite_lets_someone_in():
    assert reason_to_refuse(mode=SignUp.OPEN, invited=False) is None
    assert reason_to_refuse(mode=SignUp.INVITE, invited=True) is None
    assert reason_to_refuse(mode=SignUp.INVITE, invited=False) == NEEDS_AN_INVITATION
    assert reason_to_refuse(mode=SignUp.CLOSED, invited=True) == CLOSED


def test_an_invitation_is_recognised_only_in_a_join_link():
    assert invitation_token_in("/household/join/abc/") == "abc"
    assert invitation_token_in("/household/join/abc/?x=1") == "abc"
    assert invitation_token_in("/household/") is None
    assert invitation_token_in("/no/such/page/") is None
    assert invitation_token_in("") is None


# ---- open ----


@pytest.mark.django_db
def test_open_lets_anyone_make_an_account_even_with_households(client, settings):
    settings.TWOFOLD_SIGNUP = "open"
    a_household()

    response = client.post(SIGNUP, sign_up_data())

    assert response.status_code == 302
    assert User.objects.filter(username="jo@example.com").exists()


# ---- invite ----


@pytest.mark.django_db
def test_invite_refuses_a_visitor_without_a_link_and_says_what_to_do(client, settings):
    settings.TWOFOLD_SIGNUP = "invite"

    page = client.get(SIGNUP)
    sent = client.post(SIGNUP, sign_up_data())

    assert page.status_code == sent.status_code == 403
    assert "Ask a parent in your household for an invitation link" in page.content.decode()
    assert 'name="password"' not in page.content.decode()
    assert not User.objects.filter(username="jo@example.com").exists()


@pytest.mark.django_db
def test_invite_lets_someone_with_a_working_link_make_an_account_and_join(client, settings):
    settings.TWOFOLD_SIGNUP = "invite"
    alex = a_household()
    link = join_link(alex)

    page = client.get(SIGNUP, {"next": link})
    signed_up = client.post(f"{SIGNUP}?next={link}", sign_up_data())
    joined = client.post(link, {"me-display_name": "Jo"})

    assert page.status_code == 200 and 'name="password"' in page.content.decode()
    assert signed_up.status_code == 302 and signed_up["Location"] == link
    assert joined.status_code == 302
    assert Member.objects.filter(household=alex.household, user__username="jo@example.com").exists()


@pytest.mark.django_db
def test_invite_refuses_an_expired_link_and_says_whom_to_ask(client, settings):
    settings.TWOFOLD_SIGNUP = "invite"
    alex = a_household()
    made = dt.datetime(2026, 1, 5, 9, 0, tzinfo=dt.UTC)
    link = reverse("households:join", args=[invite(member=alex, role=Role.PARENT, now=made).token])

    response = client.post(f"{SIGNUP}?next={link}", sign_up_data())

    page = response.content.decode()
    assert response.status_code == 403
    assert INVITATION_EXPIRED in page
    assert "Ask Alex, or another parent in Alex and Sam, for a new invitation link." in page
    assert not User.objects.filter(username="jo@example.com").exists()


@pytest.mark.django_db
def test_invite_refuses_a_withdrawn_link(client, settings):
    settings.TWOFOLD_SIGNUP = "invite"
    alex = a_household()
    link = join_link(alex)
    Invitation.objects.update(revoked_at=dt.datetime(2026, 1, 5, tzinfo=dt.UTC))

    assert client.post(f"{SIGNUP}?next={link}", sign_up_data()).status_code == 403
    assert not User.objects.filter(username="jo@example.com").exists()


# ---- closed ----


@pytest.mark.django_db
def test_closed_refuses_everyone_new_even_with_a_working_link(client, settings):
    settings.TWOFOLD_SIGNUP = "closed"
    link = join_link(a_household())

    response = client.post(f"{SIGNUP}?next={link}", sign_up_data())

    page = response.content.decode()
    assert response.status_code == 403
    assert "not taking new accounts" in page and "ask a parent in it for an invitation link" in page
    assert not User.objects.filter(username="jo@example.com").exists()


@pytest.mark.django_db
def test_closed_still_lets_an_existing_account_accept_an_invitation(settings):
    settings.TWOFOLD_SIGNUP = "closed"
    alex = a_household()
    client = Client()
    client.force_login(make_user("jo@example.com"))

    response = client.post(join_link(alex), {"me-display_name": "Jo"})

    assert response.status_code == 302
    assert Member.objects.filter(household=alex.household, user__username="jo@example.com").exists()


# ---- the production default ----


@pytest.mark.django_db
def test_the_default_lets_the_first_person_in_then_asks_for_an_invitation(settings):
    settings.TWOFOLD_SIGNUP = "first-household"

    first = Client()
    assert first.post(SIGNUP, sign_up_data("alex@example.com")).status_code == 302
    # An account alone does not close sign-up: the first household does.
    assert Client().get(SIGNUP).status_code == 200
    alex = create_household(user=User.objects.get(), name="Alex and Sam", display_name="Alex")

    stranger = Client().post(SIGNUP, sign_up_data("stranger@example.com"))
    invited = Client().post(f"{SIGNUP}?next={join_link(alex)}", sign_up_data("sam@example.com"))

    assert stranger.status_code == 403 and NEEDS_AN_INVITATION in stranger.content.decode()
    assert invited.status_code == 302
    assert set(User.objects.values_list("username", flat=True)) == {"alex@example.com", "sam@example.com"}


def test_the_tests_run_with_the_production_default():
    from django.conf import settings

    assert settings.TWOFOLD_SIGNUP == "first-household"


# ---- the setting itself ----


def settings_value(tmp_path, **variables: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TWOFOLD_") and k != "DATABASE_URL"}
    env |= {
        "DJANGO_SETTINGS_MODULE": "twofold.settings",
        "TWOFOLD_DATA_DIR": str(tmp_path),
        "TWOFOLD_SECRET_KEY": "a-long-random-string-for-the-test",
        "TWOFOLD_ENCRYPTION_KEYS": "dGVzdHMtb25seS10d29mb2xkLXNlYWxpbmcta2V5LTA=",
        **variables,
    }
    code = "import django; django.setup(); from django.conf import settings; print(settings.TWOFOLD_SIGNUP)"
    return subprocess.run(  # noqa: S603 (our own interpreter, fixed arguments)
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60, check=False
    )


@pytest.mark.parametrize(
    ("variables", "expected"),
    [
        ({}, "first-household"),
        ({"TWOFOLD_DEBUG": "true"}, "open"),
        ({"TWOFOLD_SIGNUP": "Invite"}, "invite"),
        ({"TWOFOLD_SIGNUP": "closed", "TWOFOLD_DEBUG": "true"}, "closed"),
        ({"TWOFOLD_SIGNUP": ""}, "first-household"),
    ],
)
def test_the_setting_and_its_defaults(tmp_path, variables, expected):
    result = settings_value(tmp_path, **variables)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


def test_a_value_that_is_not_a_mode_stops_start_up_with_a_message(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("TWOFOLD_") and k != "DATABASE_URL"}
    env |= {
        "TWOFOLD_DATA_DIR": str(tmp_path),
        "TWOFOLD_SECRET_KEY": "a-long-random-string-for-the-test",
        "TWOFOLD_ENCRYPTION_KEYS": "dGVzdHMtb25seS10d29mb2xkLXNlYWxpbmcta2V5LTA=",
        "TWOFOLD_SIGNUP": "invite-only",
    }
    result = subprocess.run(  # noqa: S603 (our own console script, fixed arguments)
        [str(Path(sys.executable).parent / "twofold"), "check"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )

    assert result.returncode != 0
    assert "TWOFOLD_SIGNUP must be open, invite or closed (or leave it unset:" in result.stderr
    assert "not 'invite-only'" in result.stderr
    assert "Traceback" not in result.stderr
