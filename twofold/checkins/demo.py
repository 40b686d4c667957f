"""What the checkins app adds to the demo household: three past weeks of revealed check-ins for Alex and
Sam, in which Sam's estimate of his night share runs well above what the log shows, agreements with how
they went, and last week's agreements waiting to be reviewed. The check-in open now is left unanswered, so
the demo parents can answer it. Bulk-inserted: a handful of rows."""

from __future__ import annotations

import datetime as dt

from twofold.checkins.models import Agreement, AgreementReview, Checkin, Outcome, Weekday
from twofold.checkins.schedule import current_window, monday_of, window
from twofold.households.models import Child, Member

PAST_WEEKS = 3
# Per past week, oldest first: (care %, night %, fairness, sleep, mood, connection, appreciated, needed).
ALEX_ANSWERS = (
    (80, 90, 3, 2, 4, 4, "You took Robin out on Saturday morning so I could sleep.", "A night off."),
    (
        75,
        85,
        4,
        3,
        5,
        5,
        "The bath every evening: Robin loves it.",
        "Two nights a week when I sleep through.",
    ),
    (
        75,
        80,
        5,
        3,
        5,
        6,
        "You noticed I was exhausted and took over without being asked.",
        "A walk together.",
    ),
)
SAM_ANSWERS = (
    (40, 40, 7, 6, 6, 6, "How calm you are with Robin at 3 a.m.", "To know what I can take over."),
    (45, 45, 7, 6, 6, 6, "You showed me how Robin likes to be held.", "Time for the two of us."),
    (45, 50, 6, 5, 6, 7, "Thank you for trusting me with the nights.", "To get better at settling Robin."),
)
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


def add_to_demo(*, members: dict[str, Member], children: list[Child], now: dt.datetime) -> None:
    alex, sam = members["alex"], members["sam"]
    household = alex.household
    zone = household.zone
    current = current_window(now, Weekday.SUNDAY, zone).monday
    first_log_week = monday_of(min(c.birth_date for c in children)) if children else current
    weeks = [current - dt.timedelta(weeks=back) for back in range(PAST_WEEKS, 0, -1)]
    weeks = [w for w in weeks if w >= first_log_week]
    offset = PAST_WEEKS - len(weeks)
    checkins, agreements = [], []
    for i, monday in enumerate(weeks):
        opened = window(monday, Weekday.SUNDAY, zone).opens_at
        for member, answers, hours in ((alex, ALEX_ANSWERS, 19), (sam, SAM_ANSWERS, 21)):
            care, night, fairness, sleep, mood, connection, appreciated, needed = answers[offset + i]
            at = opened + dt.timedelta(hours=hours)
            checkins.append(
                Checkin(
                    household=household,
                    member=member,
                    week=monday,
                    care_share=care,
                    night_share=night,
                    fairness=fairness,
                    sleep=sleep,
                    mood=mood,
                    connection=connection,
                    appreciated=appreciated,
                    needed=needed,
                    answered_at=at,
                    changed_at=at,
                    revealed_at=opened + dt.timedelta(hours=21),
                    read_at=opened + dt.timedelta(hours=22),
                )
            )
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
                reviews.append(AgreementReview(agreement=agreement, reviewer=members[who], outcome=outcome))
    AgreementReview.objects.bulk_create(reviews)
