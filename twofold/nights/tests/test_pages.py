"""The night planner's pages: make tonight's plan in a tap, change a shift, keep edits, preferences, Today."""

from __future__ import annotations

import html
import re

import pytest
import time_machine

from twofold.conftest import client_for
from twofold.nights.models import HowMade, NightPlan, NightPreference
from twofold.nights.services import make_plan
from twofold.tests.forms import untouched

from .logs import LAST_NIGHT, NOW, TONIGHT, at, log, log_two_weeks

pytestmark = pytest.mark.django_db


def make_tonight(client, **extra):
    data = {"night": TONIGHT.isoformat(), "feeding": "bottle", "fairness": "even", **extra}
    return client.post("/nights/plan/", data)


def text(response) -> str:
    return html.unescape(re.sub(r"\s+", " ", response.content.decode()))


@time_machine.travel(NOW, tick=False)
def test_a_parent_makes_tonights_plan_in_one_tap_and_sees_why(world):
    log_two_weeks(world)
    alex = client_for(world.alex)

    home = alex.get("/nights/")
    assert "Make tonight's plan" in text(home)

    made = make_tonight(alex)
    plan = NightPlan.objects.get(household=world.alex.household, night=TONIGHT)
    assert made.status_code == 302 and made["Location"] == f"/nights/plans/{plan.pk}/"
    page = text(alex.get(made["Location"]))
    assert "Alex 22:00–02:30, Sam 02:30–07:00" in page
    assert "whoever is on duty feeds" in page
    assert "not a proven one" in page
    assert "From the last 14 logged nights: about 3 wakings a night" in page
    assert plan.made_by == world.alex and plan.how == HowMade.PLANNER


@time_machine.travel(NOW, tick=False)
def test_the_form_defaults_come_from_the_children_and_preferences(world):
    world.ada.feeding_method = "breast"
    world.ada.save()
    page = text(client_for(world.alex).get("/nights/"))
    assert (
        'value="breast" checked' in page
        or 'value="breast" required checked' in page
        or (re.search(r'value="breast"[^>]*checked', page))
    )
    assert re.search(rf'<option value="{world.alex.pk}" selected>Alex</option>', page)


@time_machine.travel(NOW, tick=False)
def test_breastfeeding_plan_says_who_brings_the_baby(world):
    alex = client_for(world.alex)
    make_tonight(alex, feeding="breast", feeder=str(world.alex.pk))
    plan = NightPlan.objects.get(night=TONIGHT)
    assert plan.feeder == world.alex
    assert "Whoever is on duty brings the baby to Alex, then changes, winds and settles" in plan.explanation


@time_machine.travel(NOW, tick=False)
def test_a_night_already_over_is_refused_and_the_form_is_kept(world):
    response = client_for(world.alex).post(
        "/nights/plan/", {"night": LAST_NIGHT.isoformat(), "feeding": "bottle", "fairness": "alternate"}
    )
    assert response.status_code == 400
    assert "That night has already ended" in text(response)
    assert re.search(r'value="alternate"[^>]*checked', text(response))
    assert not NightPlan.objects.exists()


@time_machine.travel(NOW, tick=False)
def test_helpers_and_other_households_get_404(world):
    plan = make_plan(member=world.alex, day=TONIGHT, now=NOW)
    for url in ("/nights/", f"/nights/plans/{plan.pk}/", "/nights/preferences/"):
        assert client_for(world.pat).get(url).status_code == 404
    assert client_for(world.robin).get(f"/nights/plans/{plan.pk}/").status_code == 404


def edit_data(rows, total=None):
    data = {"form-TOTAL_FORMS": str(total or len(rows)), "form-INITIAL_FORMS": "0"}
    for i, row in enumerate(rows):
        for key, value in row.items():
            data[f"form-{i}-{key}"] = value
    return data


