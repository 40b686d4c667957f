"""Time from a tap on Quick log to "saved" on the server, in a real Chromium, as a ratio to a bare page.

Usage: `make bench` (or `.venv/bin/python benchmarks/tap.py [--rounds 40]`). Serves a fresh SQLite database
with a 4-week demo on a free local port, logs in as the demo's Alex, warms Quick log, then times, round-robin:
- tap: a one-tap nappy as the page makes it (fresh client_id and tap time) put in the outbox (IndexedDB)
  and sent, until the server's answer is read: what a parent waits for before "saved";
- bare: fetching the account page, a minimal logged-in page, through the same browser.
Prints the medians and the ratio. Only loopback traffic; the server stops at the end.
"""

from __future__ import annotations

import argparse
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from playwright.sync_api import sync_playwright

from twofold.browser_tests.chromium import CHROMIUM, CHROMIUM_ARGS

TWOFOLD = Path(sys.executable).parent / "twofold"

TAP = """async () => {
  const form = document.querySelector("form[data-log] button[data-nappy='wet']").form;
  const data = new FormData(form);
  data.set("client_id", TwofoldOutbox.uuid());
  data.set("tapped_at", new Date().toISOString());
  const fields = [];
  data.forEach((value, name) => fields.push([name, value]));
  const started = performance.now();
  const item = {url: form.action, fields: fields, label: "bench", tappedAt: new Date().toISOString()};
  await TwofoldOutbox.add(item);
  const results = await TwofoldOutbox.flush();
  const last = results[results.length - 1];
  if (!last || last.result.outcome !== "sent") { throw new Error("not sent"); }
  return performance.now() - started;
}"""
BARE = """async () => {
  const started = performance.now();
  const response = await fetch("/account/", {credentials: "same-origin"});
  await response.text();
  if (!response.ok) { throw new Error("bare page " + response.status); }
  return performance.now() - started;
}"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def serve(data_dir: str, port: int) -> subprocess.Popen[bytes]:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env |= {"TWOFOLD_DEBUG": "true", "TWOFOLD_DATA_DIR": data_dir, "TWOFOLD_LOGIN_THROTTLING": "false"}
    for command in (["migrate", "--no-input"], ["demo", "--weeks", "4"]):
        subprocess.run([str(TWOFOLD), *command], env=env, check=True, capture_output=True)  # noqa: S603
    server = subprocess.Popen(  # noqa: S603 (our own script, fixed arguments)
        [str(TWOFOLD), "runserver", "--noreload", f"127.0.0.1:{port}"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/account/login/", timeout=1)  # noqa: S310
            return server
        except OSError:
            time.sleep(0.2)
    server.terminate()
    raise SystemExit("the server did not start")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=40)
    args = parser.parse_args()
    port = free_port()
    server = serve(tempfile.mkdtemp(prefix="twofold-tap-"), port)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(base_url=f"http://localhost:{port}")
            page.goto("/account/login/")
            page.get_by_label("Email").fill("alex@demo.twofold")
            page.get_by_label("Password").fill("twofold-demo")
            page.get_by_role("button", name="Log in").click()
            page.goto("/log/")
            page.wait_for_function("window.TwofoldOutbox !== undefined")
            for _ in range(5):  # warm: the first sends open IndexedDB and the connection
                page.evaluate(TAP)
                page.evaluate(BARE)
            taps, bares = [], []
            for _ in range(args.rounds):
                taps.append(page.evaluate(TAP))
                bares.append(page.evaluate(BARE))
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    tap, bare = statistics.median(taps), statistics.median(bares)
    print(f"tap to saved (outbox + POST + answer): median {tap:.1f} ms over {args.rounds} rounds")
    print(f"bare page (GET /account/):             median {bare:.1f} ms")
    print(f"ratio: {tap / bare:.2f}x")


if __name__ == "__main__":
    main()
