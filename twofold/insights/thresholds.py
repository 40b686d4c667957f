"""The numbers behind the Us page. Each is Twofold's own threshold, not a clinical cut-off.

Source: shared/product/EVIDENCE.md, "Decisions for the product", Nights and sleep (§4): a waking costs the
parent who handles it the event's time plus a 15-minute resettling allowance (mothers in Insana 2014 spent
about 35 minutes awake per waking); the sleep warning fires when a parent's longest block stays under 4 hours
for 3 nights running. Adults need 7 hours or more; for new parents the broken-ness matters more than the
total, so the figure Twofold leads with is each parent's longest unbroken sleep opportunity.
"""

from __future__ import annotations

import datetime as dt

RESETTLE_ALLOWANCE = dt.timedelta(minutes=15)
SHORT_SLEEP = dt.timedelta(hours=4)
SHORT_SLEEP_NIGHTS = 3

# Twofold's own choice, not from the evidence: care events closer together than this are one waking
# (a feed, then a nappy change, then settling back is one time out of bed, not three).
WAKING_GAP = dt.timedelta(minutes=10)

SOURCE = (
    "These are Twofold's own thresholds, not clinical cut-offs: each waking counts the time of the care "
    "plus 15 minutes to fall back asleep (in one study, Insana and colleagues 2014, mothers were awake "
    "about 35 minutes per waking), and the sleep card appears when a parent's longest sleep stays under "
    "4 hours for 3 nights running. Adults need 7 hours or more; for new parents, how broken the sleep is "
    "matters more than the total."
)
