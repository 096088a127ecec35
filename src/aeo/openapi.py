"""The OpenAPI document lists the errors each operation can give, with the error schema.

Derived from what the operation is, so a new endpoint is documented without a second list:
401 where it needs authentication, 403 where a role may be refused, 404 where it names an
object in its path, 409 for every write (illegal move, stale version, conflict), 413 for a
request body, 422 for any input, 429 where it is throttled.
"""

from typing import Any

from ninja import NinjaAPI
from ninja.openapi.schema import REF_TEMPLATE, OpenAPISchema
from ninja.operation import Operation

from aeo.core.schemas import ErrorOut

WRITES = {"POST", "PUT", "PATCH", "DELETE"}
DESCRIPTIONS = {
    401: "Authentication required (no, a bad, an expired or a revoked token).",
    403: "Your role may not do this.",
    404: "Not found, or not yours.",
    409: "Conflict: an illegal move, a stale version, or a state that forbids it.",
    413: "Request body too large.",
    422: "Invalid input: each error names its field.",
    429: "Too many requests: retry after the Retry-After header's seconds.",
}


def error_statuses(operation: Operation) -> list[int]:
    statuses = [422]
    if operation.auth_callbacks:
        statuses += [401, 403]
    if "{" in operation.path:
        statuses.append(404)
    if set(operation.methods) & WRITES:
        statuses += [409, 413]
    if getattr(operation, "throttle_objects", None):
        statuses.append(429)
    return sorted(statuses)


class DocumentedErrors(OpenAPISchema):
    def operation_details(self, operation: Operation) -> dict[str, Any]:
        details = super().operation_details(operation)
        schema = ErrorOut.model_json_schema(ref_template=REF_TEMPLATE)
        self.add_schema_definitions(schema.pop("$defs", {}))
        self.schemas["ErrorOut"] = schema
        ref = {"$ref": REF_TEMPLATE.format(model="ErrorOut")}
        for status in error_statuses(operation):
            details["responses"].setdefault(
                status,
                {
                    "description": DESCRIPTIONS[status],
                    "content": {"application/json": {"schema": ref}},
                },
            )
        return details


class AeoNinjaAPI(NinjaAPI):
    def get_openapi_schema(self, *, path_prefix=None, path_params=None) -> OpenAPISchema:
        if path_prefix is None:
            path_prefix = self.get_root_path(path_params or {})
        return DocumentedErrors(self, path_prefix)
