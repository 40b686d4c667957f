"""A lived-in household for the erasure tests: care, mood checks, a revealed check-in and its agreements,
a concern, night preferences and a bonding plan, for both parents; and some of the same in Robin's."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import time_machine
from django.apps import apps
from django.utils.html import strip_tags

from twofold.bonding.models import BondingPlan, PlanDay
from twofold.bonding.services import start_plan
from twofold.care.models import CareEvent
from twofold.care.services import delete_care_event, log_care_event
from twofold.checkins.answers import Answers
from twofold.checkins.models import Agreement, AgreementReview, Checkin, CheckinSettings, Outcome
from twofold.checkins.services import add_agreement, review_agreement, submit_checkin
from twofold.checkins.tests.helpers import ALEX_ANSWERS, NEXT_WEEK, NOW, SAM_ANSWERS
from twofold.circle.models import HelpRequest, StandingOffer, Taking
from twofold.conftest import World, page_text
from twofold.households.services import invite
from twofold.imports.models import ImportBatch, ImportedEvent, PendingUpload, PersonChoice
from twofold.insights.models import NightRecord
from twofold.intake.models import OfferAnswered
from twofold.intake.services import keep_writing
from twofold.nights.models import AgreedNight, CalendarLink, NightPlan, NightPreference, NightSettings, Shift
from twofold.wellbeing import services as wellbeing
from twofold.wellbeing.instruments import PHQ9
from twofold.wellbeing.models import Concern, EarlierResults, Screening, SharingChoice
from twofold.wellbeing.tests.answers import answers_scoring

SAM_PRIVATE_WORDS = str(SAM_ANSWERS["appreciated"])
ALEX_PRIVATE_WORDS = str(ALEX_ANSWERS["needed"])


@dataclass
class Lived:
    sams_feed: CareEvent  # given and logged by Sam
    sams_deleted_feed: CareEvent  # Sam's, deleted (still held until purged)
    logged_by_sam_for_alex: CareEvent
    alex_feed: CareEvent
    pat_feed: CareEvent
    robins_feed: CareEvent
    sams_screening: Screening
    alex_screening: Screening


def words(response) -> str:
    """The page's text with tags dropped and white space closed up, to find a sentence however wrapped."""
    return " ".join(strip_tags(page_text(response)).split())


def take_phq9(member, scores=None) -> Screening:
    screening = wellbeing.start_screening(member=member, instrument="phq9", now=NOW)
    for item, position in answers_scoring(PHQ9, scores).items():
        wellbeing.record_answer(member=member, screening=screening, item=item, position=position)
    return wellbeing.finish_screening(member=member, screening=screening, now=NOW).screening


def _feed(world: World, member, start: dt.datetime, *, by=None, child=None) -> CareEvent:
    return log_care_event(
        member=member,
        by=by,
        child=child or world.ada,
        kind="feed",
        start=start,
        end=start + dt.timedelta(minutes=20),
        details={"method": "formula", "amount_ml": 90},
        note="took the whole bottle",
        now=NOW,
    ).event


def live_in(world: World) -> Lived:
    start = NOW - dt.timedelta(days=3)
    with time_machine.travel(NOW, tick=False):
        lived = Lived(
            sams_feed=_feed(world, world.sam, start),
            sams_deleted_feed=_feed(world, world.sam, start + dt.timedelta(hours=2)),
            logged_by_sam_for_alex=_feed(world, world.sam, start + dt.timedelta(hours=4), by=world.alex),
            alex_feed=_feed(world, world.alex, start + dt.timedelta(hours=6)),
            pat_feed=_feed(world, world.pat, start + dt.timedelta(hours=8)),
            robins_feed=_feed(world, world.robin, start, child=world.bo),
            sams_screening=take_phq9(world.sam, {1: 2, 2: 2}),
            alex_screening=take_phq9(world.alex, {1: 1}),
        )
        delete_care_event(member=world.sam, event=lived.sams_deleted_feed, now=NOW)
        submit_checkin(member=world.alex, answers=ALEX_ANSWERS, now=NOW)
        submit_checkin(member=world.sam, answers=SAM_ANSWERS, now=NOW)  # the last to answer reveals
        add_agreement(member=world.sam, text="Sam takes Saturday mornings", now=NOW)
        add_agreement(member=world.alex, text="Alex books the health visitor", now=NOW)
        wellbeing.raise_concern(member=world.alex, about=world.sam, now=NOW)
        wellbeing.set_share_future(member=world.sam, share=True)
        start_plan(member=world.sam, child=world.ada, now=NOW)
        take_phq9(world.robin)
    for member in (world.sam, world.alex):
        NightPreference.objects.create(household=member.household, member=member, work_mornings="01234")
    CalendarLink.objects.create(member=world.sam, token_hash="s" * 64)
    with time_machine.travel(NEXT_WEEK, tick=False):
        for agreement in world.alex.household.agreements.all():
            review_agreement(member=world.sam, agreement=agreement, outcome="kept", now=NEXT_WEEK)
    return lived


