"""Monitoring plans derived from risk: close monitoring of young operators in their first
year, late corrective actions raising the risk, what the unit has due."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from aeo.accounts.constants import Role
from aeo.core.now import travel
from aeo.registry.models import CustomsOffice, Region
from aeo.registry.tests.factories import UserFactory
from aeo.supervision.constants import MonitoringLevel
from aeo.supervision.selectors import monitoring
from aeo.supervision.services import audits, corrective_actions
from aeo.supervision.services.monitoring import refresh_all_plans, refresh_plan
from aeo.supervision.tests.helpers import aeo, performed_audit, tokyo_auditor

pytestmark = pytest.mark.django_db
JST = ZoneInfo("Asia/Tokyo")


def at(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 10, tzinfo=JST)


def test_a_young_operator_is_closely_monitored_in_its_first_year_only():
    young, _ = aeo(valid_from=date(2025, 4, 1), established_on=date(2023, 6, 1))
    old, _ = aeo(valid_from=date(2025, 4, 1), established_on=date(2020, 1, 1))
    assert monitoring.in_close_monitoring(young, date(2026, 3, 31))
    assert not monitoring.in_close_monitoring(young, date(2026, 4, 1))
    assert not monitoring.in_close_monitoring(old, date(2025, 5, 1))
    plan = monitoring.plan_for(young, date(2025, 5, 1))
    assert plan.level == MonitoringLevel.CLOSE and plan.close_until == date(2026, 3, 31)
    assert [f.code for f in plan.factors] == ["young_operator"]
    # Close: a contact every 20 business days after authorization (1 April 2025), which
    # skip the weekends and Showa Day (29 April).
    assert plan.next_contact_on == date(2025, 4, 30)
    assert monitoring.plan_for(old, date(2025, 5, 1)).level == MonitoringLevel.STANDARD


def test_each_risk_factor_has_a_code_a_label_and_a_weight():
    operator, _ = aeo(established_on=date(2024, 1, 1))
    factors = monitoring.risk_factors(operator, date(2025, 6, 1))
    assert [(f.code, f.weight) for f in factors] == [("young_operator", 3)]
    assert str(factors[0].label)
    assert monitoring.risk_factors(operator, date(2027, 1, 1)) == []


def test_late_corrective_actions_raise_the_level_and_the_plan():
    operator, _ = aeo(established_on=date(2000, 1, 1))
    auditor = tokyo_auditor()
    with travel(at(date(2026, 6, 1))):
        _, finding = performed_audit(auditor, operator, date(2026, 6, 1))
        corrective_actions.create_corrective_action(
            actor=auditor, finding=finding, description="Fix", due_business_days=2
        )
    plan = monitoring.plan_for(operator, date(2026, 6, 10))
    assert plan.level == MonitoringLevel.RAISED
    assert [(f.code, f.weight) for f in plan.factors] == [("late_corrective_actions", 1)]


def test_the_unit_sees_what_is_overdue_due_this_month_and_upcoming():
    soon, _ = aeo(valid_from=date(2026, 1, 5), established_on=date(2000, 1, 1))
    young, _ = aeo(valid_from=date(2026, 5, 1), established_on=date(2025, 1, 1))
    osaka, _ = aeo(region=Region.objects.get(code="JP-27"))
    auditor = tokyo_auditor()
    on = date(2026, 6, 10)
    with travel(at(on)):
        assert refresh_all_plans() == 3
        audits.plan_audit(actor=auditor, operator=soon, planned_on=date(2026, 6, 25))
    due = monitoring.due_for(auditor, on)
    rows = {(b, i.plan.operator_id, i.kind) for b, i in due.all()}
    assert ("this_month", soon.pk, "audit") in rows  # the planned audit's date
    assert ("upcoming", soon.pk, "contact") in rows  # standard: 120 business days
    assert ("overdue", young.pk, "contact") in rows  # close: 20 business days from 1 May
    assert all(i.plan.operator_id != osaka.pk for _, i in due.all())
    osaka_auditor = UserFactory(role=Role.AUDITOR, office=CustomsOffice.objects.get(code="OSAKA"))
    assert {i.plan.operator_id for _, i in monitoring.due_for(osaka_auditor, on).all()} <= {
        osaka.pk
    }
    assert monitoring.due_for(UserFactory(role=Role.BORDER_OFFICER), on).all() == []


def test_obligations_for_the_traders_home():
    operator, trader = aeo()
    auditor = tokyo_auditor()
    audit, finding = performed_audit(auditor, operator, date.today())
    action = corrective_actions.create_corrective_action(
        actor=auditor, finding=finding, description="Fix", due_business_days=5
    )
    hidden = audits.plan_audit(actor=auditor, operator=operator, planned_on=date(2099, 1, 5))
    obligations = monitoring.obligations_for(operator)
    assert obligations.corrective_actions == [action]
    assert obligations.audits == [audit] and hidden not in obligations.audits


def test_the_plan_is_stored_and_a_level_change_is_audited():
    from aeo.core.models import AuditEvent

    operator, _ = aeo(valid_from=date(2026, 1, 5), established_on=date(2025, 1, 1))
    with travel(at(date(2026, 2, 1))):
        plan = refresh_plan(operator=operator)
    assert plan.level == MonitoringLevel.CLOSE
    with travel(at(date(2027, 2, 1))):
        plan = refresh_plan(operator=operator)
    assert plan.level == MonitoringLevel.STANDARD
    changes = AuditEvent.objects.filter(action="monitoring_plan.level_changed")
    assert [e.changes["level"] for e in changes.order_by("at", "id")] == [
        [None, "close"],
        ["close", "standard"],
    ]


def test_the_due_page_and_the_plan_api_are_for_the_unit_only(client):
    from aeo.authorizations.tests.conftest import bearer

    operator, trader = aeo(established_on=date(2025, 1, 1))
    refresh_plan(operator=operator)
    auditor = tokyo_auditor()
    client.force_login(auditor)
    assert client.get(reverse("supervision:monitoring")).status_code == 200
    client.force_login(trader)
    assert client.get(reverse("supervision:monitoring")).status_code == 404
    url = f"/api/v1/operators/{operator.pk}/monitoring-plan"
    assert client.get(url, **bearer(trader)).status_code == 404
    body = client.get(url, **bearer(auditor)).json()
    assert body["level"] in MonitoringLevel.values and body["factors"] is not None
    osaka = UserFactory(role=Role.AUDITOR, office=CustomsOffice.objects.get(code="OSAKA"))
    assert client.get(url, **bearer(osaka)).status_code == 404
