"""Check-in: a private weekly check-in for both parents, revealed together beside the log (issue 5)."""
