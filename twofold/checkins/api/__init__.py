"""Check-ins over the API, with the same privacy as the pages.

A parent reads their own answers and, once a week is revealed, the other parents'; an unrevealed answer
of another parent is a 404, exactly as if it did not exist. Helpers and former members see nothing (an
empty list, 404 on ids); another household's ids are 404. Writes go through checkins.services, whose
ValidationErrors become 400s with field messages.
"""
