"""Creating and editing operators through the API: the one error shape, nothing half-written."""

import json

import pytest

from aeo.accounts.constants import Role
from aeo.core.models import AuditEvent
from aeo.registry.models import Operator
from aeo.registry.tests.factories import OperatorFactory, UserFactory, japan_tin

pytestmark = pytest.mark.django_db

VALID = {
    "economy": "JP",
    "tin": japan_tin(424242),
    "legal_name": "Minato Logistics K.K.",
    "region": "JP-27",
    "employee_count": 40,
    "roles": ["logistics_operator", "warehouse_operator"],
}


@pytest.fixture
def examiner_client(client):
    client.force_login(UserFactory(role=Role.EXAMINER))
    return client


def post(client, body, **extra):
    data = body if isinstance(body, str | bytes) else json.dumps(body)
    return client.post("/api/v1/operators", data, content_type="application/json", **extra)


def test_create_operator_routes_to_regional_unit_and_is_audited(examiner_client):
    response = post(examiner_client, VALID)
    assert response.status_code == 201, response.content
    body = response.json()
    assert body["office"] == "OSAKA"
    assert body["is_sme"] is True
    assert body["roles"] == ["logistics_operator", "warehouse_operator"]
    event = AuditEvent.objects.get(action="operator.created", object_id=str(body["id"]))
    assert event.actor.role == Role.EXAMINER
    assert event.changes["legal_name"] == [None, "Minato Logistics K.K."]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"tin": "7000012050003"}, "tin"),
        ({"economy": "XX"}, "economy"),
        ({"employee_count": -1}, "employee_count"),
        ({"employee_count": "many"}, "employee_count"),
        ({"roles": ["smuggler"]}, "roles.0"),
        ({"roles": []}, "roles"),
        ({"region": "JP-99"}, "region"),
        ({"legal_name": ""}, "legal_name"),
    ],
)
def test_bad_input_names_the_field_and_writes_nothing(examiner_client, change, field):
    before = (Operator.objects.count(), AuditEvent.objects.count())
    response = post(examiner_client, {**VALID, **change})
    assert 400 <= response.status_code < 500
    body = response.json()
    assert set(body) == {"detail", "errors"}
    assert field in [e["field"] for e in body["errors"]]
    assert (Operator.objects.count(), AuditEvent.objects.count()) == before


def test_duplicate_tin_in_the_same_economy_is_refused(examiner_client):
    OperatorFactory(tin=VALID["tin"])
    response = post(examiner_client, VALID)
    assert response.status_code == 422
    assert response.json()["errors"] == [
        {"field": "tin", "message": "An operator with this TIN already exists in this economy."}
    ]


def test_malformed_and_oversized_json_answer_4xx_in_the_error_shape(examiner_client, settings):
    malformed = post(examiner_client, '{"economy": "JP", ')
    assert malformed.status_code in (400, 422)
    assert {"detail", "errors"} <= set(malformed.json())  # and "code" (issue #9)
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1000
    huge = post(examiner_client, {**VALID, "address": "x" * 5000})
    assert huge.status_code == 413
    assert huge.json()["detail"] == "Request body too large."
    assert not Operator.objects.exists()


def test_update_records_what_changed_and_why(examiner_client):
    op = OperatorFactory(employee_count=500)
    response = examiner_client.patch(
        f"/api/v1/operators/{op.pk}",
        {"employee_count": 120, "roles": ["importer", "exporter"], "reason": "annual update"},
        content_type="application/json",
    )
    assert response.status_code == 200
    assert response.json()["is_sme"] is True
    event = AuditEvent.objects.get(action="operator.updated", object_id=str(op.pk))
    assert event.changes == {
        "employee_count": [500, 120],
        "roles": [["importer"], ["exporter", "importer"]],
    }
    assert event.reason == "annual update"


def test_economies_api(examiner_client):
    economies = examiner_client.get("/api/v1/economies").json()
    assert len(economies) == 21
    nz = examiner_client.get("/api/v1/economies/nz").json()
    assert nz["sme_employee_cap"] == 20
    assert examiner_client.get("/api/v1/economies/ZZ").json() == {
        "detail": "Not found.",
        "errors": [],
    }


@pytest.mark.parametrize("field", ["economy", "tin", "legal_name", "employee_count", "roles"])
def test_patching_a_required_field_with_null_is_a_field_error(examiner_client, field):
    op = OperatorFactory()
    response = examiner_client.patch(
        f"/api/v1/operators/{op.pk}", {field: None}, content_type="application/json"
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == field


def test_patching_address_with_null_clears_it(examiner_client):
    op = OperatorFactory(address="1-1 Chiyoda")
    response = examiner_client.patch(
        f"/api/v1/operators/{op.pk}", {"address": None}, content_type="application/json"
    )
    assert response.status_code == 200
    assert response.json()["address"] == ""