def furnish(member) -> None:
    """One row of each household-wide table the services above leave empty: settings, a night plan with
    a shift, a remembered night, an open invitation and a day of a bonding plan."""
    household = member.household
    CheckinSettings.objects.create(household=household)
    NightSettings.objects.create(household=household)
    plan = NightPlan.objects.create(household=household, night=NOW.date(), made_by=member, feeder=member)
    Shift.objects.create(plan=plan, member=member, start=NOW, end=NOW + dt.timedelta(hours=4))
    NightRecord.objects.create(household=household, night_of=NOW.date(), rules="test", wakings=1, people={})
    invite(member=member, role="helper")
    keep_writing(author=member, text="How it is going, in my own words.")
    OfferAnswered.objects.create(member=member)
    bonding_plan = BondingPlan.objects.filter(household=household).first() or start_plan(
        member=member, child=household.children.first(), now=NOW
    )
    PlanDay.objects.create(plan=bonding_plan, day=NOW.date(), activity="bath", status="skipped")
    SharingChoice.objects.get_or_create(member=member)
    EarlierResults.objects.create(sharer=member, joiner=member, joined_at=member.joined_at, show=False)
    CalendarLink.objects.get_or_create(member=member, defaults={"token_hash": f"{member.pk:064d}"})
    NightPreference.objects.get_or_create(household=household, member=member)
    Concern.objects.create(household=household, raised_by=member, about=member)
    checkin = Checkin(household=household, member=member, week=dt.date(2026, 11, 9))
    checkin.seal(Answers(1, 1, 1, 1, 1, 1, "", ""))
    checkin.save()
    agreement = Agreement.objects.create(
        household=household, author=member, week=dt.date(2026, 11, 9), text="x"
    )
    review = AgreementReview(agreement=agreement, reviewer=member)
    review.seal(Outcome.KEPT)
    review.save()
    # reminders sits beside accounts on the top floor, so its models are looked up, not imported.
    apps.get_model("reminders", "ReminderSettings").objects.get_or_create(member=member)
    apps.get_model("reminders", "FeedInterval").objects.get_or_create(
        household=household, defaults={"minutes": 180}
    )
    apps.get_model("reminders", "Notification").objects.create(
        household=household, member=member, topic="feed", key="k", title="t", body="b", url="/", tag="t"
    )
    # A Baby Buddy client's timer (twofold/babybuddy, a floor above accounts: reached through the registry).
    apps.get_model("babybuddy", "Timer").objects.create(household=household, member=member, name="Feed")
    # The support circle: a request taken and a standing offer, and the night it agreed with the planner.
    asked = HelpRequest.objects.create(
        household=household, kind="night", starts=NOW, ends=NOW + dt.timedelta(hours=8), asked_by=member
    )
    Taking.objects.create(request=asked, member=member)
    StandingOffer.objects.create(household=household, member=member, kind="meal", words="Soup")
    AgreedNight.objects.create(
        household=household, night=NOW.date(), member=member, start=NOW, end=NOW + dt.timedelta(hours=8)
    )
    _furnish_imports(member)


def _furnish_imports(member) -> None:
    """An import (linked to one of the household's events), a remembered name and an upload waiting."""
    household = member.household
    batch = ImportBatch.objects.create(household=household, by=member, source="nara", filename="export.csv")
    ImportedEvent.objects.create(batch=batch, event=CareEvent.objects.filter(household=household)[0])
    PersonChoice.objects.create(household=household, source="nara", name="Sam", member=member)
    PendingUpload.objects.create(household=household, member=member, filename="export.csv", data=b"Type\n")
