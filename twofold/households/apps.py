from django.apps import AppConfig
from django.urls import register_converter


class HouseholdsConfig(AppConfig):
    name = "twofold.households"
    label = "households"

    def ready(self) -> None:
        from twofold.households.ids import IdConverter

        # Before any URLconf is read: every app's URLs (and the API's routers) use <id:...>.
        register_converter(IdConverter, "id")
