from django.urls import path

from twofold.push import views

app_name = "push"

urlpatterns = [
    path("", views.devices, name="devices"),
    path("allow/", views.allow, name="allow"),
    path("test/", views.test, name="test"),
    path("<id:device_id>/remove/", views.remove, name="remove"),
]
