"""The summary's sentences, said once for the page and for the PDF, so both say the same."""

from __future__ import annotations

FROM_TWOFOLD = "Summary for a health visit, from Twofold"
DAY_IS = "A day is midnight to midnight; what was not logged is not here."
DAY_HEADINGS = (
    "Day",
    "Feeds",
    "Bottles",
    "Breast",
    "Wet",
    "Dirty",
    "Sleep",
    "Longest sleep",
    "Crying",
    "Typical crying at this age",
)
TYPICAL_CRYING = (
    "Typical crying: average minutes of fussing and crying a day in diary studies ({source}); babies vary "
    "a lot around them. * An estimate between the published weeks. After 12 weeks crying usually keeps "
    "falling, and no figure is published."
)
NOTHING_LOGGED = "No feeds, nappies, sleep or crying were logged for {name} in these days."
GROWTH_HEADING = "Weight, length and head"
GROWTH_HEADINGS = ("Date", "Age", "Measurement", "Value", "Centile", "SDS")
NO_MEASUREMENT = "No weight, length or head circumference logged in these days."
NEEDS_SEX = "Centiles need {name}’s sex, used for the charts only: a parent can add it in {name}’s details."
CENTILE_IS = (
    "Centile lines from the 0.4th to the 99.6th; a centile is where a measurement sits among children of the "
    "same age and sex, not a score."
)
CHART_SHOWS = (
    "The chart shows every weight logged up to {last}. SDS: standard deviations from the 50th centile line."
)
NONE_LOGGED = "None logged."
ADDED = "Added by the parents"
