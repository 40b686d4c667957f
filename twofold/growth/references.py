"""Which growth reference a child is read against, and its name as the chart shows it (EVIDENCE.md §9.2).

UK households: UK-WHO (RCPCH, 2009). Elsewhere: the WHO Child Growth Standards, which the CDC itself
recommends under 2 (MMWR 2010;59(RR-9)); over 2 a family may choose the CDC charts, labelled as such.
"""

from __future__ import annotations

UK_WHO, WHO, CDC = "uk-who", "who", "cdc"

NAMES = {
    UK_WHO: "UK-WHO growth charts (RCPCH, 2009)",
    WHO: "WHO Child Growth Standards",
    CDC: "CDC growth charts (chosen for over-2s)",
}

CDC_FROM_YEARS = 2.0


def reference_for(country: str, age_years: float, asked: str = "") -> str:
    if country == "GB":
        return UK_WHO
    if asked == CDC and age_years >= CDC_FROM_YEARS:
        return CDC
    return WHO


def choices_for(country: str, age_years: float) -> tuple[str, ...]:
    """The references a family may switch between: only outside the UK and over 2 is there a choice."""
    if country == "GB":
        return (UK_WHO,)
    return (WHO, CDC) if age_years >= CDC_FROM_YEARS else (WHO,)
