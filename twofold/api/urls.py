from django.urls import include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import SimpleRouter

from twofold.api import views
from twofold.api.activity import ActivityViewSet
from twofold.insights.api import WeekReportView
from twofold.wellbeing.api import ScreeningViewSet

app_name = "api"

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
    path("bonding/", include("twofold.bonding.api_urls")),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
]
