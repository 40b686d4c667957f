"""How often the token endpoint may be asked: per address and per account, whatever the answer.

Login throttling (django-axes) locks an account after repeated wrong passwords; these limits also slow
someone trying one password across many accounts, or a script asking for a new key in a loop. Counts are
kept in Django's cache, per server process.
"""

from __future__ import annotations

from typing import Any

from axes.helpers import get_client_ip_address
from rest_framework.request import Request
from rest_framework.throttling import SimpleRateThrottle

from twofold.accounts.services import normalise_email

PER_ADDRESS = "10/min"
PER_EMAIL = "5/min"


class KeyRequestsByAddress(SimpleRateThrottle):
    scope = "token_address"
    rate = PER_ADDRESS

    def get_cache_key(self, request: Request, view: Any) -> str:
        # The address axes locks on, so the two agree on who is asking.
        return self.cache_format % {"scope": self.scope, "ident": get_client_ip_address(request) or "unknown"}


class KeyRequestsByEmail(SimpleRateThrottle):
    scope = "token_email"
    rate = PER_EMAIL

    def get_cache_key(self, request: Request, view: Any) -> str | None:
        data = request.data
        email = data.get("email") or data.get("username") if hasattr(data, "get") else None
        if not isinstance(email, str) or not email.strip():
            return None  # refused for the missing field; the address limit still counts it
        return self.cache_format % {"scope": self.scope, "ident": normalise_email(email)}
