from django.apps import AppConfig


class CareConfig(AppConfig):
    name = "twofold.care"
    label = "care"
