"""Change notifications: facts on the public register or deciding SME status change only when
an official confirms; until then officials see them pending, old and new value side by side."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from aeo.accounts.constants import Role
from aeo.accounts.services import issue_token
from aeo.authorizations.models import RegisterChange
from aeo.core.errors import Conflict, DomainError
from aeo.supervision.services import changes
from aeo.supervision.tests.helpers import aeo_trader, official

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 12, 1)


def _rename(trader, name="Toyota Motor Corporation"):
    return changes.notify_change(
        actor=trader,
        category="legal_name",
        description="Merger",
        effective_on=TODAY,
        new_value=name,
    )


def test_a_rename_waits_for_confirmation_then_reaches_the_register_and_partners(client):
    manager = official(Role.ACCOUNT_MANAGER)
    trader = aeo_trader(manager)
    operator = trader.operator
    notification = _rename(trader)
    operator.refresh_from_db()
    assert operator.legal_name == "Sakura Foods Import Co., Ltd."
    register = client.get("/aeo/register/?q=Toyota").text
    assert "Toyota Motor Corporation" not in register
    client.force_login(manager)
    section = client.get(
        reverse("supervision:operator", args=[operator.pk]), HTTP_HX_REQUEST="true"
    ).text
    assert "Sakura Foods Import Co., Ltd." in section and "Toyota Motor Corporation" in section
    events = RegisterChange.objects.count()
    changes.confirm_change(actor=manager, notification=notification, comment="Checked.")
    operator.refresh_from_db()
    assert operator.legal_name == "Toyota Motor Corporation"
    last = RegisterChange.objects.last()
    assert RegisterChange.objects.count() == events + 1
    assert (last.event, last.entry["legal_name"]) == ("details_changed", "Toyota Motor Corporation")


def test_an_employee_count_is_validated_and_a_rejection_keeps_the_registry():
    manager = official(Role.ACCOUNT_MANAGER)
    trader = aeo_trader(manager)
    with pytest.raises(DomainError):
        changes.notify_change(
            actor=trader, category="employees", description="x", effective_on=TODAY, new_value="x"
        )
    notification = changes.notify_change(
        actor=trader,
        category="employees",
        description="Growth",
        effective_on=TODAY,
        new_value="2400",
    )
    assert (notification.previous, notification.proposed) == (
        {"employee_count": 35},
        {"employee_count": 2400},
    )
    with pytest.raises(Conflict):  # one pending change of a fact at a time
        changes.notify_change(
            actor=trader, category="employees", description="y", effective_on=TODAY, new_value=9
        )
    with pytest.raises(DomainError):
        changes.reject_change(actor=manager, notification=notification, comment="")
    changes.reject_change(actor=manager, notification=notification, comment="Not evidenced.")
    trader.operator.refresh_from_db()
    assert trader.operator.employee_count == 35 and trader.operator.is_sme


def test_other_changes_carry_no_fact_and_only_supervisors_decide():
    trader = aeo_trader()
    notification = changes.notify_change(
        actor=trader,
        category="premises",
        description="New warehouse in Chiba",
        effective_on=TODAY,
        new_value="ignored",
    )
    assert notification.proposed == {}
    for outsider in (official(Role.EXAMINER, "OSAKA"), official(Role.BORDER_OFFICER), trader):
        with pytest.raises(PermissionDenied):
            changes.confirm_change(actor=outsider, notification=notification)
    confirmed = changes.confirm_change(
        actor=official(Role.COORDINATOR, "AEOC"), notification=notification, adverse=True
    )
    assert confirmed.adverse and confirmed.status == "confirmed"


def test_api_notify_list_decide(client):
    manager = official(Role.ACCOUNT_MANAGER)
    trader = aeo_trader(manager)

    def call(method, path, user, body=None):
        return getattr(client, method)(
            f"/api/v1{path}",
            body,
            content_type="application/json",
            HTTP_AUTHORIZATION=f"Bearer {issue_token(actor=None, user=user)}",
        )

    created = call(
        "post",
        "/change-notifications",
        trader,
        {
            "category": "address",
            "description": "Moved",
            "effective_on": "2026-12-01",
            "new_value": "1-1 Marunouchi, Tokyo",
        },
    )
    assert created.status_code == 201
    pk = created.json()["id"]
    assert created.json()["proposed"] == {"address": "1-1 Marunouchi, Tokyo"}
    listed = call("get", "/change-notifications?status=submitted", manager).json()
    assert [row["id"] for row in listed["items"]] == [pk]
    assert (
        call("get", f"/change-notifications/{pk}", official(Role.EXAMINER, "OSAKA")).status_code
        == 404
    )
    decided = call("post", f"/change-notifications/{pk}/decide", manager, {"decision": "confirmed"})
    assert decided.json()["status"] == "confirmed"
    trader.operator.refresh_from_db()
    assert trader.operator.address == "1-1 Marunouchi, Tokyo"
