from django.urls import path

from twofold.wellbeing import views, yours_views

app_name = "wellbeing"

urlpatterns = [
    path("", views.home, name="home"),
    path("sharing/", views.share_future, name="share_future"),
    path("sharing/earlier/<id:member_id>/", views.earlier_results, name="earlier_results"),
    path("take/<str:instrument>/", views.take, name="take"),
    path("screenings/<id:screening_id>/", views.screening, name="screening"),
    path("screenings/<id:screening_id>/result/", views.result, name="result"),
    path("screenings/<id:screening_id>/share/", views.share, name="share"),
    path("yours/", yours_views.yours, name="yours"),
    path("yours/download/", yours_views.yours_download, name="yours_download"),
    path("yours/<id:screening_id>/", yours_views.yours_result, name="yours_result"),
    path("yours/<id:screening_id>/delete/", yours_views.yours_delete, name="yours_delete"),
]
