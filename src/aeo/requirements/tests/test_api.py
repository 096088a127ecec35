"""The JSON API: the published template, the trader's own check sheet, one error shape."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from aeo.accounts.constants import Role
from aeo.accounts.services import issue_token
from aeo.core.models import AuditEvent
from aeo.registry.models import CustomsOffice
from aeo.registry.tests.factories import OperatorFactory, TraderFactory, UserFactory
from aeo.requirements import services
from aeo.requirements.models import Answer, Evidence
from aeo.requirements.tests.factories import complete, pdf

pytestmark = pytest.mark.django_db


def bearer(user) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {issue_token(actor=None, user=user)}"}


def put(client, url, body, auth):
    data = body if isinstance(body, str) else json.dumps(body)
    return client.put(url, data, content_type="application/json", **auth)


def assert_error(response, status, field):
    assert response.status_code == status, response.content
    body = response.json()
    assert set(body) == {"detail", "errors"}
    assert field in [e["field"] for e in body["errors"]]


def test_operation_ids(client):
    schema = client.get("/api/v1/openapi.json").json()
    ids = {op["operationId"] for path in schema["paths"].values() for op in path.values()}
    assert {
        "get_current_template",
        "create_self_assessment",
        "get_self_assessment",
        "answer_question",
        "upload_evidence",
        "download_evidence",
    } <= ids


def test_template_for_the_traders_roles_and_filtered(client, examiner):
    trader = TraderFactory(operator=OperatorFactory(roles=["importer", "warehouse_operator"]))
    codes = lambda r: [c["code"] for c in r.json()["criteria"]]  # noqa: E731
    mine = client.get("/api/v1/requirements/template", **bearer(trader))
    assert mine.status_code == 200
    assert mine.json()["version"] == 1
    assert "WH" in codes(mine) and "CB" not in codes(mine)
    question = mine.json()["criteria"][0]["questions"][0]
    assert set(question) == {"id", "code", "text", "help_text", "kind", "choices", "required"}

    # ?roles= narrows within the trader's own roles, never beyond them.
    narrowed = client.get(
        "/api/v1/requirements/template?roles=importer&roles=customs_broker", **bearer(trader)
    )
    assert "WH" not in codes(narrowed) and "CB" not in codes(narrowed)
    # Officials see everything, or what they filter.
    everything = client.get("/api/v1/requirements/template", **bearer(examiner))
    assert {"WH", "CB", "VS"} <= set(codes(everything))
    broker = client.get("/api/v1/requirements/template?roles=customs_broker", **bearer(examiner))
    assert "CB" in codes(broker) and "CS" not in codes(broker)
    assert_error(
        client.get("/api/v1/requirements/template?roles=pirate", **bearer(examiner)),
        422,
        "roles.0",
    )


def test_trader_fills_its_check_sheet_through_the_api(client, trader):
    auth = bearer(trader)
    created = client.post("/api/v1/self-assessments", **auth)
    assert created.status_code == 201, created.content
    body = created.json()
    sa_id = body["id"]
    assert body["status"] == "draft"
    assert body["progress"]["answered"] == 0
    assert body["ready"] is False
    assert len(body["gaps"]) == body["progress"]["total"]
    assert client.post("/api/v1/self-assessments", **auth).json()["id"] == sa_id

    saved = put(client, f"/api/v1/self-assessments/{sa_id}/answers/CR-1", {"value": False}, auth)
    assert saved.status_code == 200, saved.content
    assert saved.json()["answer"]["value"] is False
    assert saved.json()["progress"]["answered"] == 1

    uploaded = client.post(
        f"/api/v1/self-assessments/{sa_id}/answers/OA-5/evidence",
        {"file": pdf()},
        **auth,
    )
    assert uploaded.status_code == 201, uploaded.content
    assert uploaded.json()["question_code"] == "OA-5"
    download = client.get(uploaded.json()["download_url"], **auth)
    assert download.status_code == 200

    detail = client.get(f"/api/v1/self-assessments/{sa_id}", **auth).json()
    assert detail["progress"]["answered"] == 2
    gaps = {g["question_code"]: g["reason"] for g in detail["gaps"]}
    assert gaps["CR-1"] == "not_met"
    assert "OA-5" not in gaps


def test_ready_when_no_gap_remains(client, trader, sheet):
    complete(sheet, trader)
    detail = client.get(f"/api/v1/self-assessments/{sheet.pk}", **bearer(trader)).json()
    assert detail["ready"] is True
    assert detail["gaps"] == []


@pytest.mark.parametrize(
    ("question", "body", "status", "field"),
    [
        ("XX-1", {"value": "yes"}, 400, "question"),
        ("999999", {"value": "yes"}, 400, "question"),
        ("CR-3", {"value": "three"}, 400, "value"),
        ("OA-1", {"value": "2024-13-01"}, 400, "value"),
        ("OA-3", {"value": "Telepathy"}, 400, "value"),
        ("CR-1", {"value": ["yes"]}, 400, "value"),
        ("IA-1", {"value": False, "sme_alternative": "bribery"}, 422, "sme_alternative"),
        ("CR-1", {"value": False, "sme_alternative": "outsourced"}, 400, "sme_alternative"),
    ],
)
def test_bad_answers_name_the_field_and_write_nothing(
    client, trader, sheet, question, body, status, field
):
    auth = bearer(trader)
    events = AuditEvent.objects.count()
    response = put(client, f"/api/v1/self-assessments/{sheet.pk}/answers/{question}", body, auth)
    assert_error(response, status, field)
    assert not Answer.objects.exists()
    assert AuditEvent.objects.count() == events


def test_malformed_json_answers_4xx(client, trader, sheet):
    response = put(
        client, f"/api/v1/self-assessments/{sheet.pk}/answers/CR-1", '{"value": ', bearer(trader)
    )
    assert 400 <= response.status_code < 500
    assert {"detail", "errors"} <= set(response.json())  # and "code" (issue #9)


def test_a_submitted_self_assessment_refuses_answers(client, trader, sheet):
    complete(sheet, trader)
    services.freeze(actor=trader, self_assessment=sheet)
    response = put(
        client,
        f"/api/v1/self-assessments/{sheet.pk}/answers/CR-1",
        {"value": False},
        bearer(trader),
    )
    assert response.status_code == 409
    assert response.json()["errors"][0]["message"].startswith(
        "The self-assessment has been submitted"
    )


def test_bad_uploads_name_the_file_field(client, trader, sheet):
    url = f"/api/v1/self-assessments/{sheet.pk}/answers/OA-5/evidence"
    fake = SimpleUploadedFile("register.pdf", b"just text")
    assert_error(client.post(url, {"file": fake}, **bearer(trader)), 400, "file")
    assert_error(client.post(url, {}, **bearer(trader)), 400, "file")
    assert not Evidence.objects.exists()


def test_another_operators_self_assessment_is_404(client, sheet):
    other = bearer(TraderFactory())
    base = f"/api/v1/self-assessments/{sheet.pk}"
    assert client.get(base, **other).status_code == 404
    assert put(client, f"{base}/answers/CR-1", {"value": True}, other).status_code == 404
    assert client.post(f"{base}/answers/OA-5/evidence", {}, **other).status_code in (404, 422)
    assert client.get("/api/v1/self-assessments", **other).json() == []
    assert not Answer.objects.exists()


def test_officials_read_but_do_not_start_or_fill(client, sheet):
    auth = bearer(UserFactory(role=Role.COORDINATOR))
    assert client.get(f"/api/v1/self-assessments/{sheet.pk}", **auth).status_code == 200
    assert client.post("/api/v1/self-assessments", **auth).status_code == 403
    response = put(
        client, f"/api/v1/self-assessments/{sheet.pk}/answers/CR-1", {"value": True}, auth
    )
    assert response.status_code == 403


def test_check_sheets_are_read_only_by_the_officials_concerned(client, sheet):
    url = f"/api/v1/self-assessments/{sheet.pk}"
    for role in (Role.BORDER_OFFICER, Role.OGA_OFFICER, Role.ACCOUNT_MANAGER):
        assert client.get(url, **bearer(UserFactory(role=role))).status_code == 404
    unrelated = UserFactory(role=Role.EXAMINER, office=CustomsOffice.objects.get(code="OSAKA"))
    assert client.get(url, **bearer(unrelated)).status_code == 404
    center = UserFactory(role=Role.EXAMINER, office=CustomsOffice.objects.get(code="AEOC"))
    assert client.get(url, **bearer(center)).status_code == 200


def test_a_question_reference_that_only_looks_numeric_is_not_a_500(client, trader, sheet):
    response = put(
        client, f"/api/v1/self-assessments/{sheet.pk}/answers/%C2%B2", {"value": 1}, bearer(trader)
    )
    assert 400 <= response.status_code < 500


def test_an_oversized_upload_is_refused_before_it_is_stored(client, trader, sheet, settings):
    settings.MAX_REQUEST_BYTES = 4096
    big = SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * 10_000, content_type="application/pdf")
    url = f"/api/v1/self-assessments/{sheet.pk}/answers/OA-5/evidence"
    response = client.post(url, {"file": big}, **bearer(trader))
    assert response.status_code == 413
    assert response.json()["detail"] == "Request body too large."
    assert not Evidence.objects.exists()
