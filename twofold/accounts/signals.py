"""A new password ends every app key of the member, whichever way it was set.

The change-password page, the reset link, `twofold changepassword` and the admin all set a password and
save the user, so the check sits on the save: the stored hash changed and a password was set (or made
unusable). Django re-hashing the same password on login (a stronger hasher after an upgrade) changes the
hash too, but sets no password, and leaves the keys alone. Sessions need nothing here: Django already
ends every session made with the old password.
"""

from __future__ import annotations

from typing import Any

from twofold.accounts.app_keys import end_all_keys

_CHANGED = "_twofold_password_changed"


def note_a_new_password(sender: Any, instance: Any, update_fields: Any = None, **kwargs: Any) -> None:
    setattr(instance, _CHANGED, False)
    if instance.pk is None or (update_fields is not None and "password" not in update_fields):
        return
    stored = sender.objects.filter(pk=instance.pk).values_list("password", flat=True).first()
    if stored is None or stored == instance.password:
        return
    password_was_set = getattr(instance, "_password", None) is not None
    setattr(instance, _CHANGED, password_was_set or not instance.has_usable_password())


def end_keys_on_a_new_password(sender: Any, instance: Any, created: bool, **kwargs: Any) -> None:
    if getattr(instance, _CHANGED, False):
        setattr(instance, _CHANGED, False)
        end_all_keys(user=instance, why="the password changed", by=None)
