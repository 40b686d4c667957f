"""App keys: what an app or device signs in to the API with.

django-rest-knox keeps only a hash of each key (the key itself is shown once, when made), finds a key by
its first characters and checks its hash, and ends a key once it has expired. Twofold's model adds what a
person needs to recognise and revoke one: a name and when it was last used.
"""

from __future__ import annotations

from django.db import models
from knox.models import AbstractAuthToken
from knox.settings import CONSTANTS


class AppKey(AbstractAuthToken):
    # knox's primary key is the digest; an ordinary id lets pages and the API name a key without it.
    id = models.BigAutoField(primary_key=True)
    digest = models.CharField(max_length=CONSTANTS.DIGEST_LENGTH, unique=True)
    name = models.CharField(max_length=80, help_text="The app or device, in the owner's words.")
    last_used = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created", "-id"]
        verbose_name = "app key"

    def __str__(self) -> str:
        return f"{self.name} ({self.user_id})"

    @property
    def never_expires(self) -> bool:
        return self.expiry is None
