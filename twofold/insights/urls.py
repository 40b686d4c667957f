from django.urls import path

from twofold.insights import views

app_name = "insights"

urlpatterns = [
    path("summary/", views.summary, name="summary"),
]
