"""What Twofold can remind a member of, in the parents' words, and which of it is about the baby."""

from __future__ import annotations

from enum import StrEnum


class Topic(StrEnum):
    FEED = "feed"
    MEDICINE = "medicine"
    TIMER = "timer"
    SHIFT = "shift"
    CHECKIN = "checkin"
    SCREENING = "screening"


LABELS: dict[Topic, str] = {
    Topic.FEED: "A feed is due",
    Topic.MEDICINE: "The next dose of a medicine is allowed",
    Topic.TIMER: "A timer has been running longer than usual",
    Topic.SHIFT: "My night shift starts or ends",
    Topic.CHECKIN: "The weekly check-in opens, and is ready to read",
    Topic.SCREENING: "Twofold has something for me (about my own wellbeing)",
}

# Reminders about the baby: at night they go only to whoever is on duty (routing.py).
BABY = frozenset({Topic.FEED, Topic.MEDICINE, Topic.TIMER})

# Not about the night at all: never sent inside the night window, whoever is awake.
DAYTIME = frozenset({Topic.CHECKIN, Topic.SCREENING})

# On unless a member turns them off. Feeds are off by default: a household that feeds on cue does not want a
# clock telling it when, and a learned interval is only a rough guide.
DEFAULT_ON = frozenset({Topic.MEDICINE, Topic.TIMER, Topic.SHIFT, Topic.CHECKIN, Topic.SCREENING})
