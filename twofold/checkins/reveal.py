"""The reveal rule: who may see which answers. Pure, so the rule is tested with plain values.

Neither parent sees another's answers until every current parent has answered, or the check-in has
closed. A parent who has left the household does not hold the reveal up; a household with one parent
sees its own answers at once, beside the log. Once revealed, a week stays revealed (a parent who joins
later does not hide what was shown), and its answers are fixed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection


def everyone_answered(*, answered: Collection[int], parents: Collection[int]) -> bool:
    """True when every current parent has answered (and there is at least one)."""
    return bool(parents) and set(parents) <= set(answered)


def is_revealed(
    *,
    answered: Collection[int],
    parents: Collection[int],
    closes_at: dt.datetime,
    now: dt.datetime,
    recorded: bool = False,
) -> bool:
    """Whether the week's answers are shown to all its parents.

    `answered`: members who answered; `parents`: the household's current parents; `recorded`: a reveal
    was already stored for the week.
    """
    return recorded or now >= closes_at or everyone_answered(answered=answered, parents=parents)


def can_see(*, viewer: int, author: int, revealed: bool) -> bool:
    """An answer is its author's alone until the week is revealed."""
    return viewer == author or revealed


def can_change(*, revealed: bool, closes_at: dt.datetime, now: dt.datetime) -> bool:
    """Answers can be changed until the reveal, and only while the check-in is open."""
    return not revealed and now < closes_at
