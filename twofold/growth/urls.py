from django.urls import path

from twofold.growth import views

app_name = "growth"

urlpatterns = [
    path("", views.growth, name="growth"),
]
