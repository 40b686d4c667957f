"""An audit entry in plain words, as the person reading it sees it: "you" for them, names for everyone else.

Pure functions over plain values; the entry keeps names as they were when the action happened, so the
words stay right after someone leaves, renames or deletes their account.
"""

from __future__ import annotations

from dataclasses import dataclass

from twofold.audit.models import Action


@dataclass(frozen=True)
class Entry:
    action: str
    actor_name: str
    actor_is_you: bool
    about_name: str
    about_is_you: bool
    household_name: str
    detail: str


def possessive(name: str) -> str:
    return f"{name}'s"


def _screening_viewed(entry: Entry, who: str) -> str:
    what = entry.detail or "screening result"
    if entry.about_is_you and not entry.actor_is_you:
        return f"{who} viewed your {what}"
    if entry.about_name:
        return f"{who} viewed {possessive(entry.about_name)} {what}"
    return f"{who} viewed a shared {what}"


def _member_removed(entry: Entry, who: str) -> str:
    if entry.about_is_you:
        whom = "you"
    elif entry.about_name:
        whom = entry.about_name
    else:
        whom = "a member"
    place = f" from {entry.household_name}" if entry.household_name else ""
    return f"{who} removed {whom}{place}"


def _export_downloaded(entry: Entry, who: str) -> str:
    if entry.household_name:
        return f"{who} downloaded the household export"
    own = "your" if entry.actor_is_you else "their"
    return f"{who} downloaded {own} own export"


def _account_deleted(entry: Entry, who: str) -> str:
    return "You deleted your account" if entry.actor_is_you else f"{who} deleted their account"


def _household_deleted(entry: Entry, who: str) -> str:
    name = f" “{entry.household_name}”" if entry.household_name else ""
    return f"{who} deleted the household{name}"


SIMPLE = {
    Action.SHARING_ON: "turned sharing on",
    Action.SHARING_OFF: "turned sharing off",
    Action.TOKEN_MADE: "made an app key",
    Action.TOKEN_REVOKED: "revoked an app key",
}
COMPOSED = {
    Action.SCREENING_VIEWED: _screening_viewed,
    Action.MEMBER_REMOVED: _member_removed,
    Action.EXPORT_DOWNLOADED: _export_downloaded,
    Action.ACCOUNT_DELETED: _account_deleted,
    Action.HOUSEHOLD_DELETED: _household_deleted,
}
# The detail is already part of these sentences, so it is not repeated under them.
DETAIL_IN_SENTENCE = frozenset({Action.SCREENING_VIEWED})


def sentence(entry: Entry) -> str:
    """One sentence, without a full stop, naming who did what (never a role)."""
    who = "You" if entry.actor_is_you else (entry.actor_name or "Someone")
    if entry.action in SIMPLE:
        return f"{who} {SIMPLE[Action(entry.action)]}"
    if entry.action in COMPOSED:
        return COMPOSED[Action(entry.action)](entry, who)
    return f"{who}: {entry.action.replace('_', ' ')}"


def detail_line(entry: Entry) -> str:
    """What to show under the sentence: the entry's detail, unless the sentence already says it."""
    return "" if entry.action in DETAIL_IN_SENTENCE else entry.detail
