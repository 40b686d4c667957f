"""Small typed readers for configuration from the environment; a bad value stops start-up loudly."""

from __future__ import annotations

import os

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be true or false, not {raw!r}.")


def env_int(name: str, default: int, *, minimum: int | None = None) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a whole number, not {raw!r}.") from None
    if minimum is not None and value < minimum:
        raise ImproperlyConfigured(f"{name} must be {minimum} or more, not {raw!r}.")
    return value


def env_choice(name: str, choices: tuple[str, ...], default: str, unset_means: str = "") -> str:
    """One of `choices`, or `default` when unset or empty. `unset_means` says what leaving it unset does, for
    the message when the value is not one of the choices."""
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in choices:
        return value
    allowed = ", ".join(choices[:-1]) + f" or {choices[-1]}"
    unset = f" (or leave it unset: {unset_means})" if unset_means else ""
    raise ImproperlyConfigured(f"{name} must be {allowed}{unset}, not {raw!r}.")


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


MAKE_A_KEY = (
    "A valid key is a Fernet key: 32 random bytes in URL-safe base64, 44 characters ending in '='. Make one "
    'with: python -c "from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())" '
    '(docs/configuration.md, "Key rotation").'
)


def env_fernet_keys(name: str) -> list[str]:
    """Fernet keys separated by commas, newest first; any value that is not a Fernet key stops start-up.

    The message names the key by its position, never by its value, since the value is a secret."""
    from cryptography.fernet import Fernet

    keys = env_list(name, [])
    for position, key in enumerate(keys, start=1):
        try:
            Fernet(key.encode())
        except ValueError:
            raise ImproperlyConfigured(
                f"{name}: key {position} of {len(keys)} is not a Fernet key. {MAKE_A_KEY}"
            ) from None
    return keys
