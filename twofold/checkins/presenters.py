"""A check-in week as rows of strings for the templates: answers side by side, the log, agreements."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction

from twofold.checkins.answers import ANSWERS_SEALED, Answers
from twofold.checkins.gaps import Answer, LogShares
from twofold.checkins.models import Agreement, Checkin
from twofold.checkins.selectors import WeekState
from twofold.households.models import Member
from twofold.insights.percent import shown, whole_percents


@dataclass(frozen=True)
class Said(Answer):
    """One parent's opened answers, with their name: what the tables and the gaps are made from."""

    appreciated: str
    needed: str


def said(member_id: int, name: str, a: Answers) -> Said:
    return Said(
        member_id,
        name,
        a.care_share,
        a.night_share,
        a.fairness,
        a.sleep,
        a.mood,
        a.connection,
        a.appreciated,
        a.needed,
    )


def opened(checkins: Sequence[Checkin]) -> tuple[list[Said], list[str]]:
    """The answers that open, and a note naming each parent whose answers no configured key opens."""
    readable = [said(c.member_id, c.member.display_name, c.opened) for c in checkins if c.opened is not None]
    notes = [sealed_note(c.member.display_name) for c in checkins if c.opened is None]
    return readable, notes


def sealed_note(name: str) -> str:
    return f"{name}: {ANSWERS_SEALED}"


@dataclass(frozen=True)
class Row:
    label: str
    cells: tuple[str, ...]
    is_log: bool = False


def _log_cell(shares: dict[int, Fraction] | None, member_id: int, nothing: str) -> str:
    if shares is None:
        return nothing
    return shown(whole_percents(shares).get(member_id, 0))


def side_by_side(answers: Sequence[Said], log: LogShares | None) -> list[Row]:
    """Each parent's answers in a column, with what the log shows under each estimate."""
    rows = [Row("My share of the baby care", tuple(shown(a.care_share) for a in answers))]
    if log is not None:
        care = dict(log.care) if log.care is not None else None
        rows.append(
            Row("The log shows", tuple(_log_cell(care, a.member_id, "nothing logged") for a in answers), True)
        )
    rows.append(Row("My share of the night wakings", tuple(shown(a.night_share) for a in answers)))
    if log is not None:
        night = dict(log.night) if log.night is not None else None
        rows.append(
            Row(
                "The log shows",
                tuple(_log_cell(night, a.member_id, "no wakings logged") for a in answers),
                True,
            )
        )
    for label, name in (
        ("How fair the split feels", "fairness"),
        ("My sleep", "sleep"),
        ("My mood", "mood"),
        ("How connected we feel", "connection"),
    ):
        rows.append(Row(label, tuple(f"{getattr(a, name)} / 10" for a in answers)))
    rows.append(Row("One thing I appreciated", tuple(a.appreciated or "—" for a in answers)))
    rows.append(Row("One thing I need next week", tuple(a.needed or "—" for a in answers)))
    return rows


def own_rows(answer: Checkin) -> list[Row]:
    """The author's own answers before the reveal; none when no configured key opens them."""
    if answer.opened is None:
        return []
    return side_by_side([said(answer.member_id, answer.member.display_name, answer.opened)], None)


@dataclass(frozen=True)
class AgreementRow:
    agreement: Agreement
    author: str
    text: str
    mine: bool
    can_change: bool
    reviews: tuple[str, ...]  # "Alex: kept", only those the viewer may see


def agreement_rows(
    agreements: Sequence[Agreement], *, viewer: Member, reviews_revealed: bool, changeable: bool
) -> list[AgreementRow]:
    rows = []
    for agreement in agreements:
        seen = [
            f"{r.reviewer.display_name}: {r.outcome_label.lower()}"
            for r in agreement.reviews.all()
            if reviews_revealed or r.reviewer_id == viewer.pk
        ]
        mine = agreement.author_id == viewer.pk
        rows.append(
            AgreementRow(
                agreement,
                agreement.author.display_name,
                agreement.text,
                mine,
                mine and changeable,
                tuple(seen),
            )
        )
    return rows


def status_line(state: WeekState, viewer: Member) -> str | None:
    """Who else has answered: the fact only, never what they said."""
    if state.revealed:
        return None
    answered = [p.display_name for p in state.others_answered(viewer)]
    waiting = [p.display_name for p in state.others_waiting(viewer)]
    parts = [f"{name} has answered." for name in answered]
    parts += [f"{name} has not answered yet." for name in waiting]
    return " ".join(parts) or None


def last_day_text(state: WeekState) -> str:
    """The last local day the check-in is open: “Saturday 28 November”."""
    last = state.window.opens_on + dt.timedelta(days=6)
    return f"{last:%A} {last.day} {last:%B}"


def week_text(monday: dt.date) -> str:
    sunday = monday + dt.timedelta(days=6)
    return f"{monday.day} {monday:%b} to {sunday.day} {sunday:%b}"
