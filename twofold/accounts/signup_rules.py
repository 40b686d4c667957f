"""Who may make an account, as `TWOFOLD_SIGNUP` says (docs/configuration.md).

The rule is a pure function of the setting, whether any household exists yet and whether the person came
with a working invitation link; `refusal_for` reads those two facts for the sign-up page.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from urllib.parse import urlsplit

from django.conf import settings
from django.urls import Resolver404, resolve

from twofold.households.invitations import InvitationUnusable, whom_to_ask
from twofold.households.models import Household
from twofold.households.services import find_invitation


class SignUp(StrEnum):
    OPEN = "open"
    INVITE = "invite"
    CLOSED = "closed"
    # The production default: open for the first person, who makes the first household; by invitation after.
    FIRST_HOUSEHOLD = "first-household"


NEEDS_AN_INVITATION = (
    "New accounts here are made from an invitation link. Ask a parent in your household for an invitation "
    "link and open it: it brings you back here to make your account, and then straight into the household."
)
CLOSED = (
    "This Twofold is not taking new accounts. If you already have one, log in. If you are joining a "
    "household here, ask a parent in it for an invitation link, and ask whoever looks after this Twofold to "
    "let people sign up by invitation."
)


def mode_now(*, setting: str, a_household_exists: bool) -> SignUp:
    mode = SignUp(setting)
    if mode is SignUp.FIRST_HOUSEHOLD:
        return SignUp.INVITE if a_household_exists else SignUp.OPEN
    return mode


def reason_to_refuse(*, mode: SignUp, invited: bool) -> str | None:
    """Why someone may not make an account now, or None when they may."""
    if mode is SignUp.OPEN or (mode is SignUp.INVITE and invited):
        return None
    return CLOSED if mode is SignUp.CLOSED else NEEDS_AN_INVITATION


@dataclass(frozen=True)
class Refusal:
    reason: str
    # When they came from an invitation link that no longer works: what is wrong with it, and whom to ask.
    link_problem: str = ""


def refusal_for(*, next_url: str) -> Refusal | None:
    """Whether the sign-up page may make an account for someone on their way to `next_url`."""
    setting = SignUp(settings.TWOFOLD_SIGNUP)
    if setting is SignUp.OPEN:
        return None
    a_household_exists = setting is SignUp.FIRST_HOUSEHOLD and Household.objects.exists()
    mode = mode_now(setting=setting, a_household_exists=a_household_exists)
    token = invitation_token_in(next_url)
    link_problem = ""
    invited = False
    if token is not None and mode is SignUp.INVITE:
        try:
            find_invitation(token=token)
        except InvitationUnusable as problem:
            link_problem = " ".join([problem.messages[0], whom_to_ask(problem.invitation)])
        else:
            invited = True
    reason = reason_to_refuse(mode=mode, invited=invited)
    return Refusal(reason=reason, link_problem=link_problem) if reason else None


def invitation_token_in(next_url: str) -> str | None:
    """The token of the invitation link `next_url` leads to, if it is one."""
    if not next_url:
        return None
    try:
        match = resolve(urlsplit(next_url).path)
    except Resolver404:
        return None
    if match.view_name != "households:join":
        return None
    return str(match.kwargs["token"])
