from django.apps import AppConfig


class BondingConfig(AppConfig):
    name = "twofold.bonding"
    label = "bonding"
