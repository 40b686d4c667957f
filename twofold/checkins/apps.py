from django.apps import AppConfig


class CheckinsConfig(AppConfig):
    name = "twofold.checkins"
    label = "checkins"
