from django.urls import path

from twofold.health import views

app_name = "health"

urlpatterns = [
    path("summary/", views.summary, name="summary"),
    path("summary.pdf", views.summary_pdf_download, name="summary_pdf"),
]
