"""reminders routes under /api/v1/reminders/ (routed by twofold/urls.py: the api app, a sibling, may not
import reminders)."""

from rest_framework.routers import SimpleRouter

from twofold.reminders.api import PushDeviceViewSet, ReminderSettingsViewSet

app_name = "reminders_api"

router = SimpleRouter(use_regex_path=False)
router.register("settings", ReminderSettingsViewSet, basename="settings")
router.register("devices", PushDeviceViewSet, basename="device")

urlpatterns = [*router.urls]
