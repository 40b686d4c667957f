from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "twofold.home"
    label = "home"
