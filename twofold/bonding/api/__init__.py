"""Bonding over the API: plans and today's suggestion, the one-tap response, the settling trend, crying
against the norms with the colic checks, and the red flags and coping card.

Plans, trends and crying are for parents (helpers and other households get 404, as on the pages); the red
flags and the coping card are for every member. Errors are 400 with field messages (api/errors.py).
"""
