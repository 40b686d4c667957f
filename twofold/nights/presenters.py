"""Plans and nights in the words and rows the pages show. Pure."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any
from zoneinfo import ZoneInfo

from twofold.nights.against import Fit, NightAgainstPlan
from twofold.nights.explain import duration


def hhmm(moment: dt.datetime, zone: ZoneInfo) -> str:
    return moment.astimezone(zone).strftime("%H:%M")


def zone_name(zone: ZoneInfo) -> str:
    """The zone's name as people read it: "America/New York" for America/New_York."""
    return str(zone.key).replace("_", " ")


def shift_line(shifts: Sequence[tuple[str, dt.datetime, dt.datetime]], zone: ZoneInfo) -> str:
    """ "Sam 22:00–02:30, Alex 02:30–07:00"."""
    return ", ".join(
        f"{name} {hhmm(a, zone)}–{hhmm(b, zone)}" for name, a, b in sorted(shifts, key=lambda s: s[1])
    )


def plan_made_message(*, day: dt.date, tonight: dt.date, before: str | None, feasible: bool) -> str:
    """What "Make tonight's plan" / "Plan tonight again" did, in words. `before` is how the plan it
    replaced was made ("planner", "by_hand"), None when there was none."""
    night = "Tonight's plan" if day == tonight else f"The plan for the night of {day:%a} {day.day} {day:%b}"
    if before is None:
        said = f"{night} is made."
    elif before == "by_hand":
        said = f"{night} is made again; the changes made by hand are replaced."
    else:
        said = f"{night} is made again from the latest log and preferences."
    if not feasible:
        return f"{said} No plan fits everyone's times: the reasons are below."
    return f"{said} It's on Today."


@dataclass(frozen=True)
class BlockRow:
    name: str
    start: str
    end: str
    length: str
    target: str
    met: bool


def block_rows(
    protected: Sequence[Mapping[str, Any]],  # NightPlan.protected: JSON from the database
    names: Mapping[int, str],
    targets: Mapping[int, dt.timedelta],
    zone: ZoneInfo,
) -> list[BlockRow]:
    rows = []
    for block in protected:
        member = int(block["member"])
        start = dt.datetime.fromisoformat(str(block["start"]))
        end = dt.datetime.fromisoformat(str(block["end"]))
        target = targets.get(member)
        rows.append(
            BlockRow(
                names.get(member, "someone who left"),
                hhmm(start, zone),
                hhmm(end, zone),
                duration(end - start) if end > start else "none",
                duration(target) if target else "",
                target is None or end - start >= target,
            )
        )
    return rows


@dataclass(frozen=True)
class WakingRow:
    at: str
    on_duty: str
    handled_by: str
    fit: str


FIT_WORDS = {
    Fit.AS_PLANNED: "as planned",
    Fit.COVERED: "covered by someone else",
    Fit.NO_SHIFT: "outside every shift",
}


def waking_rows(night: NightAgainstPlan, names: Mapping[int, str], zone: ZoneInfo) -> list[WakingRow]:
    return [
        WakingRow(
            hhmm(a.waking.start, zone),
            names.get(a.on_duty, "nobody") if a.on_duty is not None else "nobody",
            names.get(a.handled_by, "someone"),
            FIT_WORDS[a.fit],
        )
        for a in night.wakings
    ]


@dataclass(frozen=True)
class SleepRow:
    name: str
    planned: str
    actual: str
    met: bool


def sleep_rows(night: NightAgainstPlan, names: Mapping[int, str]) -> list[SleepRow]:
    return [
        SleepRow(names.get(s.member_id, "someone"), duration(s.planned), duration(s.actual), s.met)
        for s in night.sleep
    ]


def summary_sentence(night: NightAgainstPlan, names: Mapping[int, str]) -> str:
    """One warm line for the morning: how many wakings went as planned, and each parent's sleep."""
    total = len(night.wakings)
    if not total:
        said = "No wakings were logged in the night."
    else:
        planned = night.count(Fit.AS_PLANNED)
        said = f"{planned} of {total} wakings were handled by whoever was on duty."
    sleeps = "; ".join(
        f"{names.get(s.member_id, 'someone')} could sleep {duration(s.actual)} at a stretch "
        f"(planned {duration(s.planned)})"
        for s in night.sleep
    )
    return f"{said} {sleeps}." if sleeps else said
