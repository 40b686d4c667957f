from django.urls import path

from twofold.households import views

app_name = "households"

urlpatterns = [
    path("start/", views.start, name="start"),
    path("", views.settings_page, name="settings"),
]
