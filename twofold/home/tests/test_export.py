"""Exporting a household's log: what goes in, what never does, and the command around it."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import zipfile
from dataclasses import dataclass

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from twofold.care.export import CSV_COLUMNS, events_csv, export_filename
from twofold.care.models import CareEvent
from twofold.care.services import delete_care_event, log_care_event, start_timer
from twofold.home.export import export_document, export_zip

# British Summer Time: 12:00 UTC is 13:00 in London.
SUMMER = dt.datetime(2026, 10, 20, 12, 0, tzinfo=dt.UTC)
# Greenwich Mean Time: 03:00 UTC is 03:00 in London.
WINTER = dt.datetime(2026, 11, 10, 3, 0, tzinfo=dt.UTC)


@dataclass
class Log:
    bottle: CareEvent
    breastfeed: CareEvent
    nappy: CareEvent
    settle: CareEvent
    medicine: CareEvent
    note: CareEvent
    deleted: CareEvent
    running: CareEvent
    elsewhere: CareEvent


@pytest.fixture
def log(world) -> Log:
    def care(member, kind, start, minutes=None, **fields):
        end = None if minutes is None else start + dt.timedelta(minutes=minutes)
        child = world.bo if member == world.robin else world.ada
        return log_care_event(member=member, child=child, kind=kind, start=start, end=end, **fields).event

    bottle = care(
        world.alex,
        "feed",
        SUMMER,
        20,
        by=world.sam,
        details={"method": "formula", "amount_ml": 120},
        response="calm",
    )
    breastfeed = care(world.alex, "feed", WINTER, 25, details={"method": "breast", "side": "left"})
    nappy = care(world.pat, "nappy", WINTER + dt.timedelta(minutes=30), details={"contents": "both"})
    settle = care(
        world.alex,
        "settle",
        WINTER + dt.timedelta(hours=1),
        25,
        details={"tried": ["rocking", "white_noise"], "outcome": "settled"},
        response="settled",
        settled_after_minutes=25,
    )
    medicine = care(
        world.alex,
        "medicine",
        WINTER + dt.timedelta(hours=2),
        details={"name": "Vitamin D", "dose": "1 drop"},
    )
    note = care(world.sam, "note", WINTER + dt.timedelta(hours=3), note='=HYPERLINK("http://x.example")')
    deleted = care(world.sam, "sleep", WINTER + dt.timedelta(hours=4), 60, details={"place": "cot"})
    delete_care_event(member=world.sam, event=deleted)
    running = start_timer(member=world.alex, child=world.ada, kind="sleep").event
    elsewhere = care(world.robin, "nappy", WINTER, details={"contents": "wet"})
    return Log(bottle, breastfeed, nappy, settle, medicine, note, deleted, running, elsewhere)


def by_id(document: dict) -> dict[int, dict]:
    return {event["id"]: event for event in document["events"]}


def csv_rows(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


# ---- The JSON document ----


def test_json_export_holds_the_household_its_people_and_children(world, log):
    document = export_document(world.alex.household)
    household = document["household"]
    assert (household["id"], household["name"], household["time_zone"]) == (
        world.alex.household_id,
        "Alex and Sam",
        "Europe/London",
    )
    assert (household["night_start"], household["night_end"]) == ("22:00", "07:00")
    assert [(m["display_name"], m["role"]) for m in document["members"]] == [
        ("Alex", "parent"),
        ("Sam", "parent"),
        ("Pat", "helper"),
    ]
    assert document["children"] == [
        {
            "id": world.ada.pk,
            "name": "Ada",
            "birth_date": "2026-10-01",
            "feeding_method": "mixed",
            "sex": "",
            "gestation_weeks": None,
            "gestation_days": None,
        }
    ]
    json.dumps(document)  # plain values only


def test_json_export_holds_each_event_with_who_did_it_and_its_details(world, log):
    events = by_id(export_document(world.alex.household))
    bottle = events[log.bottle.pk]
    assert bottle["kind"] == "feed"
    assert bottle["by"] == {"id": world.sam.pk, "name": "Sam"}
    assert bottle["logged_by"] == {"id": world.alex.pk, "name": "Alex"}
    assert bottle["child"] == {"id": world.ada.pk, "name": "Ada"}
    assert (bottle["start"], bottle["end"]) == ("2026-10-20T12:00:00Z", "2026-10-20T12:20:00Z")
    assert bottle["details"] == {"method": "formula", "side": "", "amount_ml": 120.0}
    assert bottle["client_id"] == str(log.bottle.client_id)
    assert (bottle["response"], bottle["deleted"], bottle["running"]) == ("calm", False, False)
    assert events[log.breastfeed.pk]["details"] == {"method": "breast", "side": "left", "amount_ml": None}
    assert events[log.nappy.pk]["by"]["name"] == "Pat"
    assert events[log.nappy.pk]["end"] is None
    settle = events[log.settle.pk]
    assert settle["details"] == {"tried": ["rocking", "white_noise"], "outcome": "settled"}
    assert (settle["response"], settle["settled_after_minutes"]) == ("settled", 25)
    assert events[log.medicine.pk]["details"] == {
        "name": "Vitamin D",
        "dose": "1 drop",
        "min_gap_minutes": None,
        "max_per_24h": None,
    }
    assert events[log.note.pk]["note"] == '=HYPERLINK("http://x.example")'
    assert events[log.note.pk]["details"] == {}
    assert (events[log.running.pk]["running"], events[log.running.pk]["end"]) == (True, None)


def test_events_come_oldest_first(world, log):
    starts = [event["start"] for event in export_document(world.alex.household)["events"]]
    assert starts == sorted(starts)
    assert starts[0] == "2026-10-20T12:00:00Z"


def test_deleted_events_are_left_out(world, log):
    assert log.deleted.pk not in by_id(export_document(world.alex.household))
    assert str(log.deleted.pk) not in {row["id"] for row in csv_rows(events_csv(world.alex.household))}


def test_another_households_events_and_people_are_never_included(world, log):
    document = export_document(world.alex.household)
    assert log.elsewhere.pk not in by_id(document)
    assert "Robin" not in {m["display_name"] for m in document["members"]}
    assert "Bo" not in {c["name"] for c in document["children"]}
    assert len(document["events"]) == 7
    rows = csv_rows(events_csv(world.alex.household))
    assert str(log.elsewhere.pk) not in {row["id"] for row in rows}
    assert {row["by"] for row in rows} == {"Alex", "Sam", "Pat"}
    assert [e["id"] for e in export_document(world.robin.household)["events"]] == [log.elsewhere.pk]


def _queries_for_export(household) -> tuple[int, dict]:
    with CaptureQueriesContext(connection) as queries:
        document = export_document(household)
    return len(queries), document


def test_export_queries_do_not_grow_with_the_log(world, log, django_assert_num_queries):
    """The log itself is three queries; other apps' sections add a fixed few of their own."""
    household = world.alex.household
    before, _ = _queries_for_export(household)
    for hour in range(30):
        log_care_event(
            member=world.alex,
            child=world.ada,
            kind="nappy",
            start=WINTER - dt.timedelta(hours=hour + 1),
            details={"contents": "wet"},
        )
    after, document = _queries_for_export(household)
    assert len(document["events"]) == 37
    assert after == before
    with django_assert_num_queries(3):
        assert len(csv_rows(events_csv(household))) == 37


