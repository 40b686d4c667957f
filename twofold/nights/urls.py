from django.urls import path

from twofold.nights.views import planning, plans, settings

app_name = "nights"

urlpatterns = [
    path("", planning.home, name="home"),
    path("plan/", planning.make, name="make"),
    path("week/", planning.week, name="week"),
    path("morning/", plans.morning, name="morning"),
    path("preferences/", settings.preferences, name="preferences"),
    path("calendar/", settings.calendar, name="calendar"),
    path("calendar/<str:token>.ics", settings.calendar_feed, name="feed"),
    path("plans/<id:night_plan_id>/", plans.plan, name="plan"),
    path("plans/<id:night_plan_id>/edit/", plans.edit, name="edit"),
    path("plans/<id:night_plan_id>/delete/", plans.delete, name="delete"),
    path("plans/<id:night_plan_id>/against-log/", plans.against, name="against"),
]
