"""The OpenAPI schema is generated from the code, describes every endpoint, and has no warnings."""

from __future__ import annotations

import re
from pathlib import Path

import yaml
from django.contrib.staticfiles import finders
from django.core.management import call_command
from drf_spectacular.generators import SchemaGenerator
from rest_framework.test import APIClient

from twofold.care.details import SETTLE_TECHNIQUES

MAIN_PATHS = {
    "/api/v1/auth/token/": {"post"},
    "/api/v1/children/": {"get"},
    "/api/v1/children/{id}/": {"get"},
    "/api/v1/members/": {"get"},
    "/api/v1/events/": {"get", "post"},
    "/api/v1/events/{id}/": {"get", "put", "patch", "delete"},
    "/api/v1/events/{id}/restore/": {"post"},
    "/api/v1/timers/": {"get", "post"},
    "/api/v1/timers/{id}/stop/": {"post"},
}


def schema() -> dict:
    return SchemaGenerator().get_schema(request=None, public=True)


def test_the_schema_has_the_main_paths_and_methods():
    paths = schema()["paths"]

    for path, methods in MAIN_PATHS.items():
        assert path in paths, path
        assert methods <= set(paths[path]), path


def test_events_describe_each_kinds_details_as_typed_objects():
    components = schema()["components"]["schemas"]

    event = components["Event"]["properties"]
    for kind in ("feed", "nappy", "sleep", "settle", "play", "pumping", "medicine"):
        assert event[kind]["nullable"] is True
        assert event[kind]["allOf"][0]["$ref"] == f"#/components/schemas/{kind.title()}"
    assert components["Feed"]["properties"]["amount_ml"]["type"] == "number"
    techniques = components["Settle"]["properties"]["tried"]["items"]["$ref"].rsplit("/", 1)[1]
    assert set(components[techniques]["enum"]) == set(SETTLE_TECHNIQUES)


def test_the_list_filters_are_documented():
    parameters = {p["name"] for p in schema()["paths"]["/api/v1/events/"]["get"]["parameters"]}

    assert parameters == {"child", "kind", "by", "since", "until", "page"}


def test_ids_in_paths_are_integers():
    parameters = schema()["paths"]["/api/v1/events/{id}/"]["get"]["parameters"]

    assert parameters == [{"in": "path", "name": "id", "schema": {"type": "integer"}, "required": True}]


def test_the_schema_validates_without_warnings(tmp_path: Path):
    out = tmp_path / "schema.yml"

    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(out))

    assert yaml.safe_load(out.read_text())["info"]["title"] == "Twofold API"


def test_the_schema_and_docs_are_served_to_members(world):
    client = APIClient()
    client.force_authenticate(world.alex.user)

    served = client.get("/api/v1/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")
    docs = client.get("/api/v1/docs/")
    # Swagger UI's start-up script is a file of its own (the Content-Security-Policy allows no inline script).
    script = client.get("/api/v1/docs/?script=")

    assert served.status_code == 200
    assert "/api/v1/events/" in served.json()["paths"]
    assert docs.status_code == 200
    assert b'src="/api/v1/docs/?script="' in docs.content
    assert b"/api/v1/schema/" in script.content


def test_the_docs_page_loads_nothing_from_another_host(world):
    client = APIClient()
    client.force_authenticate(world.alex.user)

    page = client.get("/api/v1/docs/").content.decode()
    script = client.get("/api/v1/docs/?script=").content.decode()

    assets = re.findall(r'(?:src|href)="([^"]+)"', page)
    assert len(assets) == 5
    assert assets.pop() == "/api/v1/docs/?script="
    for asset in assets:
        assert asset.startswith("/static/drf_spectacular_sidecar/swagger-ui-dist/"), asset
        assert finders.find(asset.removeprefix("/static/")), asset
    assert "cdn." not in page + script
    assert '"validatorUrl": null' in script
