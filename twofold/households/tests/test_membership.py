import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse

from twofold.conftest import client_for, join, make_user
from twofold.households import services
from twofold.households.models import Member, Role


def test_a_removed_helper_no_longer_reaches_the_household(world):
    services.remove_member(by=world.alex, member=world.pat)
    world.pat.refresh_from_db()
    assert not world.pat.is_active
    response = client_for(world.pat).get(reverse("home:today"))
    assert response.status_code == 302 and reverse("households:start") in response["Location"]


def test_helper_cannot_remove_anyone(world):
    with pytest.raises(PermissionDenied):
        services.remove_member(by=world.pat, member=world.sam)
    response = client_for(world.pat).post(reverse("households:member_remove", args=[world.sam.pk]))
    assert response.status_code == 404
    assert Member.objects.get(pk=world.sam.pk).is_active


def test_the_last_parent_cannot_leave_helpers_behind(world):
    services.leave_household(member=world.sam)
    with pytest.raises(ValidationError, match="last parent"):
        services.leave_household(member=world.alex)
    services.leave_household(member=world.pat)
    services.leave_household(member=world.alex)


def test_anyone_can_leave_from_the_settings_page(world):
    response = client_for(world.pat).post(reverse("households:leave"))
    assert response.status_code == 302
    world.pat.refresh_from_db()
    assert not world.pat.is_active


def test_a_user_switches_between_households(world):
    # Sam also helps in Robin's household.
    token = services.invite(member=world.robin, role=Role.HELPER).token
    services.accept_invitation(user=world.sam.user, token=token, display_name="Sam")
    client = client_for(world.sam)
    assert ">Ada</h2>" in client.get(reverse("home:today")).content.decode()
    client.post(reverse("households:switch"), {"household": world.robin.household_id})
    page = client.get(reverse("home:today")).content.decode()
    assert ">Bo</h2>" in page and ">Ada</h2>" not in page


def test_switching_to_someone_elses_household_is_refused(world):
    client = client_for(world.alex)
    client.post(reverse("households:switch"), {"household": world.robin.household_id})
    page = client.get(reverse("home:today")).content.decode()
    assert ">Ada</h2>" in page and ">Bo</h2>" not in page


def test_first_login_creates_a_household_then_asks_for_the_baby(db):
    client = Client()
    client.force_login(make_user("new@example.com"))
    assert client.get(reverse("home:today"))["Location"] == reverse("households:start")
    response = client.post(
        reverse("households:start"),
        {
            "household-name": "Jo and Max",
            "household-time_zone": "Europe/Dublin",
            "household-country": "IE",
            "household-locale": "en-GB",
            "household-volume_unit": "ml",
            "household-night_start": "21:30",
            "household-night_end": "06:30",
            "me-display_name": "Jo",
            "me-gave_birth": "",
        },
    )
    assert response["Location"] == reverse("households:child_add")
    member = Member.objects.get(user__username="new@example.com")
    assert member.household.night_start == dt.time(21, 30) and member.role == Role.PARENT
    response = client.post(
        reverse("households:child_add"),
        {"name": "Rosa", "birth_date": "2026-11-01", "feeding_method": "breast"},
    )
    assert response.status_code == 302
    assert member.household.children.get().name == "Rosa"


def test_a_birth_date_in_the_future_is_refused_with_a_reason(world):
    response = client_for(world.alex).post(
        reverse("households:child_add"),
        {"name": "Soon", "birth_date": "2099-01-01", "feeding_method": "mixed"},
    )
    assert response.status_code == 400
    assert "in the future" in response.content.decode()
    assert not world.alex.household.children.filter(name="Soon").exists()


def test_a_night_without_length_is_refused(world):
    response = client_for(world.alex).post(
        reverse("households:edit"),
        {
            "household-name": "Alex and Sam",
            "household-time_zone": "Europe/London",
            "household-country": "GB",
            "household-locale": "en-US",
            "household-volume_unit": "fl_oz",
            "household-night_start": "22:00",
            "household-night_end": "22:00",
        },
    )
    assert response.status_code == 400
    world.alex.household.refresh_from_db()
    assert world.alex.household.locale == "en-GB"


def test_wording_follows_the_locale(world):
    world.alex.household.locale = "en-US"
    world.alex.household.save()
    page = client_for(world.alex).get(reverse("care:quick_log")).content.decode()
    assert "Diaper in one tap" in page and "Nappy" not in page


def test_helpers_do_not_see_parent_only_controls(world):
    page = client_for(world.pat).get(reverse("households:settings")).content.decode()
    assert "Make an invitation link" not in page and "Download everything" not in page
    assert client_for(world.pat).get(reverse("home:export")).status_code == 404


def test_join_helper_to_world(world):
    grandpa = join(world.alex, "grandpa@example.com", "Grandpa", Role.HELPER)
    assert grandpa.household == world.alex.household
