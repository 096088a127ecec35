"""One error convention: every 4xx has a code, one status per kind, all listed in OpenAPI."""

import pytest

from aeo.api import api
from aeo.applications.tests.helpers import submitted_application, trader_in_tokyo
from aeo.applications.tests.test_api import Api

pytestmark = pytest.mark.django_db

SCHEMA = api.get_openapi_schema()
OPERATIONS = [
    (path, method, operation)
    for path, methods in SCHEMA["paths"].items()
    for method, operation in methods.items()
]


@pytest.mark.parametrize(
    ("path", "method", "operation"), OPERATIONS, ids=[o["operationId"] for _, _, o in OPERATIONS]
)
def test_every_operation_documents_its_errors_with_the_error_schema(path, method, operation):
    statuses = {int(s) for s in operation["responses"] if int(s) >= 400}
    assert 422 in statuses
    if operation.get("security"):
        assert {401, 403} <= statuses
    if "{" in path:
        assert 404 in statuses
    if method in ("post", "put", "patch", "delete"):
        assert {409, 413} <= statuses
    for status in statuses:
        schema = operation["responses"][status]["content"]["application/json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/ErrorOut"}
    assert set(SCHEMA["components"]["schemas"]["ErrorOut"]["required"]) >= {"detail", "code"}


def test_each_kind_of_error_answers_its_status_and_code(client):
    trader = trader_in_tokyo()
    me = Api(client, trader)
    application = submitted_application(trader)
    url = f"/applications/{application.pk}"
    cases = [
        (client.get("/api/v1/applications"), 401, "authentication_required"),
        (me.get("/applications/999999"), 404, "not_found"),
        (me.post(f"{url}/accept", {}), 403, "forbidden"),
        (me.post(f"{url}/submit", {"version": "x"}), 422, "invalid_input"),
        (me.post(f"{url}/submit", {"version": application.version - 1}), 409, "stale"),
        (me.post(f"{url}/submit", {}), 409, "invalid_transition"),
        (me.post(f"{url}/response", {"response": " "}), 422, "required"),
        (
            client.post(f"/api/v1{url}/response", "\n", content_type="application/json", **me.auth),
            422,
            "invalid_json",
        ),
    ]
    for response, status, code in cases:
        body = response.json()
        assert (response.status_code, body["code"]) == (status, code), body
        assert all(set(e) == {"field", "code", "message"} for e in body["errors"])


def test_detail_responses_carry_the_actions_the_map_allows(client):
    trader = trader_in_tokyo()
    application = submitted_application(trader)
    body = Api(client, trader).get(f"/applications/{application.pk}").json()
    assert body["allowed_actions"] == ["withdrawn"]
    assert body["check_sheets"][0]["number"] == 1
