from django.apps import AppConfig


class ImportsConfig(AppConfig):
    name = "twofold.imports"
    label = "imports"

    def ready(self) -> None:
        from twofold.care.hooks import register_event_origin
        from twofold.imports.origin import origin_of

        # An imported event's page says where it came from (care cannot ask imports itself).
        register_event_origin(origin_of)
