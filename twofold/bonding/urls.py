from django.urls import path

from twofold.bonding import views

app_name = "bonding"

urlpatterns = [
    path("", views.home, name="home"),
    path("plans/start/", views.start_plan, name="plan_start"),
    path("plans/<id:plan_id>/do/", views.do_activity, name="plan_do"),
    path("plans/<id:plan_id>/skip/", views.skip, name="plan_skip"),
    path("plans/<id:plan_id>/unskip/", views.unskip, name="plan_unskip"),
    path("plans/<id:plan_id>/pause/", views.pause, name="plan_pause"),
    path("plans/<id:plan_id>/resume/", views.resume, name="plan_resume"),
    path("plans/<id:plan_id>/end/", views.end, name="plan_end"),
    path("events/<id:event_id>/response/", views.respond, name="respond"),
    path("crying/<id:event_id>/stop/", views.stop_crying, name="stop_crying"),
    path("trend/", views.trend, name="trend"),
    path("crying/", views.crying, name="crying"),
    path("red-flags/", views.red_flags, name="red_flags"),
    path("coping/", views.coping, name="coping"),
]
