"""No key in the admin: knox registers its own token model, which shows each key's digest; AppKey is not
registered at all. A member sees and revokes their keys on "Apps and devices"."""

from django.contrib import admin
from knox.models import AuthToken

if admin.site.is_registered(AuthToken):
    admin.site.unregister(AuthToken)
