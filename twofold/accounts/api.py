"""The API's own door: exchange an email and password for an app key, and list or revoke your keys.

Routed under /api/v1/auth/ by the project's urls.py, beside the api app's endpoints.
"""

from __future__ import annotations

from typing import Any, NoReturn

from django.contrib.auth import authenticate
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import QuerySet
from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view, inline_serializer
from rest_framework import exceptions, mixins, serializers, status
from rest_framework.fields import get_error_detail
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from twofold.accounts import app_keys
from twofold.accounts.models import AppKey
from twofold.accounts.throttles import KeyRequestsByAddress, KeyRequestsByEmail
from twofold.households.api import ScopedViewSet
from twofold.households.parsers import JSONBodyParser

WRONG_LOGIN = "That email and password don't match an account. Check them, or reset your password."
LOCKED_OUT = (
    "That password didn't match a few times in a row, so asking for a key for this account is paused for "
    "a while. Wait and try again, or reset your password: a new password lets you straight back in."
)
NEEDS_EMAIL = "Send the email address you log in with, as `email` (or `username`)."
BOTH_LIFETIMES = "Send either expires_in_days or never_expires, not both."


class AppKeySerializer(serializers.ModelSerializer[AppKey]):
    never_expires = serializers.BooleanField(read_only=True)

    class Meta:
        model = AppKey
        fields = ["id", "name", "created", "last_used", "expiry", "never_expires"]
        read_only_fields = fields


class NewKeySerializer(AppKeySerializer):
    token = serializers.CharField(read_only=True, help_text="The key itself: shown this once, never again.")

    class Meta(AppKeySerializer.Meta):
        fields = ["token", *AppKeySerializer.Meta.fields]
        read_only_fields = fields


class KeyRequestSerializer(serializers.Serializer[Any]):
    email = serializers.CharField(required=False, max_length=254, help_text="The email you log in with.")
    username = serializers.CharField(
        required=False, max_length=254, help_text="The same as `email`, for clients written for DRF tokens."
    )
    password = serializers.CharField(trim_whitespace=False, max_length=4096, style={"input_type": "password"})
    name = serializers.CharField(
        required=False, max_length=80, help_text="The app or device, e.g. “Home Assistant”."
    )
    expires_in_days = serializers.IntegerField(
        required=False,
        min_value=1,
        max_value=app_keys.LONGEST_DAYS,
        help_text="How long the key lasts. Default: 30 (the server's TWOFOLD_API_KEY_DAYS).",
    )
    never_expires = serializers.BooleanField(
        default=False, help_text="A key that lasts until revoked, for a client that cannot sign in again."
    )

    def to_internal_value(self, data: Any) -> dict[str, Any]:
        # Named beside the other missing fields, though either of two fields may carry it.
        has_email = hasattr(data, "get") and (data.get("email") or data.get("username"))
        missing = {} if has_email else {"email": [NEEDS_EMAIL]}
        try:
            values: dict[str, Any] = super().to_internal_value(data)
        except serializers.ValidationError as error:
            detail = error.detail if isinstance(error.detail, dict) else {}
            raise serializers.ValidationError({**missing, **detail}) from error
        if missing:
            raise serializers.ValidationError(missing)
        return values

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        email = attrs.get("email") or attrs.get("username") or ""
        if attrs["never_expires"] and "expires_in_days" in attrs:
            raise serializers.ValidationError({"never_expires": BOTH_LIFETIMES})
        request = self.context["request"]
        user = authenticate(request=request, username=email.strip().lower(), password=attrs["password"])
        if user is None:
            locked = getattr(request, "axes_locked_out", False)
            raise serializers.ValidationError(LOCKED_OUT if locked else WRONG_LOGIN, code="authorization")
        attrs["user"] = user
        return attrs


def _days_asked(data: dict[str, Any]) -> int | None:
    if data["never_expires"]:
        return None
    days: int = data.get("expires_in_days") or app_keys.default_days()
    return days


@extend_schema(
    summary="Get a token (an app key)",
    description=(
        "Exchange the email address and password you log in with for a new key, named for the app or "
        "device. The key is in the answer once and never shown again: only a hash of it is kept. Send it "
        "on every request as `Authorization: Token <token>`. It lasts 30 days (the server's "
        "TWOFOLD_API_KEY_DAYS) unless you ask otherwise; every key ends when the password changes. "
        "Repeated wrong passwords lock the account for a while, as on the login page, and a few requests "
        "a minute from one address or for one account are answered 429."
    ),
    request=KeyRequestSerializer,
    responses={
        200: NewKeySerializer,
        400: OpenApiResponse(description="A field is missing or the email and password don't match."),
        429: OpenApiResponse(
            inline_serializer("Throttled", {"detail": serializers.CharField()}),
            description="Too many requests: wait the seconds in Retry-After.",
        ),
    },
    tags=["auth"],
)
class ObtainToken(APIView):
    # Nobody is signed in yet; a browser's session must not make this a CSRF-checked request.
    authentication_classes = ()
    permission_classes = (AllowAny,)
    throttle_classes = (KeyRequestsByAddress, KeyRequestsByEmail)
    parser_classes = (JSONBodyParser, FormParser, MultiPartParser)

    def post(self, request: Request) -> Response:
        asked = KeyRequestSerializer(data=request.data, context={"request": request})
        asked.is_valid(raise_exception=True)
        data = asked.validated_data
        try:
            key, secret = app_keys.make_key(
                user=data["user"],
                name=data.get("name") or f"API key made {timezone.localdate():%d %b %Y}",
                days=_days_asked(data),
            )
        except DjangoValidationError as error:
            raise serializers.ValidationError(get_error_detail(error)) from error
        # The only answer that ever holds the key itself.
        return Response({"token": secret, **AppKeySerializer(key).data}, status=status.HTTP_200_OK)

    def throttled(self, request: Request, wait: float | None) -> NoReturn:
        seconds = f"{int(wait) + 1} seconds" if wait is not None else "a minute"
        raise exceptions.Throttled(
            wait, detail=f"Too many requests for a key. Wait {seconds} and try again; nothing is wrong."
        )


@extend_schema_view(
    list=extend_schema(summary="Your app keys that still work, newest first"),
    retrieve=extend_schema(summary="One of your app keys"),
    destroy=extend_schema(summary="Revoke one of your app keys (the app using it is refused from then on)"),
)
@extend_schema(tags=["auth"])
class AppKeyViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    ScopedViewSet,
):
    """Only ever the caller's own keys: anyone else's is a 404, whatever the method (ScopedViewSet's
    integer ids and 404 before 405). The key itself is never shown."""

    queryset = AppKey.objects.none()
    serializer_class = AppKeySerializer

    def get_queryset(self) -> QuerySet[AppKey]:
        return app_keys.live_keys(user=self.request.user)

    def perform_destroy(self, instance: AppKey) -> None:
        app_keys.revoke_key(user=self.request.user, key=instance)
