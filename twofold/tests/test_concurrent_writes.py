"""People writing at the same moment, over real HTTP against the live server: nobody's answer is lost.

On SQLite this holds because every write transaction begins IMMEDIATE and waits its turn (settings.py); on
PostgreSQL because the services lock the rows they decide on. Each race is run a few times, since one
lucky ordering proves little; each trial is a handful of requests, so the file takes a few seconds.
"""

from __future__ import annotations

import uuid
from functools import partial

import pytest
import time_machine
from django.urls import reverse

from twofold.care.models import CareEvent
from twofold.checkins.models import Checkin
from twofold.checkins.tests.helpers import ALEX_ANSWERS, NOW, SAM_ANSWERS
from twofold.conftest import make_user
from twofold.households.models import Member
from twofold.households.services import INVITATION_USED, invite
from twofold.tests.live import at_once, browser_of

TRIALS = 4
OUTBOX = {"X-Twofold-Outbox": "1"}

pytestmark = pytest.mark.django_db(transaction=True)


@time_machine.travel(NOW, tick=False)
def test_two_parents_answering_the_check_in_at_once_both_keep_their_answers_and_see_the_reveal(
    world, live_server
):
    alex, sam = browser_of(live_server.url, world.alex), browser_of(live_server.url, world.sam)
    for trial in range(TRIALS):
        Checkin.objects.all().delete()
        answers = at_once(
            [
                partial(alex.post, "/checkin/answer/", ALEX_ANSWERS | {"needed": f"alex-{trial}"}),
                partial(sam.post, "/checkin/answer/", SAM_ANSWERS | {"needed": f"sam-{trial}"}),
            ]
        )

        assert [a.status for a in answers] == [302, 302], f"trial {trial}: {answers}"
        stored = {c.member_id: c for c in Checkin.objects.all()}
        assert (stored[world.alex.pk].answers.needed, stored[world.sam.pk].answers.needed) == (
            f"alex-{trial}",
            f"sam-{trial}",
        )
        # Revealed once, by whichever answer came second, for both.
        revealed = {c.revealed_at for c in stored.values()}
        assert len(revealed) == 1 and None not in revealed, f"trial {trial}: {revealed}"


def test_several_people_accepting_one_invitation_at_once_let_exactly_one_in(world, live_server):
    for trial in range(TRIALS):
        token = invite(member=world.alex, role="helper").token
        people = [make_user(f"friend{trial}-{n}@example.com") for n in range(5)]
        join = reverse("households:join", args=[token])
        browsers = [browser_of(live_server.url, person) for person in people]

        answers = at_once(
            [partial(b.post, join, {"me-display_name": f"F{n}"}) for n, b in enumerate(browsers)]
        )

        statuses = sorted(a.status for a in answers)
        assert statuses == [302, 400, 400, 400, 400], f"trial {trial}: {statuses}"
        refused = [a for a in answers if a.status == 400]
        assert all(INVITATION_USED in a.body for a in refused)
        joined = Member.objects.filter(household=world.alex.household, user__in=people)
        assert joined.count() == 1


def test_many_quick_logs_at_once_are_all_kept(world, live_server):
    phones = [browser_of(live_server.url, m) for m in (world.alex, world.sam, world.pat)]
    url = reverse("care:log_event", args=["nappy"])
    sent = [uuid.uuid4() for _ in range(24)]

    def log(n: int, client_id: uuid.UUID):
        form = {"child": world.ada.pk, "by": world.alex.pk, "d-contents": "wet", "client_id": client_id}
        return lambda: phones[n % len(phones)].post(url, form, headers=OUTBOX)

    # Eight at a time: the test server's listen queue holds ten connections, and a ninth phone in one
    # household is already a crowd.
    answers = []
    for first in range(0, len(sent), 8):
        answers += at_once([log(n, sent[n]) for n in range(first, first + 8)])

    assert sorted({a.status for a in answers}) == [201], [a for a in answers if a.status != 201]
    logged = set(CareEvent.objects.filter(kind="nappy").values_list("client_id", flat=True))
    assert logged == set(sent)
