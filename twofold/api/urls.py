from csp.constants import UNSAFE_INLINE
from csp.decorators import csp_update
from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView
from rest_framework.routers import SimpleRouter

from twofold.api import views
from twofold.api.activity import ActivityViewSet
from twofold.growth.api import GrowthView
from twofold.insights.api import WeekReportView
from twofold.intake.api import IntakeView
from twofold.intake.api_share import SharedWithMeView, ShareView
from twofold.wellbeing.api import ScreeningViewSet

app_name = "api"

# Swagger UI's own page: its start-up script is served as a file (the split view), so scripts stay 'self'
# only; its styles are written inline and its icons are data: images, allowed on this page alone.
swagger_page = csp_update({"style-src": [UNSAFE_INLINE], "img-src": ["data:"]})(
    SpectacularSwaggerSplitView.as_view(url_name="api:schema")
)

router = SimpleRouter(use_regex_path=False)
router.register("children", views.ChildViewSet, basename="child")
router.register("members", views.MemberViewSet, basename="member")
router.register("events", views.EventViewSet, basename="event")
router.register("timers", views.TimerViewSet, basename="timer")
router.register("wellbeing/screenings", ScreeningViewSet, basename="screening")
router.register("activity", ActivityViewSet, basename="activity")

urlpatterns = [
    *router.urls,
    path("insights/", WeekReportView.as_view(), name="insights"),
    path("checkins/", include("twofold.checkins.api_urls")),
    path("nights/", include("twofold.nights.api_urls")),
    path("circle/", include("twofold.circle.api_urls")),
    path("bonding/", include("twofold.bonding.api_urls")),
    path("growth/", GrowthView.as_view(), name="growth"),
    path("intake/", IntakeView.as_view(), name="intake"),
    path("intake/shared/", SharedWithMeView.as_view(), name="intake-shared"),
    path("intake/<id:writing_id>/share/", ShareView.as_view(), name="intake-share"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", swagger_page, name="docs"),
]
