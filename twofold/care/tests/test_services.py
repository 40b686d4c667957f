import datetime as dt
import uuid
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from twofold.care.models import CareEvent
from twofold.care.services import log_care_event, start_timer
from twofold.conftest import client_for
from twofold.households.services import remove_member


def test_retry_does_not_duplicate(world):
    cid = uuid.uuid4()
    first = log_care_event(
        member=world.alex, child=world.ada, kind="nappy", details={"contents": "wet"}, client_id=cid
    )
    again = log_care_event(
        member=world.alex, child=world.ada, kind="nappy", details={"contents": "wet"}, client_id=cid
    )
    assert first.created and not again.created
    assert again.event.pk == first.event.pk
    assert CareEvent.objects.filter(client_id=cid).count() == 1


def test_second_running_sleep_is_refused(world):
    start_timer(member=world.alex, child=world.ada, kind="sleep")
    with pytest.raises(ValidationError) as err:
        start_timer(member=world.sam, child=world.ada, kind="sleep")
    assert "already running" in str(err.value)


def test_timer_stops_with_an_end_and_details(world):
    import datetime as dt

    from django.utils import timezone

    from twofold.care.services import stop_timer

    started = timezone.now() - dt.timedelta(minutes=25)
    event = start_timer(member=world.sam, child=world.ada, kind="feed", start=started).event
    assert event.running and event.feed.method == "breast"  # Ada is mixed-fed: a breastfeed by default
    stop_timer(member=world.sam, event=event, details={"method": "expressed", "side": "", "amount_ml": 90})
    event.refresh_from_db()
    assert not event.running and event.minutes == 25
    assert event.feed.method == "expressed" and event.feed.amount_ml == 90


def test_breastfeed_with_an_amount_is_refused(world):
    with pytest.raises(ValidationError) as err:
        log_care_event(
            member=world.alex, child=world.ada, kind="feed", details={"method": "breast", "amount_ml": 80}
        )
    assert "amount_ml" in err.value.message_dict
    assert not CareEvent.objects.exists()


def test_logging_for_another_household_child_is_refused(world):
    with pytest.raises(ValidationError) as err:
        log_care_event(member=world.alex, child=world.bo, kind="bath")
    assert "child" in err.value.message_dict


def test_by_must_be_a_member_of_the_household(world):
    with pytest.raises(ValidationError) as err:
        log_care_event(member=world.alex, child=world.ada, kind="bath", by=world.robin)
    assert "by" in err.value.message_dict


def test_another_member_can_be_credited(world):
    event = log_care_event(member=world.alex, child=world.ada, kind="bath", by=world.sam).event
    assert event.by == world.sam and event.logged_by == world.alex


def test_delete_then_restore_brings_the_event_back_whole(world):
    from twofold.care.selectors import events_for_member
    from twofold.care.services import delete_care_event, restore_care_event

    event = log_care_event(
        member=world.alex, child=world.ada, kind="settle", details={"tried": ["rocking", "sling"]}
    ).event
    delete_care_event(member=world.alex, event=event)
    assert not events_for_member(member=world.alex).exists()
    restore_care_event(member=world.alex, event=event)
    again = events_for_member(member=world.alex).get()
    assert again.settle.tried == ["rocking", "sling"]


def test_helpers_change_only_their_own_care(world):
    from django.core.exceptions import PermissionDenied

    from twofold.care.services import delete_care_event, update_care_event

    parents = log_care_event(member=world.alex, child=world.ada, kind="bath").event
    with pytest.raises(PermissionDenied):
        delete_care_event(member=world.pat, event=parents)
    own = log_care_event(member=world.pat, child=world.ada, kind="bath").event
    update_care_event(member=world.pat, event=own, fields={"note": "loved the water"})
    own.refresh_from_db()
    assert own.note == "loved the water"


def test_unknown_settling_technique_is_named(world):
    with pytest.raises(ValidationError) as err:
        log_care_event(member=world.alex, child=world.ada, kind="settle", details={"tried": ["shaking"]})
    assert "shaking" in str(err.value)


