"""Behind an HTTPS proxy: the documented production settings pass the deploy checks; links are https."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from django.core import mail
from django.test import Client

from twofold.households.models import Member

OPERATIONS = Path(__file__).resolve().parents[2] / "docs" / "operations.md"
# As a proxy passes it on: the public host name (no port) and the scheme the browser used.
PROXY = {"X-Forwarded-Proto": "https", "Host": "testserver"}


def documented_production_environment() -> dict[str, str]:
    """The `env` block of operations.md's "Behind HTTPS", with its <placeholders> filled in."""
    block = re.search(r"```env\n(.*?)```", OPERATIONS.read_text(), re.DOTALL)
    assert block, "operations.md has no ```env block of production settings"
    fillers = {
        "TWOFOLD_SECRET_KEY": "a-" + Fernet.generate_key().decode() + "-long-random-secret",
        "TWOFOLD_ENCRYPTION_KEYS": Fernet.generate_key().decode(),
    }
    environment = {}
    for line in block.group(1).splitlines():
        key, _, value = line.partition("=")
        environment[key] = fillers[key] if value.startswith("<") else value
    return environment


def test_documented_production_settings_pass_the_deploy_checks(run_twofold):
    environment = documented_production_environment()
    assert environment["TWOFOLD_SSL_REDIRECT"] == "true"
    result = run_twofold(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        environ={"TWOFOLD_DEBUG": None, "TWOFOLD_SECURE_COOKIES": None, **environment},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_without_the_https_settings_the_deploy_checks_complain(run_twofold):
    environment = documented_production_environment()
    for key in ("TWOFOLD_SSL_REDIRECT", "TWOFOLD_HSTS_SECONDS"):
        del environment[key]
    result = run_twofold(
        "check", "--deploy", "--fail-level", "WARNING", environ={"TWOFOLD_DEBUG": None, **environment}
    )
    assert result.returncode != 0
    assert "security.W004" in result.stderr and "security.W008" in result.stderr


@pytest.fixture
def behind_proxy(settings):
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")


def proxied_client_for(member: Member) -> Client:
    assert member.user is not None
    client = Client(headers=PROXY)
    client.force_login(member.user)
    return client


def test_invitation_links_are_https_behind_the_proxy(world, behind_proxy):
    response = proxied_client_for(world.alex).post("/household/invitations/", {"role": "parent"})
    assert response.status_code == 200
    assert "https://testserver/household/" in response.content.decode()
    assert "http://testserver" not in response.content.decode()


def test_calendar_links_are_https_behind_the_proxy(world, behind_proxy):
    sam = proxied_client_for(world.sam)
    sam.post("/nights/calendar/")
    page = sam.get("/nights/calendar/").content.decode()
    assert re.search(r'value="https://testserver/nights/calendar/[^"]+\.ics"', page)


def test_password_reset_links_are_https_behind_the_proxy(world, behind_proxy):
    Client(headers=PROXY).post("/account/password/reset/", {"email": "alex@example.com"})
    assert len(mail.outbox) == 1
    assert "https://testserver/account/password/reset/" in mail.outbox[0].body


def test_without_the_proxy_header_setting_the_header_is_not_believed(world):
    response = proxied_client_for(world.alex).post("/household/invitations/", {"role": "parent"})
    assert "http://testserver/household/" in response.content.decode()


def test_a_bad_proxy_header_name_stops_start_up(run_twofold):
    result = run_twofold("check", environ={"TWOFOLD_PROXY_SSL_HEADER": "X-Forwarded-Proto: https"})
    assert result.returncode != 0
    assert "TWOFOLD_PROXY_SSL_HEADER must be a header name" in result.stderr
