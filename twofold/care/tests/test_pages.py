"""The care pages as a parent meets them: log through the forms, see it on Today and in History."""

import datetime as dt
import uuid
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from twofold.care.models import CareEvent
from twofold.care.services import log_care_event, start_timer
from twofold.conftest import client_for


def _local(moment: dt.datetime) -> str:
    return timezone.localtime(moment, timezone=dt.UTC).strftime("%Y-%m-%dT%H:%M")


def test_parent_logs_a_nappy_and_today_shows_it_under_their_name(world):
    sam = client_for(world.sam)
    response = sam.post(
        reverse("care:log_event", args=["nappy"]),
        {
            "child": world.ada.pk,
            "by": world.sam.pk,
            "start": timezone.localtime(timezone.now(), world.ada.household.zone).strftime("%Y-%m-%dT%H:%M"),
            "d-contents": "wet",
            "client_id": str(uuid.uuid4()),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    event = CareEvent.objects.get(kind="nappy")
    assert event.by == world.sam and event.logged_by == world.sam and event.nappy.contents == "wet"
    page = sam.get(reverse("home:today")).content.decode()
    assert "Nappy: wet" in page
    assert 'data-member="Sam"' in page


def test_form_errors_keep_what_was_typed(world):
    alex = client_for(world.alex)
    response = alex.post(
        reverse("care:log_event", args=["feed"]),
        {
            "child": world.ada.pk,
            "by": world.alex.pk,
            "start": "2020-01-01T10:00",
            "end": "2020-01-01T09:00",
            "d-method": "breast",
            "note": "left side was sore",
            "client_id": str(uuid.uuid4()),
        },
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "The end is before the start" in page
    assert "left side was sore" in page
    assert not CareEvent.objects.exists()


def test_pages_render_for_each_kind(world):
    alex = client_for(world.alex)
    for kind in [
        "feed",
        "nappy",
        "sleep",
        "settle",
        "bath",
        "skin_to_skin",
        "play",
        "pumping",
        "medicine",
        "note",
    ]:
        assert alex.get(reverse("care:log_event", args=[kind])).status_code == 200
    assert alex.get(reverse("care:quick_log")).status_code == 200
    start_timer(member=world.alex, child=world.ada, kind="sleep")
    log_care_event(member=world.alex, child=world.ada, kind="medicine", details={"name": "Vitamin D"})
    assert "Vitamin D" in alex.get(reverse("care:history")).content.decode()
    assert alex.get(reverse("households:settings")).status_code == 200


def test_timeline_escapes_what_people_typed(world):
    log_care_event(member=world.alex, child=world.ada, kind="note", note='<script>alert("x")</script> & more')
    page = client_for(world.alex).get(reverse("home:today")).content.decode()
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more" in page


def test_history_filters_by_kind_and_person_and_pages_on(world):
    for i in range(30):
        log_care_event(
            member=world.alex,
            child=world.ada,
            kind="nappy",
            by=world.sam if i % 5 == 0 else world.alex,
            start=timezone.now() - dt.timedelta(hours=i),
            details={"contents": "wet"},
        )
    log_care_event(member=world.alex, child=world.ada, kind="bath")
    client = client_for(world.alex)
    first = client.get(reverse("care:history")).content.decode()
    assert first.count('data-kind="') == 25 and "page=2" in first
    second = client.get(reverse("care:history") + "?page=2").content.decode()
    assert second.count('data-kind="') == 6 and "page=3" not in second
    sams = client.get(reverse("care:history") + f"?by={world.sam.pk}").content.decode()
    assert sams.count('data-kind="nappy"') == 6 and 'data-kind="bath"' not in sams
    assert f'<option value="{world.sam.pk}" selected>' in sams
    baths = client.get(reverse("care:history") + "?kind=bath").content.decode()
    assert baths.count('data-kind="') == 1


def test_history_explains_dates_the_wrong_way_round(world):
    page = client_for(world.alex).get(reverse("care:history") + "?date_from=2026-11-10&date_to=2026-11-01")
    assert "“To” is before “From”: swap the dates." in page.content.decode()


def test_today_finds_the_last_feed_even_days_ago(world):
    three_days = timezone.now() - dt.timedelta(days=3, hours=1)
    log_care_event(
        member=world.sam, child=world.ada, kind="feed", start=three_days, details={"method": "breast"}
    )
    log_care_event(member=world.sam, child=world.ada, kind="nappy", details={"contents": "dirty"})
    page = client_for(world.alex).get(reverse("home:today")).content.decode()
    assert "3 days ago" in page and "just now" in page


def test_history_never_filters_by_another_households_people(world):
    log_care_event(member=world.alex, child=world.ada, kind="bath")
    page = client_for(world.alex).get(reverse("care:history") + f"?by={world.robin.pk}").content.decode()
    assert "Select a valid choice" in page
    assert "Robin" not in page


def test_fluid_ounce_households_type_and_read_fluid_ounces(world):
    household = world.alex.household
    household.volume_unit = "fl_oz"
    household.locale = "en-US"
    household.save()
    client = client_for(world.alex)
    response = client.post(
        reverse("care:log_event", args=["feed"]),
        {
            "child": world.ada.pk,
            "by": world.alex.pk,
            "start": timezone.localtime(timezone.now(), household.zone).strftime("%Y-%m-%dT%H:%M"),
            "d-method": "formula",
            "d-amount_ml": "4",
            "client_id": str(uuid.uuid4()),
        },
    )
    assert response.status_code == 302
    event = CareEvent.objects.get(kind="feed")
    assert event.feed.amount_ml == Decimal("118.3")  # 4 US fl oz
    page = client.get(reverse("home:today")).content.decode()
    assert "Bottle of formula, 4.0 fl oz" in page
    assert "Amount (fl oz)" in client.get(reverse("care:log_event", args=["feed"])).content.decode()


def test_a_parent_downloads_the_whole_log_in_one_click(world):
    import io
    import json
    import zipfile

    log_care_event(member=world.sam, child=world.ada, kind="nappy", details={"contents": "both"})
    log_care_event(member=world.robin, child=world.bo, kind="bath")
    response = client_for(world.alex).get(reverse("home:export"))
    assert response.status_code == 200 and response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    names = archive.namelist()
    assert any(n.endswith(".json") for n in names) and any(n.endswith(".csv") for n in names)
    document = json.loads(archive.read(next(n for n in names if n.endswith(".json"))))
    kinds = [e["kind"] for e in document["events"]]
    assert kinds == ["nappy"]  # Robin's bath is another household's


def test_an_impossible_amount_gets_one_message(world):
    start = timezone.localtime(timezone.now(), world.ada.household.zone).strftime("%Y-%m-%dT%H:%M")
    response = client_for(world.alex).post(
        reverse("care:log_event", args=["feed"]),
        {
            "child": world.ada.pk,
            "by": world.alex.pk,
            "start": start,
            "d-method": "formula",
            "d-amount_ml": "99999",
            "client_id": str(uuid.uuid4()),
        },
    )
    assert response.status_code == 400
    assert response.content.decode().count('class="error" role="alert"') == 1
    assert not CareEvent.objects.exists()
