"""nights routes under /api/v1/, inside the api namespace: named "nights-…" so they never collide."""

from rest_framework.routers import SimpleRouter

from twofold.nights.api.plan_views import PlanViewSet
from twofold.nights.api.preferences import PreferenceViewSet

router = SimpleRouter(use_regex_path=False)
router.register("plans", PlanViewSet, basename="nights-plan")
router.register("preferences", PreferenceViewSet, basename="nights-preference")

urlpatterns = [*router.urls]
