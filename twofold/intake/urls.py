from django.urls import path

from twofold.intake import views

app_name = "intake"

urlpatterns = [
    path("", views.home, name="home"),
    path("not-now/", views.not_now, name="not_now"),
    path("<id:writing_id>/", views.writing, name="writing"),
    path("<id:writing_id>/delete/", views.delete, name="delete"),
    path("<id:writing_id>/share/", views.share, name="share"),
    path("<id:writing_id>/withdraw/", views.withdraw, name="withdraw"),
]
