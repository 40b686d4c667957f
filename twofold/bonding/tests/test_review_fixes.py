"""The demo walk-through's findings, each pinned: crying help for every member, Rome IV's age wording, the
trend's voice and rounding, whole-minute norm bands, the timeline's response line and one-tap response, and
the crying timer on a phone."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path
from unittest import mock

import pytest

from twofold.bonding.norms import crying_norm_for_days
from twofold.bonding.plan import BY_KEY, care_shape
from twofold.bonding.services import do_activity, start_plan
from twofold.bonding.tests.helpers import at, cry
from twofold.bonding.trend import Voice, WeekPoint, reading_for
from twofold.care.models import CareEvent, PlayActivity
from twofold.care.services import log_care_event
from twofold.conftest import client_for

pytestmark = pytest.mark.django_db


def _nav(page: str) -> str:
    return page[page.index('<nav aria-label="Main">') : page.index("</nav>")]


def _current(page: str) -> list[str]:
    return re.findall(r'aria-current="page">([^<]+)</a>', _nav(page))


# ---- 1. Crying help and the nights calendar for every member ----


@pytest.mark.parametrize("who", ["alex", "pat"])
def test_every_member_has_crying_help_in_the_nav_reaching_the_card_and_the_red_flags(world, who):
    client = client_for(getattr(world, who))
    today = client.get("/").content.decode()
    assert '<a href="/bonding/coping/"' in _nav(today)
    coping = client.get("/bonding/coping/").content.decode()
    assert _current(coping) == ["Crying help"]
    assert 'href="/bonding/red-flags/"' in coping
    red_flags = client.get("/bonding/red-flags/").content.decode()
    assert _current(red_flags) == ["Crying help"]
    assert 'href="/bonding/coping/"' in red_flags


def test_the_bonding_link_alone_is_current_on_the_bonding_pages(world):
    page = client_for(world.alex).get("/bonding/crying/").content.decode()
    assert _current(page) == ["Bonding"]


@pytest.mark.parametrize("who", ["alex", "pat"])
def test_every_member_finds_the_nights_calendar_from_the_household_page(world, who):
    client = client_for(getattr(world, who))
    page = client.get("/household/").content.decode()
    assert 'href="/nights/calendar/"' in page
    assert client.get("/nights/calendar/").status_code == 200


# ---- 2 and 4. The crying page: Rome IV's age, whole-minute bands ----


def test_a_nine_week_old_still_crying_is_not_said_to_have_stopped(world):
    # Ada was born on 1 October 2026: on 5 December she is 9 weeks old (in week 10 of life).
    cry(world.alex, world.ada, at(world.ada, dt.date(2026, 12, 4), 18), 90)
    now = at(world.ada, dt.date(2026, 12, 5), 12)
    with mock.patch("twofold.bonding.views.timezone.now", return_value=now):
        page = client_for(world.alex).get("/bonding/crying/").content.decode()
    assert "started and stopped" not in page
    assert "The crying started before 5 months (your baby is 9 weeks old)" in page
    assert "cannot be known yet" in page


def test_norm_bands_are_whole_minutes_and_an_estimate_says_so(world):
    band = crying_norm_for_days(7 * 7 + 3).band  # week 8: a straight-line estimate
    assert band is not None and band.mean_low != int(band.mean_low)  # the figure itself is not whole
    assert re.fullmatch(r"\d+–\d+ min", band.text)
    cry(world.alex, world.ada, at(world.ada, dt.date(2026, 11, 21), 18), 60)
    now = at(world.ada, dt.date(2026, 11, 22), 12)  # day 52: week 8
    with mock.patch("twofold.bonding.views.timezone.now", return_value=now):
        page = client_for(world.alex).get("/bonding/crying/").content.decode()
    assert f"{band.text} (estimate)" in page
    assert not re.search(r"\d+\.\d+–\d+(\.\d+)? min", page)


# ---- 3. The trend: each reading in its own voice, one rounding ----


def _week(monday: dt.date, share: tuple[int, int], median: float) -> WeekPoint:
    return WeekPoint(monday, share[1], share[1], share[0], median)


def test_another_caregivers_reading_is_by_name_and_never_says_you():
    weeks = (_week(dt.date(2026, 11, 2), (1, 4), 30.0), _week(dt.date(2026, 11, 9), (3, 4), 20.0))
    theirs = reading_for(weeks, Voice("Alex"))
    text = " ".join(p.text for p in theirs.paragraphs)
    assert "in Alex's earlier weeks" in text
    assert not re.search(r"\byou(r)?\b", text, re.IGNORECASE)
    mine = reading_for(weeks)
    assert "in your earlier weeks" in mine.paragraphs[0].text


def test_the_trend_page_speaks_to_the_viewer_and_about_the_others(world):
    monday = dt.date(2026, 11, 2)
    for member in (world.alex, world.sam):
        for week, responses in enumerate(("xxxc", "xxcc")):
            for i, r in enumerate(responses):
                start = at(world.ada, monday + dt.timedelta(weeks=week, days=i), 19)
                log_care_event(
                    member=member,
                    child=world.ada,
                    kind="skin_to_skin",
                    start=start,
                    end=start + dt.timedelta(minutes=15),
                    response={"x": "crying", "c": "settled"}[r],
                    settled_after_minutes=24 + i % 2 if r == "c" else None,  # medians of 24.5
                    now=start + dt.timedelta(minutes=16),
                )
    now = at(world.ada, dt.date(2026, 11, 13), 12)
    with mock.patch("twofold.bonding.views.timezone.now", return_value=now):
        page = html.unescape(client_for(world.sam).get("/bonding/trend/").content.decode())
    alex = page[page.index(f'data-member="{world.alex.pk}"') :]
    alex = alex[: alex.index("</section>")]
    assert "in Alex's earlier weeks" in alex
    assert not re.search(r"\byou(r)?\b", alex.split("</h2>", 1)[1].replace("Alex or you", ""))
    assert "in your earlier weeks" in page
    # The reading and the table round the same 24.5 minutes the same way.
    assert "Median time to settle: 25 minutes" in page
    assert '<td data-label="Median time to settle">25 min</td>' in page and "24 min" not in page


# ---- 5. The timeline: the response with its minutes, and the activity by its name ----


def test_a_plan_activity_reads_the_same_on_the_timeline_as_in_the_plan(world):
    activity = BY_KEY["talking_reading"]
    logged_as = str(care_shape("talking_reading").detail_dict()["activity"])
    assert activity.title == PlayActivity(logged_as).label


def test_today_shows_settled_after_the_minutes(world):
    plan = start_plan(member=world.alex, child=world.ada)
    do_activity(
        member=world.alex, plan=plan, activity="talking_reading", response="settled", settled_after_minutes=8
    )
    page = client_for(world.alex).get("/").content.decode()
    assert "Talking and singing" in page
    assert "· settled after 8 min" in page


# ---- 6. One tap on Today's timeline ----


def test_todays_timeline_offers_a_one_tap_response_where_it_is_open(world):
    now = dt.datetime.now(tz=dt.UTC)
    open_bath = log_care_event(member=world.alex, child=world.ada, kind="bath", start=now).event
    answered = log_care_event(
        member=world.alex,
        child=world.ada,
        kind="play",
        start=now,
        details={"activity": "walk"},
        response="calm",
    ).event
    nappy = log_care_event(
        member=world.alex, child=world.ada, kind="nappy", start=now, details={"contents": "wet"}
    ).event
    client = client_for(world.alex)
    page = client.get("/").content.decode()
    assert f'action="/bonding/events/{open_bath.pk}/response/"' in page
    assert f"/bonding/events/{answered.pk}/response/" not in page
    assert f"/bonding/events/{nappy.pk}/response/" not in page
    assert "History" in page
    history = client.get("/history/").content.decode()
    assert "/response/" not in history  # one tap on Today only
    response = client.post(
        f"/bonding/events/{open_bath.pk}/response/", {"response": "fussy", "next": "/"}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/"
    assert CareEvent.objects.get(pk=open_bath.pk).response == "fussy"
    assert f"/bonding/events/{open_bath.pk}/response/" not in response.content.decode()
    assert "· fussy" in response.content.decode()


def test_a_helper_gets_one_tap_on_their_own_events_only(world):
    now = dt.datetime.now(tz=dt.UTC)
    theirs = log_care_event(member=world.pat, child=world.ada, kind="bath", start=now).event
    alexs = log_care_event(member=world.alex, child=world.ada, kind="bath", start=now).event
    page = client_for(world.pat).get("/").content.decode()
    assert f"/bonding/events/{theirs.pk}/response/" in page
    assert f"/bonding/events/{alexs.pk}/response/" not in page


# ---- 7. The crying timer on a phone ----


def test_a_running_crying_timer_stacks_its_buttons_on_a_narrow_screen():
    css = (Path(__file__).parents[2] / "static/twofold/bonding.css").read_text()
    narrow = css[css.index("@media (max-width: 600px)") :]
    assert '.timer[data-timer="settle"] { flex-direction: column;' in narrow


def test_a_toddlers_crying_page_says_her_age_in_years_and_months_not_weeks_of_life(world):
    world.ada.birth_date = dt.date(2023, 10, 1)
    world.ada.save()
    now = at(world.ada, dt.date(2026, 12, 5), 12)
    with mock.patch("twofold.bonding.views.timezone.now", return_value=now):
        page = client_for(world.alex).get("/bonding/crying/").content.decode()
    assert "Ada is 3 years and 2 months old." in page
    assert "of life)" not in page


def test_a_baby_under_a_year_keeps_her_week_of_life_beside_her_age(world):
    now = at(world.ada, dt.date(2026, 10, 22), 12)  # 21 days old
    with mock.patch("twofold.bonding.views.timezone.now", return_value=now):
        page = client_for(world.alex).get("/bonding/crying/").content.decode()
    assert "Ada is 3 weeks old (week 4 of life)." in page
