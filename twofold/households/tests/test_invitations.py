import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from twofold.conftest import client_for, make_user, page_text
from twofold.households import services
from twofold.households.models import Member, Role


def test_invitation_link_joins_once_with_its_role(world):
    new = services.invite(member=world.alex, role=Role.HELPER)
    member = services.accept_invitation(
        user=make_user("gran@example.com"), token=new.token, display_name="Gran"
    )
    assert member.role == Role.HELPER and member.household == world.alex.household
    with pytest.raises(ValidationError, match="already been used"):
        services.accept_invitation(user=make_user("other@example.com"), token=new.token, display_name="X")


def test_invitation_expires_after_seven_days(world):
    made = timezone.now()
    new = services.invite(member=world.alex, role=Role.PARENT, now=made)
    later = made + dt.timedelta(days=7)
    with pytest.raises(ValidationError, match="expired"):
        services.accept_invitation(
            user=make_user("late@example.com"), token=new.token, display_name="L", now=later
        )
    almost = made + dt.timedelta(days=6, hours=23)
    joined = services.accept_invitation(
        user=make_user("ontime@example.com"), token=new.token, display_name="T", now=almost
    )
    assert joined.is_active


def test_token_is_not_stored_in_plain_text(world):
    new = services.invite(member=world.alex, role=Role.PARENT)
    assert new.invitation.token_hash != new.token
    assert new.token not in new.invitation.token_hash


def test_withdrawn_invitation_no_longer_works(world):
    new = services.invite(member=world.alex, role=Role.PARENT)
    services.revoke_invitation(member=world.alex, invitation=new.invitation)
    with pytest.raises(ValidationError, match="withdrawn"):
        services.accept_invitation(user=make_user("x@example.com"), token=new.token, display_name="X")


def test_helpers_cannot_invite(world):
    with pytest.raises(PermissionDenied):
        services.invite(member=world.pat, role=Role.PARENT)


def test_existing_member_cannot_join_again(world):
    new = services.invite(member=world.alex, role=Role.PARENT)
    with pytest.raises(ValidationError, match="already a member"):
        services.accept_invitation(user=world.sam.user, token=new.token, display_name="Sam again")


def test_a_logged_out_invitee_sees_what_they_were_invited_to_then_signs_up_or_logs_in_and_comes_back(
    world, client
):
    new = services.invite(member=world.alex, role=Role.HELPER)
    join_url = reverse("households:join", args=[new.token])
    response = client.get(join_url)
    assert response.status_code == 200
    page = " ".join(page_text(response).split())
    assert "Alex invited you to join Alex and Sam on Twofold as a helper." in page
    assert f'href="{reverse("accounts:signup")}?next={join_url}"' in page
    assert f'href="{reverse("accounts:login")}?next={join_url}"' in page


def test_join_page_adds_the_member_and_switches_to_the_household(world):
    new = services.invite(member=world.alex, role=Role.PARENT)
    user = make_user("kai@example.com")
    client = Client()
    client.force_login(user)
    response = client.post(reverse("households:join", args=[new.token]), {"me-display_name": "Kai"})
    assert response.status_code == 302
    member = Member.objects.get(user=user)
    assert member.display_name == "Kai" and member.role == Role.PARENT
    assert "Alex and Sam" in client.get(reverse("households:settings")).content.decode()


def test_bad_link_says_what_to_do(world):
    response = client_for(world.robin).get(reverse("households:join", args=["not-a-token"]))
    assert response.status_code == 400
    assert "Ask a parent in the household for a new invitation link." in response.content.decode()


def test_parent_makes_a_link_on_the_settings_page(world):
    response = client_for(world.alex).post(reverse("households:invite"), {"role": "helper"})
    page = response.content.decode()
    assert response.status_code == 200 and "/household/join/" in page
    assert world.alex.household.invitations.filter(role="helper", accepted_at=None).count() == 1
