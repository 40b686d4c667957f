"""The Notifications page: a person's devices, allowing this browser, removing one, and a test push."""

from __future__ import annotations

import json

from django.test import Client

from twofold.conftest import client_for, page_text
from twofold.push import vapid
from twofold.push.models import PushDevice
from twofold.push.services import MAX_DEVICES, TOO_MANY, allow_device
from twofold.push.subscriptions import BAD_KEYS, NOT_A_PUSH_SERVICE
from twofold.push.tests.pushservice import Browser

PAGE = "/account/notifications/"
ALLOW = "/account/notifications/allow/"
FIREFOX = "Mozilla/5.0 (Android 14; Mobile; rv:133.0) Gecko/133.0 Firefox/133.0"


def subscription(endpoint="https://push.example.net/v1/abc"):
    browser = Browser()
    return {
        "endpoint": endpoint,
        "expirationTime": None,
        "keys": {"p256dh": browser.p256dh, "auth": browser.auth},
    }


def post_json(client: Client, data, **headers):
    return client.post(ALLOW, json.dumps(data), content_type="application/json", headers=headers)


def test_the_page_gives_the_public_key_and_says_when_no_device_is_on(world):
    response = client_for(world.alex).get(PAGE)
    assert response.status_code == 200
    text = page_text(response)
    assert f'data-public-key="{vapid.public_key()}"' in text
    assert "No device gets notifications yet." in text
    assert "/static/twofold/push.js" in text


def test_the_account_page_leads_to_it(world):
    assert f'href="{PAGE}"' in page_text(client_for(world.alex).get("/account/"))


def test_allowing_a_browser_keeps_it_under_the_account_named_for_the_device(world):
    response = post_json(client_for(world.alex), subscription(), **{"User-Agent": FIREFOX})
    assert response.status_code == 201
    assert response.json()["message"] == "Notifications are on for Firefox on Android."
    device = PushDevice.objects.get()
    assert (device.user, device.name, device.endpoint) == (
        world.alex.user,
        "Firefox on Android",
        subscription()["endpoint"],
    )
    text = page_text(client_for(world.alex).get(PAGE))
    assert "Firefox on Android" in text
    assert "not reached yet" in text
    assert "Send me a test notification" in text


def test_the_same_browser_allowing_again_stays_one_device_with_new_keys(world):
    client = client_for(world.alex)
    post_json(client, subscription())
    again = subscription()
    assert post_json(client, again).status_code == 201
    assert PushDevice.objects.get().p256dh == again["keys"]["p256dh"]


def test_a_browser_signed_in_to_another_account_moves_to_it(world):
    post_json(client_for(world.alex), subscription())
    post_json(client_for(world.sam), subscription())
    assert PushDevice.objects.get().user == world.sam.user


def test_a_bad_subscription_is_a_400_that_says_what_to_do(world):
    client = client_for(world.alex)
    bad = subscription(endpoint="http://10.0.0.1/steal") | {"keys": {"p256dh": "AAAA", "auth": ""}}
    response = post_json(client, bad)
    assert response.status_code == 400
    assert response.json()["errors"] == {
        "endpoint": [NOT_A_PUSH_SERVICE],
        "p256dh": [BAD_KEYS],
        "auth": [BAD_KEYS],
    }
    for body in ("not json", json.dumps([1, 2]), json.dumps({"keys": "x"})):
        answer = client.post(ALLOW, body, content_type="application/json")
        assert answer.status_code == 400
        assert answer.json()["message"]
    assert not PushDevice.objects.exists()


def test_there_is_a_limit_to_devices(world):
    client = client_for(world.alex)
    for n in range(MAX_DEVICES):
        assert post_json(client, subscription(f"https://push.example.net/v1/{n}")).status_code == 201
    response = post_json(client, subscription("https://push.example.net/v1/one-more"))
    assert response.status_code == 400
    assert response.json()["message"] == TOO_MANY