@time_machine.travel(NOW, tick=False)
def test_a_parent_moves_a_shift_boundary_and_both_see_it(world):
    plan = make_plan(member=world.alex, day=TONIGHT, now=NOW)
    alex = client_for(world.alex)
    assert alex.get(f"/nights/plans/{plan.pk}/edit/").status_code == 200

    rows = [
        {"member": world.alex.pk, "start": "22:00", "end": "01:40"},
        {"member": world.sam.pk, "start": "01:40", "end": "07:00"},
    ]
    saved = alex.post(f"/nights/plans/{plan.pk}/edit/", edit_data(rows))
    assert saved.status_code == 302
    plan.refresh_from_db()
    assert plan.how == HowMade.BY_HAND
    assert "These shifts were set by hand" in plan.explanation
    for member in (world.alex, world.sam):
        assert "Alex 22:00–01:40, Sam 01:40–07:00" in text(client_for(member).get("/"))


@time_machine.travel(NOW, tick=False)
@pytest.mark.parametrize(
    ("rows", "says"),
    [
        (
            [{"start": "22:00", "end": "03:00"}, {"start": "02:00", "end": "07:00"}],
            "This shift overlaps Alex's 22:00–03:00",
        ),
        ([{"start": "20:00", "end": "07:00"}], "Keep shifts inside the night, 22:00 to 07:00"),
        ([{"start": "03:00", "end": "01:00"}], "A shift has to end after it starts"),
    ],
)
def test_bad_shifts_are_refused_with_what_to_change_and_nothing_lost(world, rows, says):
    plan = make_plan(member=world.alex, day=TONIGHT, now=NOW)
    before = list(plan.shifts.values_list("member_id", "start", "end"))
    who = [world.alex.pk, world.sam.pk]
    posted = [{"member": who[i % 2], **row} for i, row in enumerate(rows)]
    response = client_for(world.alex).post(f"/nights/plans/{plan.pk}/edit/", edit_data(posted))
    assert response.status_code == 400
    assert says in text(response)
    assert f'value="{rows[0]["start"]}"' in text(response)
    assert list(plan.shifts.values_list("member_id", "start", "end")) == before


@time_machine.travel(NOW, tick=False)
def test_a_gap_left_by_hand_is_kept_and_named(world):
    plan = make_plan(member=world.alex, day=TONIGHT, now=NOW)
    rows = [
        {"member": world.alex.pk, "start": "22:00", "end": "01:00"},
        {"member": world.sam.pk, "start": "02:00", "end": "07:00"},
    ]
    client_for(world.alex).post(f"/nights/plans/{plan.pk}/edit/", edit_data(rows))
    plan.refresh_from_db()
    assert plan.unmet_lines[0] == "Nobody is on duty from 01:00 to 02:00."


@time_machine.travel(NOW, tick=False)
def test_planning_again_keeps_hand_edits_unless_asked(world):
    plan = make_plan(member=world.alex, day=TONIGHT, now=NOW)
    alex = client_for(world.alex)
    rows = [{"member": world.sam.pk, "start": "22:00", "end": "07:00"}]
    alex.post(f"/nights/plans/{plan.pk}/edit/", edit_data(rows))

    refused = make_tonight(alex)
    assert refused.status_code == 400
    assert "was changed by hand" in text(refused)
    assert NightPlan.objects.get(pk=plan.pk).how == HowMade.BY_HAND

    assert make_tonight(alex, replace="on").status_code == 302
    assert NightPlan.objects.get(pk=plan.pk).how == HowMade.PLANNER


@time_machine.travel(NOW, tick=False)
def test_a_week_is_planned_and_hand_edited_nights_are_kept(world):
    plan = make_plan(member=world.alex, day=TONIGHT, now=NOW)
    alex = client_for(world.alex)
    alex.post(
        f"/nights/plans/{plan.pk}/edit/",
        edit_data([{"member": world.sam.pk, "start": "22:00", "end": "07:00"}]),
    )
    response = alex.post(
        "/nights/week/", {"night": TONIGHT.isoformat(), "feeding": "bottle", "fairness": "even"}
    )
    assert response.status_code == 302
    assert NightPlan.objects.filter(household=world.alex.household).count() == 7
    assert NightPlan.objects.get(pk=plan.pk).how == HowMade.BY_HAND
    follow = text(alex.get("/nights/"))
    assert "Kept as they were, because they were changed by hand: Mon 23 Nov." in follow


