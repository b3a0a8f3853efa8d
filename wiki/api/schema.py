"""What the read API's OpenAPI schema says besides what drf-spectacular reads from
the views: every answer an operation can give, and the characters a query may hold."""

ERROR = {
    "type": "object",
    "properties": {"detail": {"type": "string"}},
    "required": ["detail"],
}
FIELD_ERRORS = {
    "type": "object",
    "additionalProperties": {"type": "array", "items": {"type": "string"}},
}
ANSWERS = {
    "400": (
        "A malformed request: a control character in the query, or a parameter "
        "the operation cannot read (each named, with why).",
        {"oneOf": [{"$ref": "#/components/schemas/Error"}, FIELD_ERRORS]},
    ),
    "404": (
        "Nothing at this address, or no such page of results.",
        {"$ref": "#/components/schemas/Error"},
    ),
    "429": (
        "Past the request limit: wait and try again.",
        {"$ref": "#/components/schemas/Error"},
    ),
}
# Answered by the HTTP server (gunicorn) before the request reaches the site.
SERVER_ANSWERS = {
    "414": "An address longer than the server reads (4,094 bytes of request line)."
}
# No query needs a control character, and the API refuses one (wiki.middleware).
NO_CONTROLS = "^[^\\x00-\\x1f\\x7f-\\x9f]*$"


def document_every_answer(result, generator, request, public):
    """drf-spectacular postprocessing hook: give every operation its error answers
    and every string parameter the characters it may hold."""
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                schema = parameter.get("schema", {})
                if schema.get("type") == "string" and "pattern" not in schema:
                    schema["pattern"] = NO_CONTROLS
            responses = operation.setdefault("responses", {})
            for status, (description, schema) in ANSWERS.items():
                responses.setdefault(
                    status,
                    {
                        "description": description,
                        "content": {"application/json": {"schema": schema}},
                    },
                )
            for status, description in SERVER_ANSWERS.items():
                responses.setdefault(
                    status,
                    {
                        "description": description,
                        "content": {"text/html": {"schema": {"type": "string"}}},
                    },
                )
    return result
