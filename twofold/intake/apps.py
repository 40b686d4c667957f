from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "twofold.intake"
    label = "intake"