def test_allowing_needs_the_csrf_token_and_a_login(world):
    csrf_client = Client(enforce_csrf_checks=True)
    csrf_client.force_login(world.alex.user)
    assert post_json(csrf_client, subscription()).status_code == 403
    assert post_json(Client(), subscription()).status_code == 302
    assert Client().get(PAGE).status_code == 302
    assert not PushDevice.objects.exists()


def test_removing_a_device_asks_first_then_removes_only_it(world):
    mine = allow_device(user=world.alex.user, **_keys("https://push.example.net/v1/a"), user_agent=FIREFOX)
    other = allow_device(user=world.alex.user, **_keys("https://push.example.net/v1/b"), user_agent="")
    client = client_for(world.alex)
    assert "Stop notifications on Firefox on Android?" in page_text(client.get(f"{PAGE}{mine.pk}/remove/"))
    assert PushDevice.objects.count() == 2
    response = client.post(f"{PAGE}{mine.pk}/remove/", follow=True)
    assert "Firefox on Android gets no more notifications from Twofold." in page_text(response)
    assert list(PushDevice.objects.all()) == [other]


def test_nobody_sees_or_removes_another_persons_device(world):
    sams = allow_device(user=world.sam.user, **_keys("https://push.example.net/v1/sam"), user_agent=FIREFOX)
    alex = client_for(world.alex)
    assert alex.get(f"{PAGE}{sams.pk}/remove/").status_code == 404
    assert alex.post(f"{PAGE}{sams.pk}/remove/").status_code == 404
    assert "push.example.net/v1/sam" not in page_text(alex.get(PAGE))
    assert PushDevice.objects.filter(pk=sams.pk).exists()


def test_a_test_notification_reaches_your_devices_and_says_how_many(world, push_service):
    browser = Browser()
    allow_device(
        user=world.alex.user,
        endpoint=f"{push_service.url}/alex",
        p256dh=browser.p256dh,
        auth=browser.auth,
        user_agent=FIREFOX,
    )
    response = client_for(world.alex).post(f"{PAGE}test/", follow=True)
    assert "A test notification went to 1 device." in page_text(response)
    assert browser.decrypt(push_service.received[0].body) == {
        "title": "Twofold",
        "body": "Notifications reach this device.",
        "url": PAGE,
        "tag": "twofold-test",
        "actions": [],
    }


def test_a_test_notification_that_reaches_nothing_says_why(world, push_service):
    client = client_for(world.alex)
    assert "allow them on this device first" in page_text(client.post(f"{PAGE}test/", follow=True))
    allow_device(user=world.alex.user, **_keys(f"{push_service.url}/broken"), user_agent=FIREFOX)
    push_service.answers = {"/broken": 503}
    response = client.post(f"{PAGE}test/", follow=True)
    text = page_text(response)
    assert "No device took the test notification" in text
    assert "The last notification did not arrive: the push service answered HTTP 503." in text


def _keys(endpoint):
    browser = Browser()
    return {"endpoint": endpoint, "p256dh": browser.p256dh, "auth": browser.auth}


def test_your_own_download_names_your_devices_but_not_their_keys(world):
    device = allow_device(user=world.alex.user, **_keys("https://push.example.net/v1/a"), user_agent=FIREFOX)
    allow_device(user=world.sam.user, **_keys("https://push.example.net/v1/sam"), user_agent="")
    response = client_for(world.alex).get("/account/download/")
    text = response.content.decode()
    document = json.loads(text)
    assert [(d["name"], d["last_reached"], d["last_problem"]) for d in document["notification_devices"]] == [
        ("Firefox on Android", None, "")
    ]
    assert device.endpoint not in text
    assert device.auth not in text


def test_a_deleted_account_takes_its_devices_with_it(world):
    allow_device(user=world.alex.user, **_keys("https://push.example.net/v1/a"), user_agent=FIREFOX)
    kept = allow_device(user=world.sam.user, **_keys("https://push.example.net/v1/sam"), user_agent="")
    world.alex.user.delete()
    assert list(PushDevice.objects.all()) == [kept]
