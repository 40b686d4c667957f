"""The numbers behind the night planner. Each is Twofold's own choice, not a clinical cut-off.

Source: shared/product/EVIDENCE.md, "Decisions for the product", Nights and sleep (§4), and §4.3 (safe sleep).
"""

from __future__ import annotations

import datetime as dt

# §4: "the planner's default protected-block target is 5 hours, adjustable" (Twofold's own).
DEFAULT_TARGET = dt.timedelta(hours=5)
# Twofold's own choice: the planner learns from the last two weeks, long enough to smooth one bad night,
# short enough to follow a baby whose nights change from week to week.
LEARN_NIGHTS = 14
# Twofold's own choices for the search, not from the evidence: handovers fall on the quarter hour, and a
# night has at most three shifts, because each handover wakes someone.
GRID = dt.timedelta(minutes=15)
MAX_SHIFTS = 3
# Twofold's own choice: a breastfeeding parent's stretch counts as protected while the pattern expects
# less than half a feed in it (more likely than not, no feed falls there).
FEED_FREE = 0.5

# §4: "No trial of protected-sleep shift plans exists: present plans as sensible and low-risk, never as
# proven." §4.3: never suggest bed-sharing or sofa sleep.
NOT_PROVEN = (
    "This is a sensible, low-risk way to share the night, not a proven one: no trial has tested shift "
    "plans like this."
)
SAFE_SLEEP = "After every waking the baby goes back on their back in their own cot or Moses basket."
