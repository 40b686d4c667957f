from django.urls import path

from twofold.nights import views

app_name = "nights"

urlpatterns = [
    path("", views.home, name="home"),
    path("plan/", views.make, name="make"),
    path("week/", views.week, name="week"),
    path("morning/", views.morning, name="morning"),
    path("preferences/", views.preferences, name="preferences"),
    path("calendar/", views.calendar, name="calendar"),
    path("calendar/<str:token>.ics", views.calendar_feed, name="feed"),
    path("plans/<int:night_plan_id>/", views.plan, name="plan"),
    path("plans/<int:night_plan_id>/edit/", views.edit, name="edit"),
    path("plans/<int:night_plan_id>/delete/", views.delete, name="delete"),
    path("plans/<int:night_plan_id>/against-log/", views.against, name="against"),
]
