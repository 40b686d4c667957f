"""Apps and devices: the member's keys, making one (shown once), revoking one, signing out everywhere."""

from __future__ import annotations

import datetime as dt
import re

import time_machine
from django.test import Client
from django.urls import reverse

from twofold.accounts.app_keys import make_key
from twofold.accounts.models import AppKey
from twofold.accounts.tests.keys import opens_the_api
from twofold.audit.models import Action, AuditEntry
from twofold.conftest import client_for, page_text

APPS = reverse("accounts:apps")
EVERYWHERE = reverse("accounts:sign_out_everywhere")


def revoke_url(key: AppKey) -> str:
    return reverse("accounts:app_key_revoke", args=[key.pk])


def key_on(page: str) -> str:
    match = re.search(r'id="new-key" type="text" readonly value="([0-9a-f]{64})"', page)
    assert match, page
    return match.group(1)


def test_the_account_page_links_to_apps_and_devices(world):
    page = page_text(client_for(world.alex).get(reverse("accounts:account")))

    assert f'href="{APPS}"' in page
    assert "Apps and devices" in page


def test_the_page_needs_a_login(db):
    response = Client().get(APPS)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_with_no_keys_the_page_says_so(world):
    page = page_text(client_for(world.alex).get(APPS))

    assert "No app has a key." in page
    assert "30 days" in page


def test_the_list_shows_each_key_and_never_expires_for_a_long_lived_one(world):
    make_key(user=world.alex.user, name="Home Assistant", days=None)
    make_key(user=world.alex.user, name="Alex's phone", days=30)
    make_key(user=world.sam.user, name="Sam's tablet", days=30)

    page = page_text(client_for(world.alex).get(APPS))

    assert "Home Assistant" in page
    assert "never expires" in page
    assert "Alex's phone" in page
    assert "expires " in page
    assert "not used yet" in page
    assert "Sam's tablet" not in page


def test_making_a_key_shows_it_once_and_it_works(world):
    client = client_for(world.alex)

    response = client.post(APPS, {"name": "Home Assistant", "lasts": "never"})

    page = page_text(response)
    assert response.status_code == 200
    assert "It won't be shown again" in page
    key = key_on(page)
    assert opens_the_api(key)
    assert AppKey.objects.get().never_expires
    assert "no-store" in response["Cache-Control"]
    again = page_text(client.get(APPS))
    assert key not in again
    assert "never expires" in again
    assert AuditEntry.objects.get().action == Action.TOKEN_MADE


def test_a_key_lasting_90_days(world):
    now = dt.datetime(2026, 12, 6, 15, 0, tzinfo=dt.UTC)
    with time_machine.travel(now, tick=False):
        client_for(world.alex).post(APPS, {"name": "Tablet", "lasts": "90"})

    assert AppKey.objects.get().expiry == now + dt.timedelta(days=90)


def test_a_key_needs_a_name_and_a_lifetime(world):
    response = client_for(world.alex).post(APPS, {"name": "  ", "lasts": "forever"})

    assert response.status_code == 400
    page = page_text(response)
    assert "This field is required." in page
    assert "Select a valid choice." in page
    assert not AppKey.objects.exists()


def test_revoking_asks_first_then_ends_the_key(world):
    made, key = make_key(user=world.alex.user, name="Old phone", days=30)
    client = client_for(world.alex)

    asked = client.get(revoke_url(made))
    assert opens_the_api(key)
    done = client.post(revoke_url(made))

    assert "Revoke “Old phone”?" in page_text(asked)
    assert done["Location"] == APPS
    assert not opens_the_api(key)
    assert "is revoked" in page_text(client.get(APPS))
    assert AuditEntry.objects.filter(action=Action.TOKEN_REVOKED).count() == 1


def test_another_members_key_is_404_on_the_page(world):
    sams, key = make_key(user=world.sam.user, name="Sam's phone", days=30)
    client = client_for(world.alex)

    assert client.get(revoke_url(sams)).status_code == 404
    assert client.post(revoke_url(sams)).status_code == 404
    assert opens_the_api(key)


def test_sign_out_everywhere_asks_then_ends_every_key_and_other_session(world):
    _, phone = make_key(user=world.alex.user, name="Phone", days=30)
    _, home = make_key(user=world.alex.user, name="Home Assistant", days=None)
    _, sams = make_key(user=world.sam.user, name="Sam's phone", days=30)
    here, laptop, sam = client_for(world.alex), client_for(world.alex), client_for(world.sam)

    asked = here.get(EVERYWHERE)
    done = here.post(EVERYWHERE)

    assert "This ends all 2 of your app keys" in page_text(asked)
    assert done["Location"] == APPS
    assert not opens_the_api(phone)
    assert not opens_the_api(home)
    assert here.get(APPS).status_code == 200  # still logged in here
    assert laptop.get(APPS).status_code == 302  # the other browser is logged out
    assert sam.get(APPS).status_code == 200 and opens_the_api(sams)  # nobody else is touched
    entry = AuditEntry.objects.get(action=Action.TOKEN_REVOKED)
    assert entry.detail == "All app keys (2): signed out everywhere"


def test_the_pages_need_no_script(world):
    made, _ = make_key(user=world.alex.user, name="Phone", days=30)
    client = client_for(world.alex)

    for url in (APPS, revoke_url(made), EVERYWHERE):
        page = client.get(url).content.decode()
        assert not re.search(r"\son[a-z]+=", page), url  # no inline handlers: plain forms and links
