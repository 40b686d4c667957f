"""Check-in pages: parents only (helpers and outsiders get 404). Each view parses, calls one service or
selector, and renders; what a parent may see of another's answers is decided by WeekState."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.safestring import SafeString
from django.views.decorators.http import require_POST

from twofold.checkins import presenters, selectors, services
from twofold.checkins.answers import ANSWERS_SEALED_OWN
from twofold.checkins.forms import AgreementForm, CheckinForm, SettingsForm
from twofold.checkins.gaps import all_gaps, listed, over_100_sentence
from twofold.checkins.guide import talk_guide
from twofold.checkins.selectors import WeekState
from twofold.checkins.thresholds import GAP_ORDER, NO_GAPS, SOURCE
from twofold.checkins.trend import SOLO_TITLES, TITLES, TREND_WEEKS, Rated, rating_chart, trend_rows
from twofold.households.access import MemberRequest, parent_required
from twofold.insights.charts import Frame, both_widths, line_chart_svg
from twofold.insights.periods import iso_week, parse_iso_week

THANKS_WAITING = (
    "Thank you. Your answers are private until {names} {verb} answered, or the check-in closes at the end "
    "of {last_day}."
)
THANKS_REVEALED = "Thank you. Everyone has answered: here are your answers side by side."
THANKS_SOLO = "Thank you. Here are your answers beside what the log shows."
NOT_YET = "That check-in has not opened yet, so here is the one open now."
AGREEMENT_ADDED = "Agreement added. Next week's check-in will ask you both how it went."
PLAN_ADDED = "Plan added. Next week's check-in will ask how it went."
AGREEMENT_CHANGED = "Agreement changed."
AGREEMENT_DELETED = "Agreement deleted."
DAY_SAVED = "Check-in day saved: {day}."


def _state(request: MemberRequest, now: dt.datetime) -> tuple[WeekState, str | None]:
    current = selectors.current_state(household=request.household, now=now)
    wanted = request.GET.get("week", "").strip()
    if not wanted:
        return current, None
    try:
        monday = parse_iso_week(wanted)
    except ValueError as error:
        return current, f"{error} Showing the check-in open now."
    if monday > current.monday:
        return current, NOT_YET
    return selectors.week_state(household=request.household, monday=monday, now=now), None


def _revealed_context(request: MemberRequest, state: WeekState, now: dt.datetime) -> dict[str, Any]:
    plain, sealed = presenters.opened(state.visible_to(request.member))
    if not plain:
        return {"sealed": sealed}
    log = selectors.log_shares(household=request.household, monday=state.monday, now=now)
    gaps = all_gaps(plain, log)
    return {
        "sealed": sealed,
        "answers": plain,
        "names": [a.name for a in plain],
        "rows": presenters.side_by_side(plain, log),
        "gaps": gaps,
        "sums": [s for s in (over_100_sentence(k, plain) for k in ("night", "care")) if s],
        "guide": talk_guide(gaps, plain, solo=state.solo),
        "no_gaps": NO_GAPS,
        "gap_order": GAP_ORDER,
        "week_running": now < state.window.week_ends_at,
    }


def _page_context(request: MemberRequest, state: WeekState, now: dt.datetime) -> dict[str, Any]:
    member = request.member
    own = state.own(member)
    last_week = state.monday - dt.timedelta(weeks=1)
    previous = selectors.agreements_of(household=request.household, monday=last_week)
    made = selectors.agreements_of(household=request.household, monday=state.monday)
    context: dict[str, Any] = {
        "state": state,
        "week": iso_week(state.monday),
        "week_text": presenters.week_text(state.monday),
        "last_day": presenters.last_day_text(state),
        "own": own,
        "own_rows": presenters.own_rows(own) if own and not state.revealed else [],
        "sealed": [ANSWERS_SEALED_OWN] if own and not state.revealed and own.opened is None else [],
        "status": presenters.status_line(state, member),
        "previous_agreements": presenters.agreement_rows(
            previous, viewer=member, reviews_revealed=state.revealed, changeable=False
        ),
        "agreements": presenters.agreement_rows(
            made, viewer=member, reviews_revealed=True, changeable=not state.window.has_closed(now)
        ),
        "agreement_form": AgreementForm(solo=state.solo) if state.is_open else None,
        "solo": state.solo,
        "previous_week": iso_week(last_week),
        "is_current": state.is_open,
        "not_open_yet": now < state.window.opens_at,
        "threshold_source": SOURCE,
    }
    if state.can_change and (own is None or own.opened is None):
        context["form"] = CheckinForm(agreements=previous, solo=state.solo)
    if state.revealed:
        context.update(_revealed_context(request, state, now))
    return context


@parent_required
def home(request: MemberRequest) -> HttpResponse:
    now = timezone.now()
    state, problem = _state(request, now)
    context = _page_context(request, state, now)
    context["problem"] = problem
    services.mark_read(member=request.member, state=state, now=now)
    status = 400 if problem and problem != NOT_YET else 200
    return render(request, "checkins/home.html", context, status=status)


def _copy_errors(error: ValidationError, form: CheckinForm) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@parent_required
def answer(request: MemberRequest) -> HttpResponse:
    """The form for the check-in open now: a first answer, or a change before the reveal."""
    now = timezone.now()
    state = selectors.current_state(household=request.household, now=now)
    if not state.can_change:
        messages.info(request, services.ANSWERS_FIXED)
        return redirect("checkins:home")
    previous = selectors.agreements_of(
        household=request.household, monday=state.monday - dt.timedelta(weeks=1)
    )
    own = state.own(request.member)
    if request.method == "POST":
        form = CheckinForm(request.POST, agreements=previous, solo=state.solo)
        if form.is_valid():
            try:
                checkin = services.submit_checkin(
                    member=request.member, answers=form.answers(), reviews=form.reviews(), now=now
                )
            except ValidationError as error:
                _copy_errors(error, form)
            else:
                messages.success(request, _thanks(request, state, revealed=checkin.revealed_at is not None))
                return redirect("checkins:home")
    else:
        # Answers (or reviews) no configured key opens are answered afresh: the form starts empty for them.
        initial = own.opened.document() if own and own.opened else None
        reviews = {
            CheckinForm.review_field(a): r.outcome
            for a in previous
            for r in a.reviews.all()
            if r.reviewer_id == request.member.pk and r.outcome is not None
        }
        form = CheckinForm(initial={**(initial or {}), **reviews}, agreements=previous, solo=state.solo)
    context = {
        "form": form,
        "state": state,
        "own": own,
        "week_text": presenters.week_text(state.monday),
        "last_day": presenters.last_day_text(state),
        "solo": state.solo,
    }
    return render(request, "checkins/answer.html", context, status=400 if form.errors else 200)


def _thanks(request: MemberRequest, state: WeekState, *, revealed: bool) -> str:
    if revealed:
        return THANKS_SOLO if state.solo else THANKS_REVEALED
    waiting = [p.display_name for p in state.others_waiting(request.member)]
    return THANKS_WAITING.format(
        names=listed(waiting) or "the other parents",
        verb="has" if len(waiting) == 1 else "have",
        last_day=presenters.last_day_text(state),
    )


@parent_required
@require_POST
def agreement_add(request: MemberRequest) -> HttpResponse:
    """Added from the check-in page; a problem re-renders that page with the error and the text kept."""
    now = timezone.now()
    state = selectors.current_state(household=request.household, now=now)
    form = AgreementForm(request.POST, solo=state.solo)
    if form.is_valid():
        try:
            services.add_agreement(member=request.member, text=form.cleaned_data["text"])
        except ValidationError as error:
            form.add_error("text", error.messages)
        else:
            messages.success(request, PLAN_ADDED if state.solo else AGREEMENT_ADDED)
            return redirect("checkins:home")
    context = _page_context(request, state, now)
    context["agreement_form"] = form
    return render(request, "checkins/home.html", context, status=400)


@parent_required
def agreement_edit(request: MemberRequest, agreement_id: int) -> HttpResponse:
    agreement = selectors.get_agreement_for_member(member=request.member, agreement_id=agreement_id)
    if request.method == "POST":
        form = AgreementForm(request.POST)
        if form.is_valid():
            try:
                services.change_agreement(
                    member=request.member, agreement=agreement, text=form.cleaned_data["text"]
                )
            except ValidationError as error:
                form.add_error(None, error.messages)
            else:
                messages.success(request, AGREEMENT_CHANGED)
                return redirect("checkins:home")
    else:
        form = AgreementForm(initial={"text": agreement.text})
    return render(
        request,
        "checkins/agreement_form.html",
        {"form": form, "agreement": agreement},
        status=400 if form.errors else 200,
    )


@parent_required
@require_POST
def agreement_delete(request: MemberRequest, agreement_id: int) -> HttpResponse:
    agreement = selectors.get_agreement_for_member(member=request.member, agreement_id=agreement_id)
    try:
        services.delete_agreement(member=request.member, agreement=agreement)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, AGREEMENT_DELETED)
    return redirect("checkins:home")


@parent_required
def checkin_settings(request: MemberRequest) -> HttpResponse:
    if request.method == "POST":
        form = SettingsForm(request.POST)
        if form.is_valid():
            saved = services.set_checkin_day(member=request.member, day=form.cleaned_data["day"])
            messages.success(request, DAY_SAVED.format(day=saved.get_day_display()))
            return redirect("checkins:home")
    else:
        form = SettingsForm(initial={"day": selectors.checkin_day_of(request.household)})
    return render(request, "checkins/settings.html", {"form": form}, status=400 if form.errors else 200)


def _rating_svg(rated: list[Rated], subject: str, title: str, people: list[tuple[int, str]]) -> SafeString:
    def draw(frame: Frame) -> SafeString:
        return line_chart_svg(
            rating_chart(rated, subject, people, frame),
            title_id=f"trend-{subject}-title",
            title=f"{title}, 0 to 10, per parent per week; the table below has the same figures.",
        )

    return both_widths(draw)


@parent_required
def history(request: MemberRequest) -> HttpResponse:
    """Past revealed weeks, and the ratings over them as charts with a table as their text equivalent."""
    now = timezone.now()
    states = selectors.revealed_weeks(household=request.household, now=now, limit=TREND_WEEKS)
    rated = [
        Rated(s.monday, c.member_id, c.member.display_name, a.fairness, a.sleep, a.mood, a.connection)
        for s in states
        for c in s.answers
        if (a := c.opened) is not None
    ]
    sealed = [
        f"{presenters.week_text(s.monday)}: {presenters.sealed_note(c.member.display_name)}"
        for s in states
        for c in s.answers
        if c.opened is None
    ]
    people = list(dict.fromkeys((r.member_id, r.name) for r in sorted(rated, key=lambda r: r.member_id)))
    # Titles follow the household as it is now: a lone parent's ratings are about the help around them.
    titles = SOLO_TITLES if len(selectors.current_parents(request.household)) == 1 else TITLES
    charts = [
        {"title": title, "svg": _rating_svg(rated, subject, title, people)}
        for subject, title in titles.items()
    ]
    context = {
        "weeks": [(iso_week(s.monday), presenters.week_text(s.monday)) for s in states],
        "charts": charts if rated else [],
        "rows": trend_rows(rated),
        "people": people,
        "titles": titles.values(),
        "sealed": sealed,
        "solo": titles is SOLO_TITLES,
    }
    return render(request, "checkins/history.html", context)
