"""View guards: who may see a page. Views type their request as MemberRequest."""

from __future__ import annotations

from collections.abc import Callable
from functools import update_wrapper
from typing import Concatenate, ParamSpec, cast

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django_htmx.middleware import HtmxDetails

from twofold.households.models import Household, Member

P = ParamSpec("P")


class MemberRequest(HttpRequest):
    """A request that passed member_required: logged in, with the member and household it acts as."""

    user: User
    member: Member
    household: Household
    htmx: HtmxDetails


View = Callable[Concatenate[MemberRequest, P], HttpResponse]


def member_required(view: View[P]) -> Callable[Concatenate[HttpRequest, P], HttpResponse]:
    """Logged in and in a household; someone with no household is sent to make one."""

    def wrapped(request: HttpRequest, /, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        if getattr(request, "member", None) is None:
            return redirect("households:start")
        # CurrentMemberMiddleware attached the member and household; login_required vouched for the user.
        return view(cast(MemberRequest, request), *args, **kwargs)

    update_wrapper(wrapped, view)
    return login_required(wrapped)


def parent_required(view: View[P]) -> Callable[Concatenate[HttpRequest, P], HttpResponse]:
    """Parents only. Helpers get 404, like outsiders: the page is simply not theirs."""

    def wrapped(request: MemberRequest, /, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        if not request.member.is_parent:
            raise Http404("This page is for parents.")
        return view(request, *args, **kwargs)

    update_wrapper(wrapped, view)
    return member_required(wrapped)
