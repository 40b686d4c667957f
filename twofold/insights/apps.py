from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "twofold.insights"
    label = "insights"

    def ready(self) -> None:
        from twofold.insights import signals  # noqa: F401  (connects the receivers)
