from django.urls import path

from twofold.care import views

app_name = "care"

urlpatterns = [
    path("", views.today, name="today"),
    path("log/", views.quick_log, name="quick_log"),
    path("history/", views.history, name="history"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
]
