from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "twofold.accounts"
    label = "accounts"

    def ready(self) -> None:
        from django.contrib.auth import get_user_model
        from django.db.models.signals import post_save, pre_save

        from twofold.accounts import signals

        user_model = get_user_model()
        pre_save.connect(signals.note_a_new_password, sender=user_model, dispatch_uid="twofold-new-password")
        post_save.connect(
            signals.end_keys_on_a_new_password, sender=user_model, dispatch_uid="twofold-end-keys"
        )
