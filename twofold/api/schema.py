"""The OpenAPI schema's answers that are not an operation's own: the errors any endpoint can give.

drf-spectacular documents what a view returns when all goes well, and only the errors a view names. But
every endpoint shares DRF's failures: a missing or bad token (401), something not the caller's to change
(403), nothing with that id in the caller's households or a page past the end (404), and, where the request
carries anything, a refusal with field messages (400). A client (and `make fuzz`) can rely on the schema
listing every status the API answers with, each with the shape of its body.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import ResolvedComponent

READS = {"GET", "HEAD", "OPTIONS"}


def _component(name: str, schema: dict[str, Any]) -> ResolvedComponent:
    # drf-spectacular's plumbing is not annotated.
    return ResolvedComponent(  # type: ignore[no-untyped-call]
        name=name, type=ResolvedComponent.SCHEMA, object=name, schema=schema
    )


DETAIL = _component(
    "ErrorDetail",
    {
        "type": "object",
        "description": "Why the request was refused, in a sentence.",
        "properties": {"detail": {"type": "string"}},
        "required": ["detail"],
    },
)
FIELD_ERRORS = _component(
    "FieldErrors",
    {
        "type": "object",
        "description": (
            "Each refused field with its messages: a list of sentences, or for a nested object (a kind's "
            "details, a night's shifts) the same shape again. What is wrong with the request as a whole is "
            "under `non_field_errors`; a body that is not readable JSON, under `detail`."
        ),
        "additionalProperties": {},
    },
)

ERRORS = {
    "400": ("Refused: what to change, field by field.", FIELD_ERRORS),
    "401": ("No token or session was sent, or it is not valid (any more).", DETAIL),
    "403": (
        "Not yours to do: another member's to change, or a session request without its CSRF token.",
        DETAIL,
    ),
    "404": ("Nothing with that id in your households, a page past the last, or not for your role.", DETAIL),
    "429": ("Too many requests for now: try again after the seconds in Retry-After.", DETAIL),
}


class TwofoldAutoSchema(AutoSchema):
    """drf-spectacular's AutoSchema, adding the shared errors an operation does not document itself."""

    def get_operation(self, *args: Any, **kwargs: Any) -> dict[str, Any] | None:
        operation: dict[str, Any] | None = super().get_operation(*args, **kwargs)
        if operation is None:
            return None
        responses = operation["responses"]
        for status in self._shared_errors(operation):
            description, component = ERRORS[status]
            self.registry.register_on_missing(component)
            responses.setdefault(
                status,
                {"description": description, "content": {"application/json": {"schema": component.ref}}},
            )
        return operation

    def _shared_errors(self, operation: dict[str, Any]) -> list[str]:
        statuses = ["401", "403", "404"]
        takes_input = any(p["in"] != "path" for p in operation.get("parameters", ()))
        if self.method not in READS or takes_input:
            statuses.insert(0, "400")
        if self.view.get_throttles():
            statuses.append("429")
        return statuses
