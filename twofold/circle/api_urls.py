"""circle routes under /api/v1/, inside the api namespace: named "circle-…" so they never collide."""

from rest_framework.routers import SimpleRouter

from twofold.circle.api import OfferViewSet, RequestViewSet

router = SimpleRouter(use_regex_path=False)
router.register("requests", RequestViewSet, basename="circle-request")
router.register("offers", OfferViewSet, basename="circle-offer")

urlpatterns = [*router.urls]
