"""A weight through the API: grams in, grams out, and the same messages as the pages."""

from __future__ import annotations

from twofold.care.models import TOO_HEAVY, TOO_LIGHT, CareEvent

EVENTS = "/api/v1/events/"


def test_the_api_logs_and_reads_a_weight_in_grams(world, api_for):
    client = api_for(world.alex)
    created = client.post(
        EVENTS, {"child": world.ada.pk, "kind": "weight", "weight": {"grams": 4350}}, format="json"
    )
    assert created.status_code == 201, created.json()
    assert created.json()["weight"] == {"grams": 4350}
    assert created.json()["feed"] is None
    assert CareEvent.objects.get(pk=created.json()["id"]).weight.grams == 4350


def test_the_api_refuses_an_implausible_weight_under_the_kind(world, api_for):
    response = api_for(world.alex).post(
        EVENTS, {"child": world.ada.pk, "kind": "weight", "weight": {"grams": 43_500_000}}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {"weight": {"grams": [TOO_HEAVY]}}
    assert not CareEvent.objects.exists()


def test_the_api_refuses_weight_details_on_another_kind(world, api_for):
    response = api_for(world.alex).post(
        EVENTS, {"child": world.ada.pk, "kind": "nappy", "weight": {"grams": 4350}}, format="json"
    )
    assert response.status_code == 400
    assert "weight" in response.json()


def test_the_api_refuses_a_weight_too_light_with_the_pages_message(world, api_for):
    response = api_for(world.alex).post(
        EVENTS, {"child": world.ada.pk, "kind": "weight", "weight": {"grams": 0}}, format="json"
    )
    assert response.status_code == 400
    assert response.json() == {"weight": {"grams": [TOO_LIGHT]}}


def test_the_schema_describes_a_weight_in_whole_grams():
    from drf_spectacular.generators import SchemaGenerator

    components = SchemaGenerator().get_schema(request=None, public=True)["components"]["schemas"]
    assert components["Event"]["properties"]["weight"]["allOf"][0]["$ref"] == "#/components/schemas/Weight"
    grams = components["Weight"]["properties"]["grams"]
    assert (grams["type"], grams["minimum"], grams["maximum"]) == ("integer", 300, 30000)
