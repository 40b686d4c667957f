"""A helper never meets a link to a page they cannot open, nor an Edit button on care they cannot change."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.utils import timezone

from twofold.care.services import log_care_event
from twofold.conftest import client_for

NOW = dt.datetime(2026, 11, 18, 12, 0, tzinfo=dt.UTC)

pytestmark = pytest.mark.django_db


def _links(page: str) -> set[str]:
    return {href for href in re.findall(r'href="(/[^"#?]*)', page) if not href.startswith("/static/")}


@pytest.mark.parametrize(
    "start", ["/", "/history/", "/bonding/red-flags/", "/bonding/coping/", "/household/"]
)
@time_machine.travel(NOW, tick=False)
def test_every_link_a_helper_is_shown_opens_for_them(world, start):
    nappy = {"member": world.sam, "child": world.ada, "kind": "nappy", "details": {"contents": "wet"}}
    log_care_event(**nappy, start=timezone.now() - dt.timedelta(hours=1), now=timezone.now())
    pat = client_for(world.pat)

    page = pat.get(start)
    assert page.status_code == 200
    for href in sorted(_links(page.content.decode())):
        if href.startswith(("/account/logout", "/admin")):
            continue
        answer = pat.get(href)
        assert answer.status_code in (200, 302), f"{start} links a helper to {href}: {answer.status_code}"


@time_machine.travel(NOW, tick=False)
def test_a_helper_sees_edit_only_on_care_they_did_or_tapped_in(world):
    hour_ago = timezone.now() - dt.timedelta(hours=1)
    theirs = log_care_event(
        member=world.pat, child=world.ada, kind="nappy", details={"contents": "wet"}, start=hour_ago, now=NOW
    ).event
    tapped_for_sam = log_care_event(
        member=world.pat, child=world.ada, kind="bath", by=world.sam, start=hour_ago, now=NOW
    ).event
    sams = log_care_event(member=world.sam, child=world.ada, kind="bath", start=hour_ago, now=NOW).event

    for page in ("/", "/history/"):
        helper = client_for(world.pat).get(page).content.decode()
        assert f"/events/{theirs.pk}/" in helper and f"/events/{tapped_for_sam.pk}/" in helper
        assert f"/events/{sams.pk}/" not in helper
        parent = client_for(world.alex).get(page).content.decode()
        assert all(f"/events/{e.pk}/" in parent for e in (theirs, tapped_for_sam, sams))
