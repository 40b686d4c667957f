"""The browsable API docs, served wholly by the app: Swagger UI from our own static files."""

from __future__ import annotations

from typing import Any

from django.templatetags.static import static
from drf_spectacular.settings import spectacular_settings
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularSwaggerView
from rest_framework.request import Request
from rest_framework.response import Response

# Vendored from the swagger-ui-dist npm package, unmodified but for the source-map comment.
SWAGGER_UI = "api/swagger-ui-5.35.0"


class ApiDocs(SpectacularSwaggerView):
    """drf-spectacular's Swagger UI page, pointed at vendored assets instead of a CDN."""

    @staticmethod
    def _swagger_ui_resource(filename: str) -> str:
        return static(f"{SWAGGER_UI}/{filename}")

    @staticmethod
    def _swagger_ui_favicon() -> str:
        return static(f"{SWAGGER_UI}/favicon-32x32.png")

    @extend_schema(exclude=True)
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        response = super().get(request, *args, **kwargs)
        # Swagger UI's validator badge would send the schema's address to swagger.io.
        response.data["settings"] = self._dump(
            {**spectacular_settings.SWAGGER_UI_SETTINGS, "validatorUrl": None}
        )
        return response
