from django.urls import path

from twofold.reminders import views

app_name = "reminders"

urlpatterns = [
    path("", views.reminders, name="home"),
    path("pause/", views.pause, name="pause"),
    path("feed-interval/", views.feed_interval, name="feed_interval"),
    path("read/", views.mark_read, name="read"),
    path("recent/", views.recent, name="recent"),
]
