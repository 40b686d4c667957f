from django.apps import AppConfig


class PushConfig(AppConfig):
    name = "twofold.push"
    label = "push"
    verbose_name = "Web push"

    def ready(self) -> None:
        # A VAPID key given in the environment that cannot sign stops start-up, like the other keys; one
        # made on first use is checked when it is made.
        from twofold.push import vapid

        vapid.check_configured_key()
