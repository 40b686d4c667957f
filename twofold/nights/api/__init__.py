"""The night planner over the API: plans (list, read, make with the planner, change the shifts, remove), a
week of plans, a plan set beside the log, and each member's night preferences. Parents only: helpers and
other households get 404 (helpers have their own shifts through their calendar feed and Today).
"""
