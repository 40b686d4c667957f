from django.urls import path

from twofold.imports import views

app_name = "imports"

urlpatterns = [
    path("", views.start, name="start"),
    path("<id:pending_id>/", views.preview, name="preview"),
    path("done/<id:batch_id>/undo/", views.undo, name="undo"),
]
