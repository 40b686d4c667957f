from django.apps import AppConfig


class CircleConfig(AppConfig):
    name = "twofold.circle"
    label = "circle"
