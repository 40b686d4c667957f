from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
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

        # A member removed while away is told when they next sign in.
        user_logged_in.connect(tell_removed_member, dispatch_uid="twofold.households.tell_removed_member")


def tell_removed_member(sender: object, request: object, user: object, **kwargs: object) -> None:
    from django.http import HttpRequest

    from twofold.households import notices
    from twofold.households.selectors import active_memberships

    user_id = getattr(user, "pk", None)
    if isinstance(request, HttpRequest) and user_id is not None:
        has_household = active_memberships(user_id=user_id).exists()
        notices.deliver(request, user_id=user_id, has_household=has_household)
