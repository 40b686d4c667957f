"""What a push may carry and which subscriptions Twofold keeps: pure rules, no database."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from twofold.push.payload import PayloadError, build_payload
from twofold.push.subscriptions import check_subscription, device_name
from twofold.push.tests.pushservice import Browser

STOP = {"action": "stop", "title": "Stop the timer", "post": "/timers/7/stop/"}


def push(**overrides):
    return build_payload(
        **({"title": "Feed due", "body": "", "url": "/log/", "tag": "feed", "actions": []} | overrides)
    )


def test_a_plain_push_is_kept_as_given():
    assert push(actions=[STOP]) == {
        "title": "Feed due",
        "body": "",
        "url": "/log/",
        "tag": "feed",
        "actions": [STOP],
    }


@pytest.mark.parametrize(
    "url", ["https://elsewhere.example/", "//elsewhere.example/", "log/", "/\\elsewhere"]
)
def test_a_push_only_opens_twofolds_own_pages(url):
    with pytest.raises(PayloadError, match="a path on Twofold itself"):
        push(url=url)
    with pytest.raises(PayloadError, match="a path on Twofold itself"):
        push(actions=[{"action": "open", "title": "Open", "url": url}])


@pytest.mark.parametrize(
    "action",
    [
        {"action": "stop", "title": "Stop"},  # neither url nor post
        {"action": "stop", "title": "Stop", "url": "/", "post": "/timers/7/stop/"},
        {"action": "Stop!", "title": "Stop", "url": "/"},
        {"action": "stop", "title": "", "url": "/"},
    ],
)
def test_a_button_needs_a_name_a_title_and_one_thing_to_do(action):
    with pytest.raises(PayloadError):
        push(actions=[action])


def test_at_most_two_buttons_each_named_once():
    with pytest.raises(PayloadError, match="at most 2"):
        push(actions=[STOP, {**STOP, "action": "b"}, {**STOP, "action": "c"}])
    with pytest.raises(PayloadError, match="its own name"):
        push(actions=[STOP, STOP])


@pytest.mark.parametrize("overrides", [{"title": ""}, {"title": "x" * 81}, {"body": "x" * 301}, {"tag": ""}])
def test_sizes_are_checked(overrides):
    with pytest.raises(PayloadError):
        push(**overrides)


@pytest.mark.parametrize("word", ["Mood", "scores", "PHQ-9", "GAD-7", "EPDS", "anxiety", "depression"])
def test_screening_words_are_refused_in_any_case(word):
    with pytest.raises(PayloadError, match="lock screen"):
        push(body=f"About your {word}")


def test_words_that_merely_contain_a_private_word_pass():
    assert push(body="Scoreboard of naps, moodle, gadget")["body"] == "Scoreboard of naps, moodle, gadget"


def subscription(**overrides):
    browser = Browser()
    return {
        "endpoint": "https://push.example.net/v1/abc",
        "p256dh": browser.p256dh,
        "auth": browser.auth,
    } | overrides


def test_a_browsers_subscription_is_accepted():
    check_subscription(**subscription())


@pytest.mark.parametrize(
    "endpoint",
    [
        "http://push.example.net/v1/abc",
        "https://127.0.0.1/x",
        "https://10.0.0.8/x",
        "https://[::1]/x",
        "https://localhost/x",
        "ftp://push.example.net/",
        "not a url",
    ],
)
def test_an_endpoint_inside_the_network_or_not_https_is_refused(endpoint):
    with pytest.raises(ValidationError) as caught:
        check_subscription(**subscription(endpoint=endpoint))
    assert set(caught.value.message_dict) == {"endpoint"}


def test_the_tests_own_push_service_is_allowed_only_when_asked():
    check_subscription(**subscription(endpoint="http://127.0.0.1:8123/x"), allow_local=True)


@pytest.mark.parametrize(
    ("p256dh", "auth"),
    [("AAAA", None), (None, "AAAA"), ("not base64!", None), (None, "x" * 30)],
)
def test_keys_of_the_wrong_shape_are_refused(p256dh, auth):
    good = subscription()
    with pytest.raises(ValidationError) as caught:
        check_subscription(**(good | {k: v for k, v in {"p256dh": p256dh, "auth": auth}.items() if v}))
    assert set(caught.value.message_dict) == {k for k, v in {"p256dh": p256dh, "auth": auth}.items() if v}


@pytest.mark.parametrize(
    ("agent", "name"),
    [
        (
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 Chrome/130.0 Mobile Safari/537.36",
            "Chrome on Android",
        ),
        (
            "Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Version/18.0 "
            "Mobile/15E148 "
            "Safari/604.1",
            "Safari on iPhone",
        ),
        (
            "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
            "Firefox on Windows",
        ),
        (
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/130.0 Safari/537.36 Edg/130.0",
            "Edge on Linux",
        ),
        ("", "A browser"),
    ],
)
def test_a_device_is_named_from_its_browser(agent, name):
    assert device_name(agent) == name


def test_a_push_too_big_for_a_push_service_is_refused():
    long_path = "/" + "a" * 1600
    with pytest.raises(PayloadError, match="at most 3000 bytes"):
        push(url=long_path, actions=[{"action": "open", "title": "Open", "url": long_path}])
