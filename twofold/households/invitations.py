"""What has become of an invitation link, in words for the household's parents and for whoever opens it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from django.core.exceptions import ValidationError

from twofold.households.models import Invitation

# Invitations that ended (used, withdrawn, expired) stay on the household page this long after they were
# made, so a parent sees why a link did not work; older ones drop off the list.
LISTED_FOR = dt.timedelta(days=30)


class InvitationState(StrEnum):
    OPEN = "open"
    EXPIRED = "expired"
    WITHDRAWN = "withdrawn"
    USED = "used"


class InvitationUnusable(ValidationError):
    """An invitation link that does not work; carries the invitation, when the link named one."""

    def __init__(self, message: str, invitation: Invitation | None = None) -> None:
        super().__init__(message)
        self.invitation = invitation


def state_of(
    *,
    accepted_at: dt.datetime | None,
    revoked_at: dt.datetime | None,
    expires_at: dt.datetime,
    now: dt.datetime,
) -> InvitationState:
    """Used, then withdrawn, then expired: a link used before it expired was used, not expired."""
    if accepted_at is not None:
        return InvitationState.USED
    if revoked_at is not None:
        return InvitationState.WITHDRAWN
    if now >= expires_at:
        return InvitationState.EXPIRED
    return InvitationState.OPEN


@dataclass(frozen=True)
class InvitationRow:
    invitation: Invitation
    state: InvitationState

    @property
    def ended_at(self) -> dt.datetime | None:
        """When the link stopped working: used, withdrawn or expired."""
        invitation = self.invitation
        return {
            InvitationState.USED: invitation.accepted_at,
            InvitationState.WITHDRAWN: invitation.revoked_at,
            InvitationState.EXPIRED: invitation.expires_at,
            InvitationState.OPEN: None,
        }[self.state]


def rows_for(invitations: list[Invitation], *, now: dt.datetime) -> list[InvitationRow]:
    return [
        InvitationRow(
            invitation=i,
            state=state_of(
                accepted_at=i.accepted_at, revoked_at=i.revoked_at, expires_at=i.expires_at, now=now
            ),
        )
        for i in invitations
    ]


def whom_to_ask(invitation: Invitation | None) -> str:
    """Who can make a new link: the parent who made this one, or another parent of the household."""
    if invitation is None:
        return "Ask a parent in the household for a new invitation link."
    return (
        f"Ask {invitation.created_by.display_name}, or another parent in {invitation.household.name}, "
        "for a new invitation link."
    )
