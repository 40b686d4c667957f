from django.urls import path

from twofold.checkins import views, yours_views

app_name = "checkins"

urlpatterns = [
    path("", views.home, name="home"),
    path("answer/", views.answer, name="answer"),
    path("history/", views.history, name="history"),
    path("yours/", yours_views.yours, name="yours"),
    path("yours/download/", yours_views.yours_download, name="yours_download"),
    path("yours/delete/", yours_views.yours_delete_all, name="yours_delete_all"),
    path("yours/<id:checkin_id>/delete/", yours_views.yours_delete, name="yours_delete"),
    path("settings/", views.checkin_settings, name="settings"),
    path("agreements/add/", views.agreement_add, name="agreement_add"),
    path("agreements/<id:agreement_id>/edit/", views.agreement_edit, name="agreement_edit"),
    path("agreements/<id:agreement_id>/delete/", views.agreement_delete, name="agreement_delete"),
]
