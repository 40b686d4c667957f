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
    CIRCLE_ASK = "circle_ask"
    CIRCLE_NIGHT = "circle_night"
    CIRCLE_DROP = "circle_drop"


LABELS: dict[Topic, str] = {
    Topic.FEED: "A feed is due",
    Topic.MEDICINE: "The next dose of a medicine is allowed",
    Topic.TIMER: "A timer has been running longer than usual",
    Topic.SHIFT: "My night shift starts or ends",
    Topic.CHECKIN: "The weekly check-in opens, and is ready to read",
    Topic.SCREENING: "Twofold has something for me (about my own wellbeing)",
    Topic.CIRCLE_ASK: "The parents ask the circle for something I offered, or ask me by name",
    Topic.CIRCLE_NIGHT: "A night I took for the parents is tomorrow",
    Topic.CIRCLE_DROP: "Someone in our circle gives back a request they took",
}

# Reminders about the baby: at night they go only to whoever is on duty (routing.py).
BABY = frozenset({Topic.FEED, Topic.MEDICINE, Topic.TIMER})

# Not about the night at all: never sent inside the night window, whoever is awake. The circle's reminders
# are among them: none is worth waking someone for, and one asked at night goes out in the morning.
CIRCLE = frozenset({Topic.CIRCLE_ASK, Topic.CIRCLE_NIGHT, Topic.CIRCLE_DROP})
DAYTIME = frozenset({Topic.CHECKIN, Topic.SCREENING}) | CIRCLE

# On unless a member turns them off. Feeds are off by default: a household that feeds on cue does not want a
# clock telling it when, and a learned interval is only a rough guide.
DEFAULT_ON = frozenset({Topic.MEDICINE, Topic.TIMER, Topic.SHIFT, Topic.CHECKIN, Topic.SCREENING}) | CIRCLE
