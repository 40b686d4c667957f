from django.urls import path

from twofold.wellbeing import views

app_name = "wellbeing"

urlpatterns = [
    path("", views.home, name="home"),
    path("sharing/", views.share_future, name="share_future"),
    path("take/<str:instrument>/", views.take, name="take"),
    path("screenings/<id:screening_id>/", views.screening, name="screening"),
    path("screenings/<id:screening_id>/result/", views.result, name="result"),
    path("screenings/<id:screening_id>/share/", views.share, name="share"),
]
