"""The ways a notification leaves Twofold, beside the in-app list every page shows.

A channel is a function `(member, notification) -> int` (how many places it reached: devices, inboxes) that
raises when it fails. They are tried in the order of `CHANNELS`; email comes last because a member may want it
only as a fallback, when no device was reached. Web push comes first, with `via_sender` adapting
`twofold.push.send.send_to_member(member, *, title, body, url, tag, actions) -> int`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from django.conf import settings
from django.core.mail import send_mail

from twofold.households.models import Member
from twofold.push.send import send_to_member
from twofold.reminders.models import EmailWhen, Notification, ReminderSettings

Channel = Callable[[Member, Notification], int]


class Sender(Protocol):
    def __call__(
        self, member: Member, *, title: str, body: str, url: str, tag: str, actions: Sequence[dict[str, str]]
    ) -> int: ...


def via_sender(send: Sender) -> Channel:
    """A channel from a sender with push's signature: the notification's words, link, tag and buttons."""

    def channel(member: Member, notification: Notification) -> int:
        return send(
            member,
            title=notification.title,
            body=notification.body,
            url=notification.url,
            tag=notification.tag,
            actions=list(notification.actions),
        )

    return channel


def by_email(member: Member, notification: Notification) -> int:
    """Email the member's account address, with a link back (absolute when TWOFOLD_BASE_URL is set)."""
    address = member.user.email if member.user is not None else ""
    if not address:
        return 0
    link = f"{settings.TWOFOLD_BASE_URL}{notification.url}" if settings.TWOFOLD_BASE_URL else notification.url
    body = f"{notification.body}\n\n{link}\n\nYou chose email for reminders: change it under Reminders."
    return send_mail(notification.title, body, None, [address])


CHANNELS: dict[str, Channel] = {"push": via_sender(send_to_member), "email": by_email}


def wants(channel: str, choice: ReminderSettings, reached_so_far: int) -> bool:
    """Whether this member gets this channel, given how many places the channels before it reached."""
    if channel != "email":
        return True
    if choice.email == EmailWhen.ALWAYS:
        return True
    return choice.email == EmailWhen.FALLBACK and reached_so_far == 0
