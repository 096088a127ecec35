"""Officials' API: list, read, suspend, lift, revoke, surrender; traders see only their own."""

import pytest

from aeo.accounts.constants import Role
from aeo.authorizations.tests.conftest import bearer, issue
from aeo.registry.tests.factories import OperatorFactory, UserFactory

pytestmark = pytest.mark.django_db


OPERATION = {
    "suspended": "suspend",
    "active": "lift",
    "revoked": "revoke",
    "surrendered": "surrender",
}


def _status(client, authorization, user, to, reason="Audit findings.", **extra):
    body = {"reason": reason, **extra}
    if to == "suspended":
        body.setdefault("ground", "facts")
    return client.post(
        f"/api/v1/authorizations/{authorization.pk}/{OPERATION[to]}",
        body,
        content_type="application/json",
        **bearer(user),
    )


def test_official_lists_and_reads_with_history(client, authorization, examiner):
    other = issue(OperatorFactory())[0]
    listed = client.get("/api/v1/authorizations", **bearer(examiner)).json()
    assert {row["id"] for row in listed["items"]} == {authorization.pk, other.pk}
    detail = client.get(f"/api/v1/authorizations/{authorization.pk}", **bearer(examiner)).json()
    assert detail["aeo_number"] == authorization.aeo_number
    assert detail["history"][0]["from_state"] is None
    assert detail["history"][0]["to_state"] == "active"


def test_trader_sees_only_its_own(client, authorization, trader):
    other = issue(OperatorFactory())[0]
    listed = client.get("/api/v1/authorizations", **bearer(trader)).json()
    assert [row["id"] for row in listed["items"]] == [authorization.pk]
    response = client.get(f"/api/v1/authorizations/{other.pk}", **bearer(trader))
    assert response.status_code == 404
    assert _status(client, other, trader, "surrendered").status_code == 404


def test_change_status_and_409_on_an_illegal_transition(client, authorization, examiner):
    response = _status(client, authorization, examiner, "revoked")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "revoked"
    assert body["history"][-1]["actor"] == examiner.username
    again = _status(client, authorization, examiner, "active")
    assert again.status_code == 409
    message = "“Suspension lifted” is not possible while the authorization is revoked."
    assert again.json() == {
        "detail": message,
        "code": "invalid_transition",
        "errors": [{"field": None, "code": "invalid_transition", "message": message}],
    }


def test_change_status_refusals_in_the_error_shape(client, authorization, trader):
    auditor = UserFactory(role=Role.AUDITOR)
    assert _status(client, authorization, auditor, "suspended").status_code == 403
    assert _status(client, authorization, trader, "revoked").status_code == 403
    blank = _status(client, authorization, trader, "surrendered", reason="")
    assert blank.status_code == 422
    assert blank.json()["errors"][0]["field"] == "reason"
    assert _status(client, authorization, trader, "surrendered").status_code == 200


def test_partner_and_anonymous_see_nothing(client, authorization):
    partner = UserFactory(role=Role.PARTNER_CUSTOMS)
    assert client.get("/api/v1/authorizations", **bearer(partner)).json()["count"] == 0
    assert client.get("/api/v1/authorizations").status_code == 401


def test_suspension_with_a_plan_of_measures_then_lifted(client, authorization, examiner, trader):
    no_period = _status(client, authorization, examiner, "suspended", ground="conditions")
    assert no_period.status_code == 422
    assert no_period.json()["errors"][0] == {
        "field": "remedy_by",
        "code": "required",
        "message": "Set the end of the period to remedy.",
    }
    suspended = _status(
        client, authorization, examiner, "suspended", ground="conditions", remedy_by="2999-01-31"
    ).json()
    assert (suspended["status"], suspended["suspension_ground"], suspended["remedy_by"]) == (
        "suspended",
        "conditions",
        "2999-01-31",
    )
    assert set(suspended["allowed_actions"]) == {"reinstated", "revoked", "surrendered"}
    plan = client.post(
        f"/api/v1/authorizations/{authorization.pk}/measures",
        {"plan": "New seal procedure from 1 March."},
        content_type="application/json",
        **bearer(trader),
    )
    assert plan.status_code == 200 and plan.json()["measures_plan"].startswith("New seal")
    lifted = _status(client, authorization, examiner, "active", reason="Seals checked.").json()
    assert (lifted["status"], lifted["suspension_ground"], lifted["remedy_by"]) == (
        "active",
        "",
        None,
    )
