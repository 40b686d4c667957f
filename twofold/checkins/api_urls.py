"""checkins routes under /api/v1/checkins/, inside the api namespace: named "checkins-…"."""

from rest_framework.routers import SimpleRouter

from twofold.checkins.api.agreements import AgreementViewSet
from twofold.checkins.api.answers import CheckinViewSet
from twofold.checkins.api.reviews import ReviewViewSet

router = SimpleRouter(use_regex_path=False)
# Registered before the check-ins themselves, so "agreements" is never read as a check-in's id.
router.register("agreements", AgreementViewSet, basename="checkins-agreement")
router.register("reviews", ReviewViewSet, basename="checkins-review")
router.register("", CheckinViewSet, basename="checkins-checkin")

urlpatterns = router.urls
