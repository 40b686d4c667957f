from django.apps import AppConfig


class WellbeingConfig(AppConfig):
    name = "twofold.wellbeing"
    label = "wellbeing"
