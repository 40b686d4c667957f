from django.apps import AppConfig


class HealthConfig(AppConfig):
    name = "twofold.health"
    label = "health"
