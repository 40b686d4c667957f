"""Twofold's own lines for what counts as a large gap or a low rating in a check-in.

These are not clinical cut-offs and no study gives them: they only decide which prompts the talk guide
offers first, and the page says so. The reason for comparing estimates with the log at all is in
shared/product/EVIDENCE.md §5.3 (each partner overestimates their own share; time diaries show what
surveys hide).
"""

from __future__ import annotations

# Percentage points between a parent's estimate of their share and what the log shows.
LARGE_SHARE_GAP = 15
# Points between the highest and lowest rating the parents gave the same question (0-10 scale).
LARGE_RATING_SPREAD = 3
# A rating at or under this (0-10) is a low one.
LOW_RATING = 4
SOURCE = (
    "Twofold's own thresholds, not clinical cut-offs: a gap of 15 percentage points or more between an "
    "estimate and the log, ratings 3 or more points apart, or a rating of 4 or under, puts that subject "
    "first in the guide."
)
NO_GAPS = (
    "Nothing here passes those thresholds this week: your estimates are close to the log and no rating is "
    "low. The table above has every answer."
)
GAP_ORDER = (
    "Only what passes a threshold is listed, the furthest past its own threshold first (a 30-point share "
    "gap and a 6-point rating spread are each twice theirs)."
)