@time_machine.travel(NOW, tick=False)
def test_preferences_are_kept_and_used_and_bad_times_refused(world):
    alex = client_for(world.alex)
    data: dict[str, str | list[str]] = {"fairness": "even"}
    for m in (world.alex, world.sam):
        data |= {f"m{m.pk}-target_minutes": "300", f"m{m.pk}-night_from": "", f"m{m.pk}-night_until": ""}
    data |= {f"m{world.sam.pk}-work_mornings": ["0", "1", "2", "3", "4"]}
    data |= {f"m{world.pat.pk}-available_for_nights": "on", f"m{world.pat.pk}-night_from": "22:00"}
    data |= {f"m{world.pat.pk}-night_until": "03:00"}
    assert alex.get("/nights/preferences/").status_code == 200
    assert alex.post("/nights/preferences/", data).status_code == 302
    assert NightPreference.objects.get(member=world.sam).work_mornings == "01234"

    plan = make_plan(member=world.alex, day=TONIGHT, now=NOW)  # Tuesday is a work morning for Sam
    assert [s.member_id for s in plan.shifts.order_by("start")] == [world.sam.pk, world.alex.pk]

    data |= {f"m{world.alex.pk}-night_from": "04:00", f"m{world.alex.pk}-night_until": "23:00"}
    refused = alex.post("/nights/preferences/", data)
    assert refused.status_code == 400
    assert "Make the latest wake-up later than the usual bedtime" in text(refused)


@time_machine.travel(NOW, tick=False)
def test_the_morning_view_sets_last_night_beside_its_plan(world):
    plan = make_plan(member=world.alex, day=LAST_NIGHT, now=at(22, 12))
    log(world, world.alex, "feed", at(22, 23), 20)  # Alex's shift: as planned
    log(world, world.alex, "feed", at(23, 4), 20)  # Sam's shift, but Alex got up
    alex = client_for(world.alex)
    assert alex.get("/nights/morning/")["Location"] == f"/nights/plans/{plan.pk}/against-log/"
    page = text(alex.get(f"/nights/plans/{plan.pk}/against-log/"))
    assert "1 of 2 wakings were handled by whoever was on duty." in page
    assert "covered by someone else" in page
    assert "Sam could sleep 9 h at a stretch (planned 4 h 30 min)" in page


@time_machine.travel(NOW, tick=False)
def test_today_shows_tonights_line_to_parents_and_only_their_own_shift_to_a_helper(
    world, django_assert_max_num_queries
):
    NightPreference.objects.create(
        household=world.alex.household, member=world.pat, available_for_nights=True, night_until=dt_time(1)
    )
    make_plan(member=world.alex, day=TONIGHT, now=NOW, options=helper_night())
    parents = text(client_for(world.sam).get("/"))
    assert "Pat 22:00–01:00, Alex 01:00–02:30, Sam 02:30–07:00" in parents
    helper = text(client_for(world.pat).get("/"))
    assert "Your shift tonight" in helper and "Pat 22:00–01:00" in helper
    assert "Alex 01:00" not in helper

    from twofold.nights.today import today_context

    with django_assert_max_num_queries(1):
        today_context(member=world.sam, now=NOW)


def dt_time(hour: int):
    import datetime as dt

    return dt.time(hour)


def helper_night():
    from twofold.nights.services import Options

    return Options(helper_night=True)


@time_machine.travel(NOW, tick=False)
def test_the_us_page_shows_planned_against_actual(world):
    make_plan(member=world.alex, day=LAST_NIGHT, now=at(22, 12))
    log(world, world.sam, "feed", at(23, 5), 20)
    page = text(client_for(world.alex).get("/us/"))
    assert "Night plans against the log" in page
    assert "Alex 22:00–02:30, Sam 02:30–07:00" in page
    assert "1 of 1" in page


@time_machine.travel(NOW, tick=False)
def test_plan_a_week_submitted_as_the_page_fills_it_plans_seven_nights(world):
    # The date input was once given 30/11/2026, which a browser's date picker shows as empty.
    alex = client_for(world.alex)
    fields = untouched(alex.get("/nights/").content.decode(), "/nights/week/")
    assert fields["night"] == [TONIGHT.isoformat()]

    response = alex.post("/nights/week/", fields)

    assert response.status_code == 302
    assert NightPlan.objects.filter(household=world.alex.household).count() == 7
