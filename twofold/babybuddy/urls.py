"""Baby Buddy's paths under /api/ (Twofold's own API is /api/v1/)."""

from __future__ import annotations

from django.urls import path
from rest_framework.routers import SimpleRouter

from twofold.babybuddy import views
from twofold.babybuddy.resources import NOT_RECORDED, RESOURCES

app_name = "babybuddy"

router = SimpleRouter(use_regex_path=False)
for resource in RESOURCES.values():
    router.register(resource.path, views.entry_viewset(resource), basename=f"bb-{resource.path}")
for missing in NOT_RECORDED:
    router.register(missing, views.not_recorded_viewset(missing), basename=f"bb-{missing}")
router.register("children", views.ChildViewSet, basename="bb-children")
router.register("timers", views.TimerViewSet, basename="bb-timers")
router.register("tags", views.TagViewSet, basename="bb-tags")

ROOT = tuple(sorted((prefix, f"{basename}-list") for prefix, _, basename in router.registry)) + (
    ("profile", "profile"),
)

urlpatterns = [
    path("", views.RootView.as_view(paths=ROOT), name="root"),
    path("profile", views.ProfileView.as_view(), name="profile"),
    *router.urls,
]
