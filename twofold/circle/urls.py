from django.urls import path

from twofold.circle import views

app_name = "circle"

urlpatterns = [
    path("", views.home, name="home"),
    path("ask/", views.ask, name="ask"),
    path("requests/<id:request_id>/", views.detail, name="request"),
    path("requests/<id:request_id>/take/", views.take, name="take"),
    path("requests/<id:request_id>/give-back/", views.give_back, name="give_back"),
    path("requests/<id:request_id>/mark/", views.mark, name="mark"),
    path("requests/<id:request_id>/withdraw/", views.withdraw, name="withdraw"),
    path("offers/", views.add_offer, name="add_offer"),
    path("offers/<id:offer_id>/remove/", views.remove_offer, name="remove_offer"),
    path("living/<id:member_id>/", views.living, name="living"),
]
