"""Check a test client's response against the served OpenAPI schema, as `make fuzz` does.

The status must be one the operation documents, and the body is checked by schemathesis' own validator, as
`make fuzz` checks it, so a schema fixed here stays fixed without serving the app.
"""

from __future__ import annotations

from typing import Any

import requests
import schemathesis
from django.http import HttpResponse
from rest_framework.test import APIClient


def _schema_document(client: APIClient) -> dict[str, Any]:
    response = client.get("/api/v1/schema/", {"format": "json"})
    assert response.status_code == 200
    document: dict[str, Any] = response.json()
    return document


def assert_conforms(client: APIClient, response: HttpResponse, *, path: str, method: str) -> None:
    """Raise (with schemathesis' own explanation) unless the schema documents this response as it is.

    `path` is the schema's template (`/api/v1/events/{id}/`), `method` the HTTP method.
    """
    document = _schema_document(client)
    documented = document["paths"][path][method.lower()]["responses"]
    status = str(response.status_code)
    assert status in documented, f"{status} is not documented, only {sorted(documented)}"
    operation = schemathesis.openapi.from_dict(document)[path][method.upper()]
    request = requests.Request(method=method.upper(), url=f"http://testserver{path}").prepare()
    received = schemathesis.Response(
        status_code=response.status_code,
        headers={name: [value] for name, value in response.headers.items()},
        content=response.content,
        request=request,
        elapsed=0.0,
        verify=False,
    )
    operation.validate_response(received)
