"""A parent who joins later sees the results shared before they joined only once the sharer says so."""

from __future__ import annotations

import datetime as dt
import re

import pytest
import time_machine
from django.urls import reverse

from twofold.audit.models import Action, AuditEntry
from twofold.conftest import client_for, join, make_user, page_text
from twofold.households.models import Member, Role
from twofold.households.services import accept_invitation, create_household, invite, leave_household
from twofold.wellbeing import services


def words(response) -> str:
    """The page's text with its line breaks and indentation folded into single spaces."""
    return re.sub(r"\s+", " ", page_text(response))


def at(day: int, hour: int = 10) -> dt.datetime:
    return dt.datetime(2026, 12, day, hour, tzinfo=dt.UTC)


def take_and_share(member: Member, instrument: str = "phq2"):
    screening = services.start_screening(member=member, instrument=instrument)
    for item in services.offered_instruments()[instrument].items:
        services.record_answer(member=member, screening=screening, item=item.number, position=1)
    finished = services.finish_screening(member=member, screening=screening).screening
    return services.share_screening(member=member, screening=finished, shared=True)


@pytest.fixture
def earlier(db):
    """Alex shares two results on 1 December; Sam joins on 3 December."""
    with time_machine.travel(at(1, 9), tick=False):
        alex = create_household(user=make_user("ali@example.net"), name="Alex and Sam", display_name="Alex")
    with time_machine.travel(at(1), tick=False):
        first = take_and_share(alex)
        second = take_and_share(alex, "gad2")
    with time_machine.travel(at(3), tick=False):
        sam = join(alex, "sami@example.net", "Sam", Role.PARENT)
    return alex, sam, [first, second]


def sees(member: Member, screening) -> bool:
    """Whether the member reads the result, on its page, on Wellbeing and over the API, all agreeing."""
    client = client_for(member)
    page = client.get(reverse("wellbeing:result", args=[screening.pk])).status_code
    listed = f'href="{reverse("wellbeing:result", args=[screening.pk])}"' in page_text(
        client.get(reverse("wellbeing:home"))
    )
    api_ids = [row["id"] for row in client.get("/api/v1/wellbeing/screenings/").json()["results"]]
    api = client.get(f"/api/v1/wellbeing/screenings/{screening.pk}/").status_code
    assert (page == 200) == listed == (screening.pk in api_ids) == (api == 200), (page, listed, api_ids, api)
    return page == 200


def test_results_shared_before_joining_are_hidden_until_the_sharer_shows_them(earlier):
    alex, sam, shared = earlier
    assert not any(sees(sam, s) for s in shared)

    page = words(client_for(alex).get(reverse("wellbeing:home")))
    assert (
        "Sam joined on 3 Dec. Your 2 results shared before then are hidden from Sam until you say so." in page
    )
    assert "Show them to Sam" in page and "Keep them hidden" in page
    result = words(client_for(alex).get(reverse("wellbeing:result", args=[shared[0].pk])))
    assert "It is hidden from Sam, who joined after you shared it" in result

    response = client_for(alex).post(reverse("wellbeing:earlier_results", args=[sam.pk]), {"show": "1"})
    assert response.status_code == 302
    assert all(sees(sam, s) for s in shared)
    page = words(client_for(alex).get(reverse("wellbeing:home")))
    assert "You showed Sam the 2 results you shared before then." in page
    result = words(client_for(alex).get(reverse("wellbeing:result", args=[shared[0].pk])))
    assert "Sam can see this result." in result

    entry = AuditEntry.objects.get(action=Action.SHARING_ON, detail__contains="before Sam joined")
    assert set(entry.concerns.all()) == {alex.user, sam.user}


def test_keeping_them_hidden_stays_hidden_and_new_shares_follow_the_usual_rules(earlier):
    alex, sam, shared = earlier
    client_for(alex).post(reverse("wellbeing:earlier_results", args=[sam.pk]), {"show": "0"})
    assert not any(sees(sam, s) for s in shared)
    page = words(client_for(alex).get(reverse("wellbeing:home")))
    assert "Your 2 results shared before then stay hidden from Sam, as you chose." in page
    assert not AuditEntry.objects.filter(detail__contains="before Sam joined").exists()

    with time_machine.travel(at(4), tick=False):
        later = take_and_share(alex)
    assert sees(sam, later)
    assert not any(sees(sam, s) for s in shared)