# ---- The CSV ----


def test_csv_has_one_row_per_event_under_a_fixed_header(world, log):
    text = events_csv(world.alex.household)
    header = next(csv.reader(io.StringIO(text)))
    assert tuple(header) == CSV_COLUMNS
    assert {"feed_method", "feed_amount_ml", "nappy_contents", "settle_tried", "medicine_dose"} <= set(header)
    assert len(csv_rows(text)) == 7


def test_csv_rows_carry_who_details_and_local_times(world, log):
    rows = {row["id"]: row for row in csv_rows(events_csv(world.alex.household))}
    bottle = rows[str(log.bottle.pk)]
    assert (bottle["kind"], bottle["by"], bottle["logged_by"], bottle["child"]) == (
        "feed",
        "Sam",
        "Alex",
        "Ada",
    )
    assert (bottle["start_utc"], bottle["end_utc"]) == ("2026-10-20T12:00:00Z", "2026-10-20T12:20:00Z")
    assert (bottle["start_local"], bottle["end_local"]) == (
        "2026-10-20T13:00:00+01:00",
        "2026-10-20T13:20:00+01:00",
    )
    assert (bottle["minutes"], bottle["feed_method"], bottle["feed_amount_ml"]) == ("20", "formula", "120.0")
    assert bottle["nappy_contents"] == bottle["settle_tried"] == bottle["medicine_name"] == ""
    breastfeed = rows[str(log.breastfeed.pk)]
    assert breastfeed["start_local"] == "2026-11-10T03:00:00+00:00"
    assert (breastfeed["feed_side"], breastfeed["feed_amount_ml"]) == ("left", "")
    settle = rows[str(log.settle.pk)]
    assert (settle["settle_tried"], settle["settle_outcome"], settle["settled_after_minutes"]) == (
        "rocking;white_noise",
        "settled",
        "25",
    )
    assert settle["feed_method"] == ""
    assert (rows[str(log.nappy.pk)]["by"], rows[str(log.nappy.pk)]["nappy_contents"]) == ("Pat", "both")
    assert rows[str(log.nappy.pk)]["end_utc"] == rows[str(log.nappy.pk)]["end_local"] == ""
    assert rows[str(log.running.pk)]["running"] == "yes"


