"""Debian's Chromium, as the browser tests and the browser benchmark launch it.

Playwright's own browser download is not used. The switches keep the browser from calling Google's services
in the background, so the only traffic is the app's.
"""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
