import pytest

from twofold.push import vapid
from twofold.push.tests.pushservice import start_push_service


@pytest.fixture(autouse=True)
def vapid_key_file(settings, tmp_path):
    """Each test makes its own VAPID key in its own data directory, as a first start does."""
    settings.TWOFOLD_VAPID_PRIVATE_KEY = ""
    settings.TWOFOLD_VAPID_KEY_FILE = tmp_path / "data" / "vapid-private-key.pem"
    vapid.signing_key.cache_clear()
    yield settings.TWOFOLD_VAPID_KEY_FILE
    vapid.signing_key.cache_clear()


@pytest.fixture
def push_service(settings):
    settings.TWOFOLD_PUSH_LOCAL_ENDPOINTS = True
    service, server = start_push_service()
    yield service
    server.shutdown()
    server.server_close()