def test_csv_cells_a_spreadsheet_would_run_as_formulas_are_defused(world, log):
    rows = {row["id"]: row for row in csv_rows(events_csv(world.alex.household))}
    assert rows[str(log.note.pk)]["note"] == '\'=HYPERLINK("http://x.example")'


# ---- The zip for the settings page ----


def test_the_zip_holds_the_json_and_the_csv(world, log):
    household = world.alex.household
    today = timezone.localdate(timezone=household.zone)
    with zipfile.ZipFile(io.BytesIO(export_zip(household))) as archive:
        names = archive.namelist()
        assert names == [
            f"twofold-{household.pk}-{today.isoformat()}.json",
            export_filename(household, "csv"),
        ]
        document = json.loads(archive.read(names[0]))
        rows = csv_rows(archive.read(names[1]).decode())
    assert {e["id"] for e in document["events"]} == {int(row["id"]) for row in rows}
    assert len(rows) == 7


# ---- The command ----


def export(**options) -> str:
    out = io.StringIO()
    call_command("export", stdout=out, **options)
    return out.getvalue()


def test_export_command_writes_both_files_into_a_directory(world, log, tmp_path):
    household = world.alex.household
    output = export(household=household.pk, output=str(tmp_path))
    json_path = tmp_path / export_filename(household, "json")
    csv_path = tmp_path / export_filename(household, "csv")
    assert f"Wrote {json_path}" in output and f"Wrote {csv_path}" in output
    assert len(json.loads(json_path.read_text())["events"]) == 7
    with csv_path.open(newline="") as csv_file:
        assert len(list(csv.DictReader(csv_file))) == 7


def test_export_command_writes_one_format_to_standard_output(world, log):
    document = json.loads(export(household=world.alex.household_id, format="json", output="-"))
    assert len(document["events"]) == 7
    rows = csv_rows(export(household=world.alex.household_id, format="csv", output="-"))
    assert {row["kind"] for row in rows} == {"feed", "nappy", "settle", "medicine", "note", "sleep"}


@pytest.mark.django_db
def test_an_unknown_household_is_a_clean_error():
    with pytest.raises(CommandError, match="No household has the id 999"):
        export(household=999, format="json", output="-")


def test_both_formats_to_standard_output_is_refused(world):
    with pytest.raises(CommandError, match="--format json or --format csv"):
        export(household=world.alex.household_id, output="-")


def test_an_output_that_is_not_a_directory_is_refused(world, tmp_path):
    a_file = tmp_path / "export.json"
    a_file.write_text("")
    for output in (a_file, tmp_path / "missing"):
        with pytest.raises(CommandError, match="is not a directory"):
            export(household=world.alex.household_id, output=str(output))
    assert [p.name for p in tmp_path.iterdir()] == ["export.json"]


def test_an_unknown_format_is_refused(world):
    with pytest.raises(CommandError, match="xml"):
        export(household=world.alex.household_id, format="xml", output="-")
