"""What the round-trip tests run in a `twofold shell`: screenings to back up, and every page to compare."""

from __future__ import annotations

import json
from pathlib import Path

# The demo has no screenings: each parent takes two, and Alex shares one with Sam, so private, shared and
# unshared sealed results all make the trip.
TAKE_SCREENINGS = """
from twofold.households.demo import DEMO_PEOPLE
from twofold.households.models import Member
from twofold.wellbeing import services

for person in DEMO_PEOPLE[:2]:
    member = Member.objects.get(user__username=person.email)
    for position, instrument in enumerate(("phq9", "gad7")):
        screening = services.start_screening(member=member, instrument=instrument)
        for item in services.offered_instruments()[instrument].items:
            services.record_answer(
                member=member, screening=screening, item=item.number, position=position + 1
            )
        services.finish_screening(member=member, screening=screening)
        if person is DEMO_PEOPLE[0] and instrument == "phq9":
            services.share_screening(member=member, screening=screening, shared=True)
"""

# Every page each member can open, read at one frozen instant (AT) so "today" and "this week" are the same
# on both sides, written as JSON to OUT. What is new on every request is blanked: CSRF tokens, nonces and
# the fresh client_id each logging form carries (it makes a retried tap count once).
READ_EVERY_PAGE = r"""
import datetime as dt, io, json, os, re, zipfile
import time_machine
from django.test import Client
from twofold.households.models import Child, Member
from twofold.nights.models import CalendarLink, NightPlan
from twofold.wellbeing.models import Screening
from twofold.sealing import unseal

PER_REQUEST = re.compile(
    r'("X-CSRFToken": "|csrfmiddlewaretoken" value="|name="client_id" value="|nonce=")[^"]*'
)
PAGES = [
    "/", "/log/", "/history/", "/us/", "/us/summary/", "/wellbeing/", "/checkin/", "/checkin/history/",
    "/nights/", "/nights/morning/", "/nights/preferences/", "/nights/calendar/",
    "/bonding/", "/bonding/trend/", "/bonding/crying/", "/bonding/red-flags/", "/bonding/coping/",
    "/household/", "/household/export/", "/account/",
    "/api/v1/children/", "/api/v1/members/", "/api/v1/events/?page_size=1000", "/api/v1/insights/",
    "/api/v1/wellbeing/screenings/", "/api/v1/checkins/", "/api/v1/checkins/agreements/",
    "/api/v1/nights/plans/", "/api/v1/nights/preferences/", "/api/v1/bonding/plans/",
    "/api/v1/bonding/guidance/",
]


def body(response):
    if response.get("Content-Type", "").startswith("application/zip"):
        archive = zipfile.ZipFile(io.BytesIO(response.content))
        return {name: archive.read(name).decode() for name in sorted(archive.namelist())}
    return PER_REQUEST.sub(r"\1", response.content.decode())


found = {"pages": {}}
with time_machine.travel(dt.datetime.fromisoformat(os.environ["AT"]), tick=False):
    screenings = list(Screening.objects.order_by("pk"))
    plans = list(NightPlan.objects.order_by("pk").values_list("pk", flat=True))
    urls = PAGES + [f"/wellbeing/screenings/{s.pk}/result/" for s in screenings]
    for child in Child.objects.order_by("pk"):
        urls += [f"/api/v1/bonding/{reading}/?child={child.pk}" for reading in ("trend", "crying")]
    urls += [f"/nights/plans/{pk}/" for pk in plans] + [f"/nights/plans/{pk}/against-log/" for pk in plans]
    for member in Member.objects.select_related("user").order_by("pk"):
        client = Client()
        client.force_login(member.user)
        for url in urls:
            response = client.get(url)
            found["pages"][f"{member.user.username} {url}"] = [response.status_code, body(response)]
    for link in CalendarLink.objects.order_by("pk"):
        response = Client().get(f"/nights/calendar/{link.token}.ics")
        found["pages"][f"feed {link.pk}"] = [response.status_code, body(response)]
    found["sealed"] = [
        [s.pk, s.member_id, s.shared, unseal(s.sealed_answers), unseal(s.sealed_result)] for s in screenings
    ]
with open(os.environ["OUT"], "w") as out:
    json.dump(found, out)
"""


def read_every_page(run_twofold, out: Path, *, at: str, environ: dict[str, str]) -> dict:
    done = run_twofold("shell", "-c", READ_EVERY_PAGE, environ={**environ, "AT": at, "OUT": str(out)})
    assert done.returncode == 0, done.stderr
    return json.loads(out.read_text())
