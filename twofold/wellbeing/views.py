"""Wellbeing pages: parents only (helpers and outsiders get 404). A result is seen by the parent who took it,
and by the other parent only when shared."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, cast

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from twofold.households.access import MemberRequest, parent_required
from twofold.households.crisis import CountryLines, Kind, Line, lines_for
from twofold.households.models import Member, Role
from twofold.households.selectors import get_member_for_member, members_of
from twofold.sealing import SEALED_WITH_ANOTHER_KEY, CannotUnseal
from twofold.wellbeing import charts, selectors, services, viewing
from twofold.wellbeing.forms import AnswerForm
from twofold.wellbeing.instruments import (
    EPDS_NOT_OFFERED,
    SAFETY_MESSAGE,
    SCREEN_NOT_DIAGNOSIS,
    Instrument,
    get_instrument,
)
from twofold.wellbeing.models import Screening, SharingChoice
from twofold.wellbeing.scoring import Result, score

# Twofold's own wording around the results. Tests import these.
TELL_SOMEONE_TODAY = (
    "Tell someone you trust how you are feeling, today: the other parent, a friend, your GP, health visitor "
    "or midwife. You do not have to find the right words; showing them this page is enough."
)
TALK_THIS_WEEK = (
    "Please talk to a health professional this week: your GP, health visitor or midwife (or another "
    "health professional). You do not need to wait for things to get worse, and the lines below can help "
    "in the meantime."
)
SAME_LINES_FOR_EVERYONE = "These lines are the same for every parent."
NO_RESULTS_YET = (
    "Nothing here yet, and that is fine. When you would like to, a two-minute check is a kind way to see "
    "how you are doing. Only you will see the answers unless you choose to share."
)
NOTHING_SHARED = "Nothing has been shared with you. If the other parent shares a result, it will appear here."

# The quick checks, named for what they are like to answer (the PHQ-2 is "the two-minute check").
FRIENDLY_NAMES = {
    "phq2": "Two-minute check on mood",
    "gad2": "Two-minute check on worry",
    "phq9": "A closer look at mood",
    "gad7": "A closer look at worry",
    "epds": "Feelings since the birth",
}
CRISIS_KINDS = frozenset({Kind.CRISIS, Kind.DIRECTORY})
SUPPORT_KINDS = frozenset({Kind.SUPPORT, Kind.PERINATAL, Kind.PARENTING})


def _offered_or_404(key: str) -> Instrument:
    instrument = services.offered_instruments().get(key)
    if instrument is None:
        raise Http404(services.NOT_OFFERED)
    return instrument


@dataclass(frozen=True)
class ResultRow:
    screening: Screening
    on: Any
    instrument: Instrument
    total: int | None
    max_total: int | None
    band_label: str
    by: str
    sealed_note: str | None = None


def result_rows(screenings: list[Screening], zone: Any) -> list[ResultRow]:
    rows = []
    for screening in screenings:
        if screening.finished_at is None or not screening.sealed_result:
            continue
        on = screening.finished_at.astimezone(zone).date()
        instrument = get_instrument(screening.instrument)
        by = screening.member.display_name
        try:
            document = selectors.stored_result(screening) or {}
        except CannotUnseal:
            # Its own row says why, and the rest of the history still shows.
            rows.append(ResultRow(screening, on, instrument, None, None, "", by, SEALED_WITH_ANOTHER_KEY))
            continue
        rows.append(
            ResultRow(
                screening=screening,
                on=on,
                instrument=instrument,
                total=int(document["total"]),
                max_total=int(document["max_total"]),
                band_label=str(document["band_label"]),
                by=by,
            )
        )
    return rows


def _trends(rows: list[ResultRow], gave_birth: bool | None) -> list[dict[str, Any]]:
    """One chart and table per questionnaire the parent has answered, oldest result first."""
    trends = []
    readable = [row for row in rows if row.total is not None]
    for key in dict.fromkeys(row.instrument.key for row in reversed(readable)):
        mine = [row for row in reversed(readable) if row.instrument.key == key]
        instrument = mine[0].instrument
        bands = instrument.bands_for(gave_birth)
        trends.append(
            {
                "instrument": instrument,
                "rows": mine,
                "bands": bands.bands,
                "svg": charts.trend_svg(
                    points=[charts.Point(row.on, row.total or 0) for row in mine],
                    bands=bands,
                    max_total=instrument.max_total,
                    title_id=f"trend-{key}-title",
                    title=(
                        f"Your {instrument.short_name} totals over time, with the lines where each band "
                        "begins; the table below has the same figures."
                    ),
                ),
            }
        )
    return trends


@parent_required
def home(request: MemberRequest) -> HttpResponse:
    member = request.member
    zone = request.household.zone
    own = list(selectors.own_screenings(member=member).select_related("member"))
    finished = result_rows([s for s in own if s.finished_at is not None], zone)
    now = timezone.now()
    unfinished = [s for s in own if s.finished_at is None and s.started_at >= now - services.RESUME_WITHIN]
    offered = services.offered_instruments()
    choice = SharingChoice.objects.filter(member=member).first()
    shared_results = result_rows(list(selectors.shared_with(member=member)), zone)
    shown = [row.screening for row in shared_results if row.total is not None]
    viewing.note_shown(user=request.user, screenings=shown)
    context = {
        "results": finished,
        "shared_results": shared_results,
        "unfinished": [(s, get_instrument(s.instrument)) for s in unfinished],
        "offered": [(i, FRIENDLY_NAMES.get(i.key, i.short_name)) for i in offered.values()],
        "epds_not_offered": None if "epds" in offered else EPDS_NOT_OFFERED,
        "share_future": bool(choice and choice.share_future),
        "earlier_asks": selectors.earlier_results_asks(member=member),
        "trends": _trends(finished, member.gave_birth),
        "no_results_yet": NO_RESULTS_YET,
        "nothing_shared": NOTHING_SHARED,
    }
    return render(request, "wellbeing/home.html", context)


@require_POST
@parent_required
def take(request: MemberRequest, instrument: str) -> HttpResponse:
    _offered_or_404(instrument)
    screening = services.start_screening(member=request.member, instrument=instrument)
    return redirect("wellbeing:screening", screening_id=screening.pk)


def _first_unanswered(instrument: Instrument, answers: dict[int, int]) -> int | None:
    return next((n for n in instrument.item_numbers if n not in answers), None)


def _item_to_show(request: MemberRequest, instrument: Instrument, answers: dict[int, int]) -> int:
    """The question asked for with ?item= (an answered one, to change it, or the next), else the first
    unanswered, else the last (everything answered but not yet finished)."""
    first_open = _first_unanswered(instrument, answers)
    wanted = request.GET.get("item", "")
    if wanted.isdigit():
        number = int(wanted)
        if number in answers or number == first_open:
            return number
    return first_open if first_open is not None else instrument.item_numbers[-1]


@parent_required
def screening(request: MemberRequest, screening_id: int) -> HttpResponse:
    """One question at a time; every answer is kept, so the parent can leave and come back."""
    screening = selectors.get_own_screening(member=request.member, screening_id=screening_id)
    if screening.finished_at is not None:
        return redirect("wellbeing:result", screening_id=screening.pk)
    instrument = _offered_or_404(screening.instrument)
    try:
        answers = services.answers_of(screening)
    except CannotUnseal:
        return sealed_with_another_key(request, screening)
    number = _item_to_show(request, instrument, answers)
    form = AnswerForm(item=instrument.item(number), initial={"answer": answers.get(number)})
    if request.method == "POST":
        posted = request.POST.get("item", "")
        if posted.isdigit() and int(posted) in instrument.item_numbers:
            number = int(posted)
        form = AnswerForm(request.POST, item=instrument.item(number))
        if form.is_valid():
            try:
                services.record_answer(
                    member=request.member,
                    screening=screening,
                    item=number,
                    position=form.cleaned_data["answer"],
                )
            except ValidationError as error:
                form.add_error(None, error)
            else:
                answers = services.answers_of(screening)
                if _first_unanswered(instrument, answers) is None:
                    services.finish_screening(member=request.member, screening=screening)
                    return redirect("wellbeing:result", screening_id=screening.pk)
                return redirect("wellbeing:screening", screening_id=screening.pk)
    item = instrument.item(number)
    context = {
        "screening": screening,
        "instrument": instrument,
        "friendly_name": FRIENDLY_NAMES.get(instrument.key, instrument.short_name),
        "item": item,
        "form": form,
        "count": len(instrument.items),
        "previous": number - 1 if number > 1 else None,
        "recall": instrument.stem or f"Over {instrument.recall_window}…",
    }
    return render(request, "wellbeing/question.html", context)


def _lines(country: CountryLines, kinds: frozenset[Kind]) -> list[Line]:
    return [line for line in country.lines if line.kind in kinds]


def _other_parents(request: MemberRequest) -> list[str]:
    return [
        m.display_name
        for m in members_of(household=request.household)
        if m.role == Role.PARENT and m.pk != request.member.pk
    ]


def result_context(request: HttpRequest, screening: Screening) -> dict[str, Any]:
    # The offered instrument carries the licensed EPDS permission line; the scoring one is enough otherwise.
    instrument = services.offered_instruments().get(screening.instrument) or get_instrument(
        screening.instrument
    )
    taker = screening.member
    household = screening.household
    # A result from a household the taker has left is still theirs to read, but no longer to share.
    viewer: Member | None = getattr(request, "member", None)
    current = viewer is not None and taker.is_active and taker.household_id == viewer.household_id
    # Scored again from the sealed answers with the taker's gave_birth, so the page can show the band's
    # full wording and the cut-offs used, which the stored summary does not keep.
    result: Result = score(instrument, services.answers_of(screening), taker.gave_birth)
    country = lines_for(household.country)
    follow_up = get_instrument(result.follow_up) if result.follow_up else None
    mine = taker.user_id == request.user.pk
    context: dict[str, Any] = {
        "screening": screening,
        "instrument": instrument,
        "result": result,
        "mine": mine,
        "taker": taker,
        "current": current,
        "left": not taker.is_active,
        "finished_on": screening.finished_at.astimezone(household.zone).date()
        if screening.finished_at
        else None,
        # A short screen's top band means "answer the longer one next", which the follow-up button says;
        # "this week" is for the top band of a full questionnaire.
        "talk_this_week": result.top_band and result.follow_up is None,
        "follow_up": follow_up if mine and current else None,
        "follow_up_reason": instrument.follow_up.reason if instrument.follow_up else "",
        "cutoffs_why": result.band_set.explanation or SAME_LINES_FOR_EVERYONE,
        "country": country,
        "emergency_lines": country.emergency,
        "crisis_lines": _lines(country, CRISIS_KINDS),
        "support_lines": _lines(country, SUPPORT_KINDS),
        "safety_message": SAFETY_MESSAGE,
        "tell_someone_today": TELL_SOMEONE_TODAY,
        "talk_this_week_text": TALK_THIS_WEEK,
        "screen_not_diagnosis": SCREEN_NOT_DIAGNOSIS,
        "other_parents": _other_parents(cast(MemberRequest, request)) if mine and current else [],
    }
    if mine and current:
        context["seeing"], context["hidden_from"] = selectors.parents_who_see(screening=screening)
    return context


@parent_required
def result(request: MemberRequest, screening_id: int) -> HttpResponse:
    screening = selectors.get_visible_screening(member=request.member, screening_id=screening_id)
    if screening.finished_at is None:
        # Only the taker reaches an unfinished one (shared results are finished): carry on answering.
        return redirect("wellbeing:screening", screening_id=screening.pk)
    try:
        context = result_context(request, screening)
    except CannotUnseal:
        return sealed_with_another_key(request, screening)
    viewing.note_shown(user=request.user, screenings=[screening])
    return render(request, "wellbeing/result.html", context)


def sealed_with_another_key(request: HttpRequest, screening: Screening) -> HttpResponse:
    """The page of a screening no configured key opens: what happened and what to do, not a 500."""
    instrument = get_instrument(screening.instrument)
    context = {
        "screening": screening,
        "instrument": instrument,
        "friendly_name": FRIENDLY_NAMES.get(instrument.key, instrument.short_name),
        "mine": screening.member.user_id == request.user.pk,
        "offered": instrument.key in services.offered_instruments(),
        "sealed_note": SEALED_WITH_ANOTHER_KEY,
    }
    return render(request, "wellbeing/sealed_with_another_key.html", context)


@require_POST
@parent_required
def share(request: MemberRequest, screening_id: int) -> HttpResponse:
    screening = selectors.get_own_screening(member=request.member, screening_id=screening_id)
    shared = request.POST.get("shared") == "1"
    services.share_screening(member=request.member, screening=screening, shared=shared)
    if shared:
        messages.success(request, "Shared with the other parent. You can stop sharing at any time.")
    else:
        messages.success(request, "Only you can see this result now.")
    return redirect(reverse("wellbeing:result", kwargs={"screening_id": screening.pk}) + "#sharing")


@require_POST
@parent_required
def share_future(request: MemberRequest) -> HttpResponse:
    share = request.POST.get("share_future") == "1"
    services.set_share_future(member=request.member, share=share)
    if share:
        messages.success(request, "Your future results will be shared with the other parent.")
    else:
        messages.success(request, "Your future results will be yours alone, unless you share one.")
    return redirect("wellbeing:home")


@require_POST
@parent_required
def earlier_results(request: MemberRequest, member_id: int) -> HttpResponse:
    """The sharer's answer for a parent who joined after some results were shared: show them, or not."""
    joiner = get_member_for_member(member=request.member, member_id=member_id)
    show = request.POST.get("show") == "1"
    try:
        services.decide_earlier_results(member=request.member, joiner=joiner, show=show)
    except ValidationError as error:
        messages.error(request, error.messages[0])
    else:
        if show:
            messages.success(request, f"{joiner.display_name} can now see the results you shared earlier.")
        else:
            messages.success(
                request, f"The results you shared earlier stay hidden from {joiner.display_name}."
            )
    return redirect(reverse("wellbeing:home") + "#earlier")
