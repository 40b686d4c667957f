from django.apps import AppConfig


class NightsConfig(AppConfig):
    name = "twofold.nights"
    label = "nights"
