"""Nothing from wellbeing is registered with the admin site, on purpose.

A screening's answers and result belong to the parent who took it (DESIGN.md, "Privacy tiers"): not to a
server admin. Even sealed, a Screening row shows who took which questionnaire when, and a ModelAdmin is one
`readonly_fields` away from showing the answers. Concerns are just as private. Support questions are
answered without opening anyone's results.
"""
