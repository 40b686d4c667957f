"""The admin never shows an app key or its hash: knox's token admin is gone, AppKey is not registered."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from twofold.accounts.app_keys import make_key
from twofold.conftest import PASSWORD


def test_no_admin_page_shows_a_key_or_its_digest(world):
    made, key = make_key(user=world.alex.user, name="Home Assistant", days=None)
    admin = get_user_model().objects.create_superuser("admin@example.com", "admin@example.com", PASSWORD)
    client = Client()
    client.force_login(admin)

    pages = [
        reverse("admin:index"),
        reverse("admin:auth_user_changelist"),
        reverse("admin:auth_user_change", args=[world.alex.user.pk]),
    ]
    for url in pages:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        for secret in (key, made.digest, made.token_key):
            assert secret not in html, url
    index = client.get(reverse("admin:index")).content.decode()
    assert "knox" not in index.lower()
    assert "auth token" not in index.lower()
    assert "app key" not in index.lower()
    assert client.get("/admin/knox/authtoken/").status_code == 404
    assert client.get("/admin/accounts/appkey/").status_code == 404
