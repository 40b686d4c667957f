"""View guards: who may see a page. Views type their request as MemberRequest."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Concatenate, ParamSpec

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect

from twofold.households.models import Household, Member

P = ParamSpec("P")


class MemberRequest(HttpRequest):
    member: Member
    household: Household


View = Callable[Concatenate[MemberRequest, P], HttpResponse]


def member_required(view: View[P]) -> Callable[Concatenate[HttpRequest, P], HttpResponse]:
    """Logged in and in a household; someone with no household is sent to make one."""

    @login_required
    @wraps(view)
    def wrapped(request: HttpRequest, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        if getattr(request, "member", None) is None:
            return redirect("households:start")
        return view(request, *args, **kwargs)  # type: ignore[arg-type]

    return wrapped


def parent_required(view: View[P]) -> Callable[Concatenate[HttpRequest, P], HttpResponse]:
    """Parents only. Helpers get 404, like outsiders: the page is simply not theirs."""

    @member_required
    @wraps(view)
    def wrapped(request: MemberRequest, *args: P.args, **kwargs: P.kwargs) -> HttpResponse:
        if not request.member.is_parent:
            raise Http404("This page is for parents.")
        return view(request, *args, **kwargs)

    return wrapped  # type: ignore[return-value]
