"""nights routes under /api/v1/, inside the api namespace: name them "nights-…" so they never collide."""

from django.urls import path  # noqa: F401

urlpatterns: list = []
