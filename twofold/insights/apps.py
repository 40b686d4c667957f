from django.apps import AppConfig


class InsightsConfig(AppConfig):
    name = "twofold.insights"
    label = "insights"
