"""A hook: how a lower floor asks what only a higher floor knows, without importing it.

The lower app declares the hook with the answer it gives alone (as if the higher app were not installed);
the top floor registers the real provider in its AppConfig.ready() (architecture.md, "The floors").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Generic, TypeVar

Provider = TypeVar("Provider", bound=Callable[..., Any])


class Hook(Generic[Provider]):
    def __init__(self, alone: Provider) -> None:
        self.ask: Provider = alone

    def register(self, provider: Provider) -> Provider:
        """Make `provider` answer; returns the one it replaces (so a test can put it back)."""
        previous, self.ask = self.ask, provider
        return previous
