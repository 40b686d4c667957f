"""bonding routes under /api/v1/, inside the api namespace: name them "bonding-…" so they never collide."""

from django.urls import path
from rest_framework.routers import SimpleRouter

from twofold.bonding.api.guidance import GuidanceView
from twofold.bonding.api.plans import PlanViewSet
from twofold.bonding.api.readings import CryingView, TrendView
from twofold.bonding.api.responses import ResponseView

router = SimpleRouter(use_regex_path=False)
router.register("plans", PlanViewSet, basename="bonding-plan")

urlpatterns = [
    *router.urls,
    path("responses/", ResponseView.as_view(), name="bonding-responses"),
    path("trend/", TrendView.as_view(), name="bonding-trend"),
    path("crying/", CryingView.as_view(), name="bonding-crying"),
    path("guidance/", GuidanceView.as_view(), name="bonding-guidance"),
]