def test_restoring_a_sleep_timer_while_another_runs_is_refused(world):
    from twofold.care.services import delete_care_event, restore_care_event

    first = start_timer(member=world.alex, child=world.ada, kind="sleep").event
    delete_care_event(member=world.alex, event=first)
    start_timer(member=world.alex, child=world.ada, kind="sleep")
    with pytest.raises(ValidationError, match="already running"):
        restore_care_event(member=world.alex, event=first)


def test_care_by_a_removed_helper_stays_in_the_log_under_their_name(world):
    log_care_event(member=world.pat, child=world.ada, kind="bath")
    remove_member(by=world.alex, member=world.pat)
    assert CareEvent.objects.get(kind="bath").by == world.pat


def test_a_second_running_feed_or_crying_timer_is_refused_like_a_sleep(world):
    for kind in ("feed", "settle"):
        start_timer(member=world.alex, child=world.ada, kind=kind)
        with pytest.raises(ValidationError, match="already running"):
            start_timer(member=world.sam, child=world.ada, kind=kind)
        assert CareEvent.objects.filter(kind=kind, running=True).count() == 1


def test_moving_a_running_timer_to_a_child_whose_same_timer_runs_is_refused(world):
    import datetime as dt

    from twofold.care.services import update_care_event
    from twofold.households.services import add_child

    twin = add_child(member=world.alex, name="Ben", birth_date=dt.date(2026, 10, 1), feeding_method="mixed")
    start_timer(member=world.alex, child=twin, kind="feed")
    feed = start_timer(member=world.alex, child=world.ada, kind="feed").event
    with pytest.raises(ValidationError, match="already running for Ben"):
        update_care_event(member=world.alex, event=feed, fields={"child": twin})


def test_a_second_stop_changes_nothing(world):
    import datetime as dt

    from django.utils import timezone

    from twofold.care.services import stop_timer

    event = start_timer(
        member=world.alex, child=world.ada, kind="sleep", start=timezone.now() - dt.timedelta(hours=1)
    ).event
    first = stop_timer(member=world.alex, event=event)
    again = stop_timer(member=world.sam, event=event, end=timezone.now(), details={"place": "cot"})
    assert (first.stopped, again.stopped) == (True, False)
    event.refresh_from_db()
    assert event.end == first.event.end == again.event.end and event.sleep.place == ""


def test_care_before_the_child_was_born_is_refused_on_the_page(world):
    # Ada was born on 1 October 2026 (London); 30 September 23:30 is the day before.
    before = "2026-09-30T23:30"
    page = client_for(world.alex).post(
        "/log/nappy/",
        {
            "child": world.ada.pk,
            "by": world.alex.pk,
            "start": before,
            "d-contents": "wet",
            "client_id": uuid.uuid4(),
        },
    )
    assert page.status_code == 400
    assert "That is before Ada was born (1 October 2026)" in page.content.decode()
    assert not CareEvent.objects.filter(kind="nappy").exists()


def test_the_birth_day_itself_and_pumping_before_it_are_accepted(world):
    now = dt.datetime(2026, 10, 2, 12, tzinfo=dt.UTC)
    first_hour = dt.datetime(2026, 10, 1, 0, 5, tzinfo=ZoneInfo("Europe/London"))
    log_care_event(member=world.alex, child=world.ada, kind="bath", start=first_hour, now=now)
    colostrum = first_hour - dt.timedelta(days=7)
    log_care_event(
        member=world.alex, child=world.ada, kind="pumping", start=colostrum, now=now, details={"amount_ml": 5}
    )
    with pytest.raises(ValidationError) as refused:
        log_care_event(
            member=world.alex,
            child=world.ada,
            kind="bath",
            start=first_hour - dt.timedelta(minutes=10),
            now=now,
        )
    assert "before Ada was born" in refused.value.message_dict["start"][0]
