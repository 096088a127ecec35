"""Hostile and careless input answers 4xx in the one error shape, stores nothing, breaks no page.

Each case reproduces a 500 found by probing the running service (issue #14)."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from aeo.accounts.constants import Role
from aeo.accounts.services import issue_token
from aeo.core.text import text_problem
from aeo.registry.models import CustomsOffice
from aeo.registry.tests.factories import OperatorFactory, TraderFactory, UserFactory
from aeo.requirements import services as requirement_services
from aeo.requirements.models import Answer, Evidence
from aeo.supervision.models import ContactLog

pytestmark = pytest.mark.django_db

HUGE = 2**63


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def trader():
    return TraderFactory(operator=OperatorFactory(roles=["importer"], employee_count=40))


@pytest.fixture
def examiner():
    return UserFactory(role=Role.EXAMINER, office=CustomsOffice.objects.get(code="AEOC"))


def bearer(user) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {issue_token(actor=None, user=user)}"}


def assert_refused(response, status: int, code: str, field: str | None = None):
    assert response.status_code == status, response.content
    body = response.json()
    assert {"detail", "errors"} <= set(body)
    if code is not None:  # refused by the input layer, which gives the error codes already
        assert set(body) == {"detail", "code", "errors"}
        assert body["code"] == code
    if field is not None:
        assert field in [e["field"] for e in body["errors"]]


@pytest.mark.parametrize(
    ("value", "field"),
    [
        ({"value": "ok \udfff"}, "value"),
        ({"value": "ok \x00 nul"}, "value"),
        ({"value": "fine", "sme_alternative": "\ud800"}, "sme_alternative"),
    ],
)
def test_unstorable_text_in_an_answer_is_refused_and_the_sheet_still_shows(
    client, trader, value, field
):
    sheet = requirement_services.create_self_assessment(actor=trader, operator=trader.operator)
    body = json.dumps(value)  # \udfff goes over the wire as the JSON escape "\\udfff"
    response = client.put(
        f"/api/v1/self-assessments/{sheet.pk}/answers/CR-4",
        body,
        content_type="application/json",
        **bearer(trader),
    )
    assert_refused(response, 422, "invalid_text", field)
    assert not Answer.objects.exists()
    client.force_login(trader)
    assert client.get(f"/requirements/self-assessments/{sheet.pk}/").status_code == 200


def test_raw_utf8_encoded_surrogates_in_a_json_body_are_refused(client, trader):
    sheet = requirement_services.create_self_assessment(actor=trader, operator=trader.operator)
    body = b'{"value": "ok \xed\xbf\xbf"}'  # a surrogate encoded as if it were a character
    response = client.put(
        f"/api/v1/self-assessments/{sheet.pk}/answers/CR-4",
        body,
        content_type="application/json",
        **bearer(trader),
    )
    assert response.status_code == 422
    assert not Answer.objects.exists()


@pytest.mark.parametrize("query", ["q=%00", "q=a%00b", "type=%00", "%00=1"])
def test_nul_in_the_public_register_search_is_refused(client, query):
    assert_refused(client.get(f"/api/v1/register?{query}"), 422, "invalid_text")
    page = client.get(f"/aeo/register/?{query}")
    assert page.status_code == 422
    assert "NUL" in page.text


def test_nul_in_a_path_is_refused(client, examiner):
    response = client.get("/api/v1/register/JP-IMP-%00", **bearer(examiner))
    assert_refused(response, 422, "invalid_text")


def test_nul_in_a_page_form_is_refused(client, examiner):
    operator = OperatorFactory()
    client.force_login(examiner)
    response = client.post(
        reverse("supervision:operator", args=[operator.pk]),
        {"kind": "phone", "occurred_at": "2026-11-20T10:30", "summary": "call\x00"},
    )
    assert response.status_code == 422
    assert not ContactLog.objects.exists()


def test_invalid_json_is_refused(client, trader):
    response = client.post(
        "/api/v1/operators", "{not json", content_type="application/json", **bearer(trader)
    )
    assert_refused(response, 422, "invalid_json")
    deep = "[" * 100_000 + "]" * 100_000
    response = client.post(
        "/api/v1/operators", deep, content_type="application/json", **bearer(trader)
    )
    assert_refused(response, 422, "invalid_json")


PAGINATED = [
    "/api/v1/register",
    "/api/v1/operators",
    "/api/v1/applications",
    "/api/v1/authorizations",
    "/api/v1/notifications",
]


@pytest.mark.parametrize("url", PAGINATED)
@pytest.mark.parametrize("query", [f"limit={HUGE}", f"offset={HUGE}", "limit=100000", "limit=0"])
def test_pages_are_bounded(client, examiner, url, query):
    assert_refused(client.get(f"{url}?{query}", **bearer(examiner)), 422, None)


@pytest.mark.parametrize("url", PAGINATED)
def test_a_page_within_bounds_answers(client, examiner, url):
    response = client.get(f"{url}?limit=200&offset=1000000", **bearer(examiner))
    assert response.status_code == 200
    assert response.json()["items"] == []


@pytest.mark.parametrize(
    "url",
    [
        f"/api/v1/operators/{HUGE}",
        f"/api/v1/applications/{HUGE}",
        f"/api/v1/authorizations/{HUGE}",
        f"/api/v1/self-assessments/{HUGE}",
        f"/api/v1/authorizations?operator_id={HUGE}",
    ],
)
def test_ids_beyond_64_bits_are_refused(client, examiner, url):
    assert client.get(url, **bearer(examiner)).status_code == 422


def test_notification_ids_beyond_64_bits_are_refused(client, examiner):
    response = client.post(
        "/api/v1/notifications/read",
        json.dumps({"ids": [HUGE]}),
        content_type="application/json",
        **bearer(examiner),
    )
    assert response.status_code == 422


def test_multipart_without_a_boundary_is_refused(client, trader):
    sheet = requirement_services.create_self_assessment(actor=trader, operator=trader.operator)
    response = client.post(
        f"/api/v1/self-assessments/{sheet.pk}/answers/CR-4/evidence",
        b"--x\r\n",
        content_type="multipart/form-data",
        **bearer(trader),
    )
    assert_refused(response, 422, "invalid_body")


def test_more_than_100_files_are_refused_unstored(client, trader):
    sheet = requirement_services.create_self_assessment(actor=trader, operator=trader.operator)
    files = [SimpleUploadedFile(f"f{i}.pdf", b"%PDF-1.4\n") for i in range(101)]
    response = client.post(
        f"/api/v1/self-assessments/{sheet.pk}/answers/CR-4/evidence",
        {"file": files},
        **bearer(trader),
    )
    assert_refused(response, 413, "too_many_files")
    assert not Evidence.objects.exists()


def test_unprintable_characters_never_reach_a_stored_file_name(client, trader):
    sheet = requirement_services.create_self_assessment(actor=trader, operator=trader.operator)
    upload = SimpleUploadedFile("report\x00.pdf", b"%PDF-1.4\n")
    response = client.post(
        f"/api/v1/self-assessments/{sheet.pk}/answers/CR-4/evidence",
        {"file": upload},
        **bearer(trader),
    )
    assert response.status_code in {201, 422}, response.content
    assert all(
        text_problem(name) is None for name in Evidence.objects.values_list("name", flat=True)
    )


@pytest.mark.parametrize(
    "occurred_at", ["0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00", "9999-12-31T23:00:00-12:00"]
)
def test_contacts_at_the_edge_of_the_calendar_are_refused(client, examiner, occurred_at):
    operator = OperatorFactory()
    response = client.post(
        f"/api/v1/operators/{operator.pk}/contacts",
        json.dumps({"kind": "phone", "occurred_at": occurred_at, "summary": "x"}),
        content_type="application/json",
        **bearer(examiner),
    )
    assert response.status_code == 422
    assert not ContactLog.objects.exists()


@pytest.mark.parametrize("value", ["NaN", "Infinity", "-Infinity", str(10**30)])
def test_numbers_no_column_holds_are_refused(client, trader, value):
    sheet = requirement_services.create_self_assessment(actor=trader, operator=trader.operator)
    response = client.put(
        f"/api/v1/self-assessments/{sheet.pk}/answers/CR-4",
        '{"value": ' + value + "}",
        content_type="application/json",
        **bearer(trader),
    )
    assert response.status_code == 422
    assert not Answer.objects.exists()


@pytest.mark.parametrize("token", ["nonsense", "aeo_" + "x" * 43])
def test_a_bad_token_on_a_write_answers_401_not_a_csrf_failure(client, token):
    response = client.post("/api/v1/self-assessments", HTTP_AUTHORIZATION=f"Bearer {token}")
    assert response.status_code == 401
    assert response.json()["detail"] != "CSRF check Failed"


def test_a_revoked_token_answers_401(client, trader):
    from django.utils import timezone

    from aeo.accounts.models import ApiToken

    auth = bearer(trader)
    ApiToken.objects.update(revoked_at=timezone.now())
    assert client.post("/api/v1/self-assessments", **auth).status_code == 401


def test_a_browser_session_still_needs_its_csrf_token(trader):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(trader)
    assert client.post("/api/v1/self-assessments").status_code == 403


@pytest.mark.parametrize("occurred_at", ["0001-01-01T00:00", "1000-01-01T00:00"])
def test_a_page_form_refuses_a_time_no_column_holds(client, examiner, occurred_at):
    operator = OperatorFactory()
    client.force_login(examiner)
    response = client.post(
        reverse("supervision:operator", args=[operator.pk]),
        {"kind": "phone", "occurred_at": occurred_at, "summary": "call"},
        follow=True,
    )
    assert response.status_code == 200
    assert not ContactLog.objects.exists()
