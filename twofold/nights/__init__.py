"""Nights: a shift planner that gives each parent a protected block of sleep (issue 6).

Pure domain: `learn` (the last 14 nights as a NightPattern), `planner` (PlanRequest -> Plan, and `evaluate`
for shifts set by hand), `explain`, `ask` (preferences -> PlanRequest), `edits` (checks on hand-made
shifts), `against` (the plan beside the log), `calendar` (the iCalendar feed). Around them: models,
selectors (scoped reads), services (every write), pages, API, the `plan-night` command.
"""
