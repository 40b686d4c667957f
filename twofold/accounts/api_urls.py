from django.urls import path
from rest_framework.routers import SimpleRouter

from twofold.accounts import api

app_name = "api_auth"

router = SimpleRouter(use_regex_path=False)
router.register("tokens", api.AppKeyViewSet, basename="app_key")

urlpatterns = [path("token/", api.ObtainToken.as_view(), name="token"), *router.urls]