def test_showing_can_be_taken_back(earlier):
    alex, sam, shared = earlier
    client = client_for(alex)
    client.post(reverse("wellbeing:earlier_results", args=[sam.pk]), {"show": "1"})
    client.post(reverse("wellbeing:earlier_results", args=[sam.pk]), {"show": "0"})
    assert not any(sees(sam, s) for s in shared)
    assert AuditEntry.objects.filter(action=Action.SHARING_OFF, detail__contains="before Sam joined").exists()


def test_a_third_parent_joining_later_is_asked_about_again(earlier):
    alex, sam, shared = earlier
    client_for(alex).post(reverse("wellbeing:earlier_results", args=[sam.pk]), {"show": "1"})
    with time_machine.travel(at(5), tick=False):
        casey = join(alex, "casey@example.net", "Casey", Role.PARENT)
    assert all(sees(sam, s) for s in shared)
    assert not any(sees(casey, s) for s in shared)
    page = words(client_for(alex).get(reverse("wellbeing:home")))
    assert "Casey joined on 5 Dec. Your 2 results shared before then are hidden from Casey" in page
    client_for(alex).post(reverse("wellbeing:earlier_results", args=[casey.pk]), {"show": "1"})
    assert all(sees(casey, s) for s in shared)


def test_a_parent_who_leaves_and_joins_again_is_asked_about_afresh(earlier):
    alex, sam, shared = earlier
    client_for(alex).post(reverse("wellbeing:earlier_results", args=[sam.pk]), {"show": "1"})
    leave_household(member=sam)
    with time_machine.travel(at(6), tick=False):
        token = invite(member=alex, role=Role.PARENT).token
        sam = accept_invitation(user=sam.user, token=token, display_name="Sam")
    assert not any(sees(sam, s) for s in shared)


def test_only_the_sharer_answers_and_only_about_another_current_parent(earlier, world):
    alex, sam, _ = earlier
    # Sam has nothing shared before anyone joined: no question, and asking about Alex changes nothing.
    assert "Results you shared before someone joined" not in page_text(
        client_for(sam).get(reverse("wellbeing:home"))
    )
    # A member of another household is not found; a helper is not a parent to show results to.
    response = client_for(alex).post(reverse("wellbeing:earlier_results", args=[world.sam.pk]), {"show": "1"})
    assert response.status_code == 404
    with time_machine.travel(at(7), tick=False):
        pat = join(alex, "pati@example.net", "Pat", Role.HELPER)
    client = client_for(alex)
    response = client.post(reverse("wellbeing:earlier_results", args=[pat.pk]), {"show": "1"}, follow=True)
    assert "Choose another parent in your household." in words(response)
    assert (
        client_for(pat).post(reverse("wellbeing:earlier_results", args=[alex.pk]), {"show": "1"}).status_code
        == 404
    )


def test_switching_sharing_is_kept_for_the_sharer_and_the_other_parents(world):
    screening = services.start_screening(member=world.alex, instrument="phq2")
    for item in services.offered_instruments()["phq2"].items:
        services.record_answer(member=world.alex, screening=screening, item=item.number, position=0)
    services.finish_screening(member=world.alex, screening=screening)
    client = client_for(world.alex)
    client.post(reverse("wellbeing:share", args=[screening.pk]), {"shared": "1"})
    client.post(reverse("wellbeing:share", args=[screening.pk]), {"shared": "1"})  # no change, no entry
    client.post(reverse("wellbeing:share", args=[screening.pk]), {"shared": "0"})
    client.post(reverse("wellbeing:share_future"), {"share_future": "1"})
    client.post(reverse("wellbeing:share_future"), {"share_future": "0"})
    entries = list(AuditEntry.objects.order_by("at", "id"))
    assert [(e.action, e.detail) for e in entries] == [
        (Action.SHARING_ON, "Shared a PHQ-2 result"),
        (Action.SHARING_OFF, "Stopped sharing a PHQ-2 result"),
        (Action.SHARING_ON, "Shares future results"),
        (Action.SHARING_OFF, "Stopped sharing future results"),
    ]
    for entry in entries:
        # The helper and the other household are not concerned.
        assert set(entry.concerns.all()) == {world.alex.user, world.sam.user}
