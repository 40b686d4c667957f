from django.contrib import admin
from django.urls import include, path

from twofold.accounts.erasure_views import delete_household
from twofold.home.health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("", include("twofold.home.urls")),
    path("", include("twofold.care.urls")),
    path("account/notifications/", include("twofold.push.urls")),
    path("account/", include("twofold.accounts.urls")),
    # Under the household's settings, but it deletes across every app: its view lives on the top floor.
    path("household/delete/", delete_household, name="household_delete"),
    path("activity/", include("twofold.audit.urls")),
    path("household/import/", include("twofold.imports.urls")),
    path("household/", include("twofold.households.urls")),
    path("us/", include("twofold.insights.urls")),
    path("wellbeing/concern/", include("twofold.wellbeing.concern_urls")),
    path("wellbeing/", include("twofold.wellbeing.urls")),
    path("checkin/", include("twofold.checkins.urls")),
    path("nights/", include("twofold.nights.urls")),
    path("circle/", include("twofold.circle.urls")),
    path("bonding/", include("twofold.bonding.urls")),
    path("growth/", include("twofold.growth.urls")),
    path("health/", include("twofold.health.urls")),
    path("reminders/", include("twofold.reminders.urls")),
    path("intake/", include("twofold.intake.urls")),
    # The API's door (a key for an app, your keys) belongs to accounts, which the api app may not import.
    path("api/v1/auth/", include("twofold.accounts.api_urls")),
    # A member's own reminder settings and devices: the api app, reminders' sibling, may not import it.
    path("api/v1/reminders/", include("twofold.reminders.api_urls")),
    path("api/v1/", include("twofold.api.urls")),
    # Baby Buddy's API, for its clients (Home Assistant, its Android app), answered from Twofold's log.
    path("api/", include("twofold.babybuddy.urls")),
    path("admin/", admin.site.urls),
]
