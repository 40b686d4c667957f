"""`twofold serve` runs gunicorn: started on a free port, it answers /healthz over real HTTP, and stops."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from twofold.home.server import gunicorn_options

STARTUP_SECONDS = 30
STOP_SECONDS = 15


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def get_healthz(url: str) -> tuple[int, dict[str, str]] | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:  # noqa: S310 (our own local server)
            return response.status, json.loads(response.read())
    except (urllib.error.URLError, ConnectionError):
        return None


def test_serve_answers_healthz_over_http_and_stops(run_twofold, migrated_data_dir, tmp_path):
    # run_twofold marks this test as one that runs the script; migrated_data_dir holds a migrated database.
    port = free_port()
    env = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "TWOFOLD_DEBUG"}}
    env |= {
        "TWOFOLD_DATA_DIR": str(tmp_path),
        "TWOFOLD_SERVE_BIND": f"127.0.0.1:{port}",
        "TWOFOLD_SERVE_WORKERS": "1",
        "TWOFOLD_SERVE_THREADS": "2",
    }
    server = subprocess.Popen(  # noqa: S603 (our own script)
        [str(Path(sys.executable).parent / "twofold"), "serve"],
        env=env,
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        answer = None
        deadline = time.monotonic() + STARTUP_SECONDS
        while answer is None and time.monotonic() < deadline and server.poll() is None:
            time.sleep(0.2)
            answer = get_healthz(f"http://127.0.0.1:{port}/healthz")
        assert answer == (200, {"database": "ok", "keys": "ok"})
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            output, _ = server.communicate(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            server.kill()
            output, _ = server.communicate()
    assert server.returncode == 0, output
    assert "gthread" in output  # gunicorn's own start-up lines, so it really was gunicorn


def test_bad_worker_count_is_a_message_not_a_traceback(run_twofold):
    result = run_twofold("serve", "--workers", "0")
    assert result.returncode != 0
    assert "--workers must be at least 1" in result.stderr
    assert "Traceback" not in result.stderr


def test_options_use_threaded_workers_without_an_access_log():
    options = gunicorn_options(bind="127.0.0.1:8000", workers=2, threads=4)
    assert options["worker_class"] == "gthread"
    assert (options["workers"], options["threads"]) == (2, 4)
    assert options["accesslog"] is None
