"""Loaded by pytest (`-p twofold.pytest_env`) before Django's settings, so tests run with DEBUG off."""

import os
import tempfile

os.environ.setdefault("TWOFOLD_SECRET_KEY", "tests-only-secret-key-not-for-production")
os.environ.setdefault("TWOFOLD_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("TWOFOLD_SECURE_COOKIES", "false")
# A fixed test-only Fernet key; real deployments set their own (docs/configuration.md, "Key rotation").
os.environ.setdefault("TWOFOLD_ENCRYPTION_KEYS", "dGVzdHMtb25seS10d29mb2xkLXNlYWxpbmcta2V5LTA=")
# The VAPID key that pages and pushes need is made on first use: in a temporary folder of this test process,
# never in the checkout's var/ (twofold/push/tests make their own in each test).
os.environ.setdefault(
    "TWOFOLD_VAPID_KEY_FILE",
    os.path.join(tempfile.gettempdir(), f"twofold-test-{os.getpid()}", "vapid-private-key.pem"),
)

# Hypothesis's per-example deadline is a timed assertion: on two busy cores it fails a correct example now
# and then. Speed is measured in benchmarks/, never asserted, so no property test has a deadline.
from hypothesis import settings  # noqa: E402

settings.register_profile("twofold", deadline=None)
settings.load_profile("twofold")
