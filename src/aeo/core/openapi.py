"""The OpenAPI document describes every response an operation can give, errors included.

Operations declare their success responses; the error responses that the shared layers give
(the input check, authentication, scoping, throttling, the services' rules) are added here to
every operation they can reach, all in the one error shape.
"""

from typing import Any

ERROR_REF = "#/components/schemas/Error"

ERROR_SCHEMA: dict[str, Any] = {
    "title": "Error",
    "type": "object",
    "required": ["detail", "errors"],
    "properties": {
        "detail": {"type": "string"},
        "code": {"type": "string", "description": "machine-readable, e.g. invalid_text"},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["field", "message"],
                "properties": {
                    "field": {"anyOf": [{"type": "string"}, {"type": "null"}]},
                    "code": {"type": "string"},
                    "message": {"type": "string"},
                },
            },
        },
    },
}

DESCRIPTIONS = {
    400: "Refused by the rules",
    401: "Authentication required: no token, or a bad, expired or revoked one",
    403: "Not allowed for this role",
    404: "Not found, or not yours",
    409: "Conflict: a stale version or a move the workflow does not allow",
    413: "Request body, file or number of files too large",
    422: "Invalid input",
    429: "Too many requests: retry after the Retry-After header's seconds",
}
WRITE_METHODS = {"post", "put", "patch", "delete"}


def error_statuses(method: str, operation: dict[str, Any]) -> list[int]:
    statuses = [400, 403, 404, 422, 429]
    if operation.get("security"):
        statuses.append(401)
    if method in WRITE_METHODS:
        statuses += [409, 413]
    return sorted(statuses)


def document_errors(schema: dict[str, Any]) -> dict[str, Any]:
    """Add the error responses (and the Error schema) to every operation that lacks them."""
    schema.setdefault("components", {}).setdefault("schemas", {}).setdefault("Error", ERROR_SCHEMA)
    for path in schema.get("paths", {}).values():
        for method, operation in path.items():
            responses = operation.setdefault("responses", {})
            for status in error_statuses(method, operation):
                responses.setdefault(
                    str(status),
                    {
                        "description": DESCRIPTIONS[status],
                        "content": {"application/json": {"schema": {"$ref": ERROR_REF}}},
                    },
                )
    return schema
