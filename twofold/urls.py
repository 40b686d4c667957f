from django.contrib import admin
from django.urls import include, path

from twofold.home.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("", include("twofold.home.urls")),
    path("", include("twofold.care.urls")),
    path("account/", include("twofold.accounts.urls")),
    path("activity/", include("twofold.audit.urls")),
    path("household/", include("twofold.households.urls")),
    path("us/", include("twofold.insights.urls")),
    path("wellbeing/concern/", include("twofold.wellbeing.concern_urls")),
    path("wellbeing/", include("twofold.wellbeing.urls")),
    path("checkin/", include("twofold.checkins.urls")),
    path("nights/", include("twofold.nights.urls")),
    path("bonding/", include("twofold.bonding.urls")),
    # The API's door (a key for an app, your keys) belongs to accounts, which the api app may not import.
    path("api/v1/auth/", include("twofold.accounts.api_urls")),
    path("api/v1/", include("twofold.api.urls")),
    path("admin/", admin.site.urls),
]
