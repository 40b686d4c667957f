"""Nights: a shift planner that gives each parent a protected block of sleep (issue 6).

Pure domain code only: `learn` turns the last nights of the log into a NightPattern, `planner` turns a
PlanRequest and that pattern into a Plan. No models, views or settings yet.
"""
