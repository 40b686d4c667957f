"""The production server: gunicorn serving Twofold's WSGI application, configured from the settings."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from gunicorn.app.base import BaseApplication


def gunicorn_options(*, bind: str, workers: int, threads: int) -> dict[str, Any]:
    """gunicorn's settings for Twofold: threaded workers, errors to standard error, no access log."""
    return {
        "bind": bind,
        "workers": workers,
        "threads": threads,
        # gthread: each worker serves `threads` requests at once; the sync worker would serve one.
        "worker_class": "gthread",
        # Longer than SQLite's 20-second busy timeout, so a writer waiting its turn is not killed.
        "timeout": 30,
        "errorlog": "-",
        # No access log: request lines carry invitation and calendar-feed tokens, which must not be kept.
        "accesslog": None,
        # gunicorn's control socket sits at one path in the home directory, shared by every instance run by
        # that user; Twofold is stopped and restarted by signals, so it is not needed.
        "control_socket_disable": True,
    }


class TwofoldServer(BaseApplication):  # type: ignore[misc]  # gunicorn ships no type information
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for name, value in self.options.items():
            self.cfg.set(name, value)

    def load(self) -> Callable[..., Any]:
        from twofold.wsgi import application

        return application


def serve(*, bind: str, workers: int, threads: int) -> None:
    """Serve until stopped (SIGTERM or SIGINT)."""
    TwofoldServer(gunicorn_options(bind=bind, workers=workers, threads=threads)).run()
