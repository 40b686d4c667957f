"""Night planner pages: parents only, except the calendar page and feed, which every member has for their
own shifts (a helper on a night needs it as much as a parent).
"""
