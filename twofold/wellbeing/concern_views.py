"""“I'm worried about you”: a parent gently prompts the other parent to a two-minute check.

The parent who raises it gets guidance on starting the conversation and the country's lines; the other
parent gets an invitation on Today that says only "your partner". No page here reads a screening: what the
other parent answers is never shown to the one who was worried.
"""

from __future__ import annotations

from typing import Any, cast

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods, require_POST

from twofold.households import crisis
from twofold.households.access import MemberRequest, parent_required
from twofold.households.models import Member
from twofold.wellbeing import selectors, services

# Twofold's own words, not clinical advice: how to open a hard conversation kindly.
GUIDANCE: tuple[tuple[str, str], ...] = (
    (
        "Pick a calm moment.",
        "Not in the middle of a night feed or a disagreement: a quiet time when neither of you is rushing.",
    ),
    (
        "Say what you have noticed, and that you care.",
        "Keep it plain and kind, about what you have seen rather than what you think it means: “You have "
        "seemed worn out and quiet lately. I care about you, and I wondered how you are.”",
    ),
    (
        "Listen more than you talk.",
        "Let them take their time. You do not need the right words: being there and listening is the help.",
    ),
    (
        "Don't try to fix it in one go.",
        "One conversation is a start, not a solution. It is fine to come back to it another day.",
    ),
    (
        "Suggest a next step you can take together.",
        "A two-minute check in Twofold, or seeing the GP or health visitor together, can make the next step "
        "feel smaller.",
    ),
)

NO_OTHER_PARENT = (
    "There is no other parent in this household yet, so there is nobody to send the invitation to. If you "
    "are worried about someone, the guidance and the lines below are still here for you."
)
SENT = "Sent. {name} will see a gentle invitation on their Today."
NOT_NOW = "All right. The quick check is there whenever you want it."


class ConcernForm(forms.Form):
    about = forms.ModelChoiceField(
        queryset=Member.objects.none(),
        widget=forms.RadioSelect,
        empty_label=None,
        label="Who are you worried about?",
        error_messages={
            "required": "Choose who you are worried about.",
            "invalid_choice": "Choose the other parent in your household.",
        },
    )

    def __init__(self, *args: Any, others: list[Member], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = cast("forms.ModelChoiceField[Member]", self.fields["about"])
        field.queryset = Member.objects.filter(pk__in=[other.pk for other in others])
        if len(others) == 1:
            # One other parent: nothing to choose, so the button alone sends it.
            field.widget = forms.HiddenInput()
            field.initial = others[0].pk


def _page(request: MemberRequest, **context: Any) -> dict[str, Any]:
    return {"guidance": GUIDANCE, "lines": crisis.lines_for(request.household.country), **context}


@parent_required
@require_http_methods(["GET", "POST"])
def raise_concern(request: MemberRequest) -> HttpResponse:
    others = selectors.other_parents(member=request.member)
    form = ConcernForm(request.POST or None, others=others)
    status = 200
    if request.method == "POST":
        if not others:
            form.add_error(None, NO_OTHER_PARENT)
        elif form.is_valid():
            about: Member = form.cleaned_data["about"]
            try:
                services.raise_concern(member=request.member, about=about)
            except ValidationError as error:
                form.add_error("about", error.message_dict.get("about", error.messages))
            else:
                messages.success(request, SENT.format(name=about.display_name))
                return redirect("wellbeing_concern:sent")
        status = 400
    context = _page(
        request,
        form=form,
        others=others,
        about_name=others[0].display_name if len(others) == 1 else None,
        no_other_parent=NO_OTHER_PARENT if not others else None,
    )
    return render(request, "wellbeing/concern.html", context, status=status)


@parent_required
def sent(request: MemberRequest) -> HttpResponse:
    """After raising it: the guidance and the lines again, for when the moment comes."""
    latest = selectors.latest_concern_raised_by(member=request.member)
    if latest is None:
        return redirect("wellbeing_concern:start")
    # Only the name the raiser chose: never whether the invitation was seen, taken up or put aside.
    return render(request, "wellbeing/concern_sent.html", _page(request, about=latest.about))


@parent_required
@require_POST
def close_concern(request: MemberRequest, concern_id: int) -> HttpResponse:
    """ "Not now" on the invitation. Only the parent it is about can put it aside."""
    concern = selectors.get_open_concern_about(member=request.member, concern_id=concern_id)
    services.close_concern(member=request.member, concern=concern)
    messages.info(request, NOT_NOW)
    return redirect("home:today")
