from django.urls import path

from twofold.home import views

app_name = "home"

urlpatterns = [
    path("", views.today, name="today"),
    path("us/", views.us, name="us"),
    path("household/export/", views.export, name="export"),
]
