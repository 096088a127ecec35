"""The public register: no sign-in, active authorizations only, public fields only."""

import pytest
from django.urls import reverse

from aeo.authorizations.numbering import could_begin_aeo_number
from aeo.authorizations.tests.conftest import change_to, issue
from aeo.registry.tests.factories import OperatorFactory

pytestmark = pytest.mark.django_db

PUBLIC_FIELDS = {
    "aeo_number",
    "legal_name",
    "tin",
    "economy",
    "type",
    "type_label",
    "valid_from",
    "valid_to",
    "status",
}


@pytest.fixture
def listed():
    operator = OperatorFactory(
        legal_name="Fuji Logistics K.K.",
        address="1-1 Secret Street, Tokyo",
        email="private@fuji.example",
        employee_count=4321,
        roles=["importer", "sea_carrier"],
    )
    return issue(operator, ["importer", "sea_carrier"])


@pytest.fixture
def revoked():
    (authorization,) = issue(OperatorFactory(legal_name="Revoked Shoji K.K."))
    return change_to(actor=None, authorization=authorization, to="revoked", reason="Fraud.")


def test_api_needs_no_login_and_lists_only_active_with_only_public_fields(client, listed, revoked):
    body = client.get("/api/v1/register").json()
    assert body["count"] == 2
    assert {row["aeo_number"] for row in body["items"]} == {a.aeo_number for a in listed}
    for row in body["items"]:
        assert set(row) == PUBLIC_FIELDS
        assert row["status"] == "active"
    first = next(row for row in body["items"] if row["type"] == "IMP")
    assert first["legal_name"] == "Fuji Logistics K.K."
    assert first["type_label"] == "Authorized Importer"
    assert (first["valid_from"], first["valid_to"], first["economy"]) == ("2025-04-01", None, "JP")
    text = str(body)
    for secret in ("Secret Street", "private@fuji.example", "4321"):
        assert secret not in text


@pytest.mark.parametrize("attribute", ["legal_name", "tin", "aeo_number"])
def test_api_search_by_name_tin_or_number(client, listed, attribute):
    importer = listed[0]
    other = issue(OperatorFactory(legal_name="Other Co."))[0]
    term = {
        "legal_name": "fuji logistics",
        "tin": importer.operator.tin,
        "aeo_number": importer.aeo_number.lower(),
    }[attribute]
    body = client.get("/api/v1/register", {"q": term}).json()
    numbers = {row["aeo_number"] for row in body["items"]}
    assert importer.aeo_number in numbers
    assert other.aeo_number not in numbers


def test_api_filters_by_type_and_paginates(client, listed):
    logistics = client.get("/api/v1/register", {"type": "LOG"}).json()
    assert [row["aeo_number"] for row in logistics["items"]] == [listed[1].aeo_number]
    page = client.get("/api/v1/register", {"limit": 1, "offset": 1}).json()
    assert page["count"] == 2 and len(page["items"]) == 1
    bad = client.get("/api/v1/register", {"type": "XYZ"})
    assert bad.status_code == 422
    assert bad.json()["errors"][0]["field"] == "type"


def test_api_entry_by_number_only_while_active(client, listed, revoked):
    entry = client.get(f"/api/v1/register/{listed[0].aeo_number}")
    assert entry.status_code == 200
    assert set(entry.json()) == PUBLIC_FIELDS
    gone = client.get(f"/api/v1/register/{revoked.aeo_number}")
    assert gone.status_code == 404
    assert gone.json() == {"detail": "Not found.", "code": "not_found", "errors": []}


def test_operation_ids_and_no_auth_in_the_schema(client):
    schema = client.get("/api/v1/openapi.json").json()
    operations = {
        op["operationId"]: op for path in schema["paths"].values() for op in path.values()
    }
    for operation_id in ("search_register", "get_register_entry"):
        assert "security" not in operations[operation_id]
    params = {p["name"] for p in operations["search_register"]["parameters"]}
    assert {"q", "type", "limit", "offset"} <= params


def test_page_needs_no_login_searches_and_hides_internal_fields(client, listed, revoked):
    url = reverse("authorizations:register")
    page = client.get(url)
    assert page.status_code == 200
    assert listed[0].aeo_number in page.text
    assert revoked.aeo_number not in page.text
    for secret in ("Secret Street", "private@fuji.example", "4,321"):
        assert secret not in page.text
    found = client.get(url, {"q": listed[0].operator.tin, "type": "IMP"})
    assert listed[0].aeo_number in found.text
    assert listed[1].aeo_number not in found.text
    none = client.get(url, {"q": "nobody"})
    assert "No authorization matches your search." in none.text


def test_page_paginates(client):
    for _ in range(26):
        issue(OperatorFactory())
    url = reverse("authorizations:register")
    first, second = client.get(url).text, client.get(url, {"page": 2}).text
    assert "Page 1 of 2" in first and "Page 2 of 2" in second
    assert (first.count("JP-IMP-"), second.count("JP-IMP-")) == (25, 1)


@pytest.mark.parametrize(
    ("text", "could"),
    [
        ("J", True),
        ("JP", True),
        ("JP-", True),
        ("JP-IMP", True),
        ("JP-IMP-", True),
        ("JP-IMP-0000", True),
        ("JP-IMP-000123", True),
        ("JP-IMP-0001234", False),
        ("FUJI", False),
        ("TSUBASA", False),
        ("JPX-IMP", False),
    ],
)
def test_what_could_begin_an_aeo_number(text, could):
    assert could_begin_aeo_number(text) is could


def test_api_search_by_the_beginning_of_a_number(client, listed):
    importer = listed[0]
    prefix = importer.aeo_number.rsplit("-", 1)[0].lower()  # "jp-imp"
    numbers = {
        row["aeo_number"] for row in client.get("/api/v1/register", {"q": prefix}).json()["items"]
    }
    assert importer.aeo_number in numbers
