"""A parent's app key for api/tests/test_isolation.py: keys are a person's, so another's is a 404 too."""

from __future__ import annotations

from django.db import models

from twofold.accounts.app_keys import make_key
from twofold.households.models import Child, Member


def household_objects(*, parent: Member, other_parent: Member, child: Child) -> dict[str, models.Model]:
    key, _ = make_key(user=parent.user, name=f"{parent.display_name}'s phone", days=30)
    return {"key_id": key}
