"""What the checkins app adds to the demo household: three past weeks of revealed check-ins for Alex and
Sam, in which Sam's estimate of his night share runs well above what the log shows, agreements with how
they went, and last week's agreements waiting to be reviewed. The check-in open now is left unanswered, so
the demo parents can answer it. Bulk-inserted: a handful of rows.

The shares the parents estimate are set against the log the care section stored for that week (home/demo.py
runs this section after it), so the perception gap is the same whatever day the demo is made.
"""

from __future__ import annotations

import datetime as dt
import math
from fractions import Fraction

from twofold.checkins.answers import Answers
from twofold.checkins.models import Agreement, AgreementReview, Checkin, Outcome, Weekday
from twofold.checkins.schedule import current_window, monday_of, window
from twofold.checkins.selectors import log_shares
from twofold.checkins.thresholds import LARGE_SHARE_GAP
from twofold.households.demo import DemoFamily

PAST_WEEKS = 3
# Per past week, oldest first: (fairness, sleep, mood, connection, appreciated, needed).
ALEX_ANSWERS = (
    (3, 2, 4, 4, "You took Robin out on Saturday morning so I could sleep.", "A night off."),
    (4, 3, 5, 5, "The bath every evening: Robin loves it.", "Two nights a week when I sleep through."),
    (5, 3, 5, 6, "You noticed I was exhausted and took over without being asked.", "A walk together."),
)
SAM_ANSWERS = (
    (7, 6, 6, 6, "How calm you are with Robin at 3 a.m.", "To know what I can take over."),
    (7, 6, 6, 6, "You showed me how Robin likes to be held.", "Time for the two of us."),
    (6, 5, 6, 7, "Thank you for trusting me with the nights.", "To get better at settling Robin."),
)
# Each partner overestimates their own share (EVIDENCE.md §5.3): percentage points each parent's estimate of
# their (care, night) share runs above the log's, per past week. Sam's night gap is always well past the
# threshold the talk guide uses, and narrows a little as the weeks go by.
ALEX_OVER = ((5, 5), (5, 0), (0, 0))
SAM_OVER = ((20, LARGE_SHARE_GAP + 20), (15, LARGE_SHARE_GAP + 15), (15, LARGE_SHARE_GAP + 10))
# What each parent would say for a week the log has nothing for (care, night).
ALEX_USUAL, SAM_USUAL = (75, 85), (45, 45)
AGREEMENTS = (
    (("sam", "I do the bath every evening."),),
    (("sam", "I take the 2 a.m. feed on Monday, Wednesday and Friday."),),
    (
        ("sam", "I take the 2 a.m. feed on Monday, Wednesday and Friday, with an alarm set."),
        ("alex", "I go to bed by 10 on the nights Sam is on."),
    ),
)
# How each parent said the previous week's agreements went (none yet for the last week's).
REVIEWS = ({"alex": Outcome.KEPT, "sam": Outcome.KEPT}, {"alex": Outcome.PARTLY, "sam": Outcome.KEPT})


def estimate(share: Fraction | None, *, over: int, usual: int) -> int:
    """A parent's estimate of a share: `over` points above the log's, rounded up to a multiple of five as
    people answer, or their usual answer when the log has nothing."""
    if share is None:
        return usual
    return min(100, 5 * math.ceil((float(share) * 100 + over) / 5))


def add_to_demo(family: DemoFamily) -> None:
    members, children, now = family.members, family.children, family.now
    alex, sam = members["alex"], members["sam"]
    household = family.household
    zone = household.zone
    current = current_window(now, Weekday.SUNDAY, zone).monday
    first_log_week = monday_of(min(c.birth_date for c in children)) if children else current
    weeks = [current - dt.timedelta(weeks=back) for back in range(PAST_WEEKS, 0, -1)]
    weeks = [w for w in weeks if w >= first_log_week]
    offset = PAST_WEEKS - len(weeks)
    # Who, what they answered, how far above the log they put their shares, and at what hour they answered.
    parents = ((alex, ALEX_ANSWERS, ALEX_OVER, ALEX_USUAL, 19), (sam, SAM_ANSWERS, SAM_OVER, SAM_USUAL, 21))
    checkins, agreements = [], []
    for i, monday in enumerate(weeks):
        opened = window(monday, Weekday.SUNDAY, zone).opens_at
        log = log_shares(household=household, monday=monday, now=now)
        for member, answers, overs, usual, hours in parents:
            fairness, sleep, mood, connection, appreciated, needed = answers[offset + i]
            care_over, night_over = overs[offset + i]
            at = opened + dt.timedelta(hours=hours)
            checkin = Checkin(
                household=household,
                member=member,
                week=monday,
                answered_at=at,
                changed_at=at,
                revealed_at=opened + dt.timedelta(hours=21),
                read_at=opened + dt.timedelta(hours=22),
            )
            checkin.seal(
                Answers(
                    care_share=estimate((log.care or {}).get(member.pk), over=care_over, usual=usual[0]),
                    night_share=estimate((log.night or {}).get(member.pk), over=night_over, usual=usual[1]),
                    fairness=fairness,
                    sleep=sleep,
                    mood=mood,
                    connection=connection,
                    appreciated=appreciated,
                    needed=needed,
                )
            )
            checkins.append(checkin)
        for who, text in AGREEMENTS[offset + i]:
            at = opened + dt.timedelta(hours=22)
            agreements.append(
                Agreement(
                    household=household,
                    author=members[who],
                    week=monday,
                    text=text,
                    created_at=at,
                    changed_at=at,
                )
            )
    Checkin.objects.bulk_create(checkins)
    stored = Agreement.objects.bulk_create(agreements)
    reviews = []
    for agreement in stored:
        index = weeks.index(agreement.week) + offset
        if index < len(REVIEWS) and agreement.week + dt.timedelta(weeks=1) in weeks:
            for who, outcome in REVIEWS[index].items():
                review = AgreementReview(agreement=agreement, reviewer=members[who])
                review.seal(outcome)
                reviews.append(review)
    AgreementReview.objects.bulk_create(reviews)
