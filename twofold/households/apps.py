from django.apps import AppConfig


class HouseholdsConfig(AppConfig):
    name = "twofold.households"
    label = "households"
