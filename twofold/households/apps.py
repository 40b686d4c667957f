from django.apps import AppConfig
from django.urls import register_converter


class HouseholdsConfig(AppConfig):
    name = "twofold.households"
    label = "households"

    def ready(self) -> None:
        from django.conf import settings
        from django.db.backends.signals import connection_created

        from twofold.datadir import ensure_data_dir, restrict_sqlite_file
        from twofold.households.ids import IdConverter

        # Before anything is written there (the SQLite file, collectstatic's files): private to this account.
        ensure_data_dir(settings.DATA_DIR)
        connection_created.connect(restrict_sqlite_file, dispatch_uid="twofold.datadir.restrict_sqlite_file")

        # Before any URLconf is read: every app's URLs (and the API's routers) use <id:...>.
        register_converter(IdConverter, "id")
