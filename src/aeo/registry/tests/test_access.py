"""A trader sees and edits only its own operator: anything else answers 404, lists exclude it."""

import pytest
from django.urls import reverse

from aeo.accounts.constants import Role
from aeo.accounts.services import issue_token
from aeo.registry.tests.factories import OperatorFactory, TraderFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def trader():
    return TraderFactory()


@pytest.fixture
def other():
    return OperatorFactory(legal_name="Rival Shoji K.K.")


def bearer(user) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {issue_token(actor=None, user=user)}"}


def test_trader_pages_show_own_operator_and_404_for_another(client, trader, other):
    client.force_login(trader)
    own = client.get(reverse("registry:operator_detail", args=[trader.operator_id]))
    assert own.status_code == 200
    assert trader.operator.legal_name in own.text
    assert client.get(reverse("registry:operator_detail", args=[other.pk])).status_code == 404
    assert client.get(reverse("registry:operator_edit", args=[other.pk])).status_code == 404
    response = client.post(
        reverse("registry:operator_edit", args=[other.pk]), {"legal_name": "Hijacked"}
    )
    assert response.status_code == 404
    other.refresh_from_db()
    assert other.legal_name == "Rival Shoji K.K."


def test_trader_api_list_and_detail_never_include_another_operator(client, trader, other):
    auth = bearer(trader)
    listed = client.get("/api/v1/operators", **auth).json()
    assert [row["id"] for row in listed["items"]] == [trader.operator_id]
    assert client.get(f"/api/v1/operators/{other.pk}", **auth).status_code == 404
    patch = client.patch(
        f"/api/v1/operators/{other.pk}",
        {"legal_name": "Hijacked"},
        content_type="application/json",
        **auth,
    )
    assert patch.status_code == 404
    searched = client.get("/api/v1/operators", {"q": "Rival"}, **auth).json()
    assert searched["count"] == 0


def test_trader_may_not_change_its_tin_or_create_operators(client, trader):
    auth = bearer(trader)
    response = client.patch(
        f"/api/v1/operators/{trader.operator_id}",
        {"tin": "1010001000006"},
        content_type="application/json",
        **auth,
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "tin"
    created = client.post(
        "/api/v1/operators",
        {
            "economy": "JP",
            "tin": "1010001000006",
            "legal_name": "X",
            "employee_count": 3,
            "roles": ["importer"],
        },
        content_type="application/json",
        **auth,
    )
    assert created.status_code == 403


def test_trader_updates_its_contact_but_not_confirmed_facts(client, trader, other):
    """A new legal name, address, region or employee count goes by change notification: the
    public register and SME status never change on the trader's word alone."""
    auth = bearer(trader)
    response = client.patch(
        f"/api/v1/operators/{trader.operator_id}",
        {"email": "customs@example.jp", "reason": "new mailbox"},
        content_type="application/json",
        **auth,
    )
    assert response.status_code == 200
    assert response.json()["email"] == "customs@example.jp"
    for field, value in (("employee_count", 12), ("legal_name", "Toyota Motor Corporation")):
        refused = client.patch(
            f"/api/v1/operators/{trader.operator_id}",
            {field: value},
            content_type="application/json",
            **auth,
        )
        assert refused.status_code == 422
        assert refused.json()["code"] == "change_notification_required"
    trader.operator.refresh_from_db()
    assert trader.operator.legal_name != "Toyota Motor Corporation"
    examiner = UserFactory(role=Role.EXAMINER)
    ids = {r["id"] for r in client.get("/api/v1/operators", **bearer(examiner)).json()["items"]}
    assert {trader.operator_id, other.pk} <= ids


def test_roles_without_registry_access_see_nothing(client, other):
    partner = UserFactory(role=Role.PARTNER_CUSTOMS)
    assert client.get("/api/v1/operators", **bearer(partner)).json()["count"] == 0
    assert client.get(f"/api/v1/operators/{other.pk}", **bearer(partner)).status_code == 404


def test_api_requires_authentication(client, other):
    response = client.get("/api/v1/operators")
    assert response.status_code == 401
    assert response.json() == {
        "detail": "Authentication required.",
        "code": "authentication_required",
        "errors": [],
    }
    bad = client.get("/api/v1/operators", HTTP_AUTHORIZATION="Bearer aeo_not-a-token")
    assert bad.status_code == 401
