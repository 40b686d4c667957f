from django.urls import path

from twofold.care import timer_views, views

app_name = "care"

urlpatterns = [
    path("log/", views.quick_log, name="quick_log"),
    path("log/<str:kind>/", views.log_event, name="log_event"),
    path("timers/start/", timer_views.start_timer, name="timer_start"),
    path("timers/stop/", timer_views.stop_timer_by_client, name="timer_stop_by_client"),
    path("timers/<id:event_id>/stop/", timer_views.stop_timer, name="timer_stop"),
    path("events/<id:event_id>/", views.edit_event, name="event_edit"),
    path("events/<id:event_id>/delete/", views.delete_event, name="event_delete"),
    path("events/<id:event_id>/restore/", views.restore_event, name="event_restore"),
    path("history/", views.history, name="history"),
    path("manifest.webmanifest", views.manifest, name="manifest"),
    path("sw.js", views.service_worker, name="service_worker"),
]
