"""What households tell the floors above, which households may not import (the audit trail records it)."""

from __future__ import annotations

from django.dispatch import Signal

# Sent inside the removal's transaction with member= (the one removed) and by= (the parent who removed them).
member_removed = Signal()
