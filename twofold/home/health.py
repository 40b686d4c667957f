"""`/healthz`: can this instance serve? For a load balancer or monitor; says nothing of any household."""

from __future__ import annotations

import logging

from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from twofold.sealing import keyring

OK = "ok"
FAILED = "failed"

logger = logging.getLogger(__name__)


def check_database() -> bool:
    """The database answers a query."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            row = cursor.fetchone()
    except DatabaseError:
        logger.warning("Health check: the database does not answer.", exc_info=True)
        return False
    return bool(row and row[0] == 1)


def check_keys() -> bool:
    """The keys that seal screenings are configured and readable as Fernet keys."""
    try:
        keyring()
    except ImproperlyConfigured:
        logger.warning("Health check: the sealing keys are missing or unreadable.", exc_info=True)
        return False
    return True


@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """200 and every check "ok", or 503 naming the check that failed. No login; no household data."""
    checks = {"database": check_database(), "keys": check_keys()}
    response = JsonResponse(
        {name: OK if passed else FAILED for name, passed in checks.items()},
        status=200 if all(checks.values()) else 503,
    )
    add_never_cache_headers(response)
    return response
