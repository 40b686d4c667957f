"""The API's key check: knox's, with a message that says what to do and a note of when a key was used."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.plumbing import build_bearer_security_scheme_object
from knox.auth import TokenAuthentication
from knox.signals import token_expired
from rest_framework import exceptions

from twofold.accounts.models import AppKey

KEY_REFUSED = (
    "This key doesn't open Twofold any more: it expired, was revoked, or ended when the password changed. "
    "Make a new one under Your account, Apps and devices, or from POST /api/v1/auth/token/."
)

# "Last used" is for a person deciding what to revoke: to the hour is enough, and saves a write per request.
LAST_USED_STEP = dt.timedelta(hours=1)


class AppKeyAuthentication(TokenAuthentication):
    """`Authorization: Token <key>`, the header Baby Buddy-style clients already send."""

    def authenticate_credentials(self, token: bytes) -> tuple[Any, AppKey]:
        try:
            user, key = super().authenticate_credentials(token)  # type: ignore[no-untyped-call]
        except exceptions.AuthenticationFailed as refused:
            raise exceptions.AuthenticationFailed(KEY_REFUSED) from refused
        now = timezone.now()
        if key.last_used is None or now - key.last_used >= LAST_USED_STEP:
            AppKey.objects.filter(pk=key.pk).update(last_used=now)
            key.last_used = now
        return user, key

    def _cleanup_token(self, auth_token: AppKey) -> bool:
        """Whether this key has expired (and is gone). Knox also sweeps the user's other expired keys here, a
        query on every request; that sweep runs only when the key's last use is noted (at most hourly)."""
        now = timezone.now()
        if auth_token.last_used is None or now - auth_token.last_used >= LAST_USED_STEP:
            swept: bool = super()._cleanup_token(auth_token)
            return swept
        if auth_token.expiry is not None and auth_token.expiry < now:
            username = auth_token.user.get_username()
            auth_token.delete()
            token_expired.send(sender=type(self), username=username, source="auth_token")
            return True
        return False


class AppKeyScheme(OpenApiAuthenticationExtension):  # type: ignore[no-untyped-call]
    """How the OpenAPI schema describes the key (registered by being defined): the `Token` header."""

    target_class = AppKeyAuthentication
    name = "tokenAuth"

    def get_security_definition(self, auto_schema: Any) -> dict[str, Any]:
        definition: dict[str, Any] = build_bearer_security_scheme_object(
            header_name="Authorization",
            token_prefix="Token",  # noqa: S106 (the header's word)
        )
        return definition
