from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "twofold.imports"
    label = "imports"
