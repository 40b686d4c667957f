from django.urls import path

from twofold.wellbeing import concern_views

app_name = "wellbeing_concern"

urlpatterns = [
    path("", concern_views.raise_concern, name="start"),
    path("sent/", concern_views.sent, name="sent"),
    path("<id:concern_id>/close/", concern_views.close_concern, name="close"),
]
