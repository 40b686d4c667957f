from django.urls import path

from twofold.audit import views

app_name = "audit"

urlpatterns = [
    path("", views.activity, name="activity"),
]
