from __future__ import annotations

from django.conf import settings
from django.db import models


class PushDevice(models.Model):
    """A browser on one of a person's devices that allowed Twofold's notifications (a Push API subscription).

    It belongs to the account, not to a household: a phone is a person's, and a reminder for any of their
    households reaches it. The endpoint is the push service's address for this browser, unique: a browser
    that allows notifications again for another account moves to that account.
    """

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="push_devices")
    name = models.CharField(max_length=80, help_text="Which device, in words, from its browser.")
    endpoint = models.URLField(max_length=1000, unique=True)
    p256dh = models.CharField(max_length=100, help_text="The browser's public key (URL-safe base64).")
    auth = models.CharField(max_length=40, help_text="The browser's auth secret (URL-safe base64).")
    created_at = models.DateTimeField(auto_now_add=True)
    last_reached_at = models.DateTimeField(null=True, blank=True)
    last_problem = models.CharField(
        max_length=200, blank=True, help_text="Why the last push did not reach it; blank once one does."
    )

    class Meta:
        ordering = ["created_at", "pk"]

    def __str__(self) -> str:
        return self.name
