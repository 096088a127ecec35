"""The AEO's own home page and the account managers' queues."""

import pytest
from django.urls import reverse
from django.utils import timezone

from aeo.accounts.constants import Role
from aeo.authorizations import services as authorization_services
from aeo.core.models import AuditEvent
from aeo.registry.tests.factories import TraderFactory
from aeo.supervision.selectors.contacts import current_account_manager
from aeo.supervision.services import incidents
from aeo.supervision.tests.helpers import aeo_trader, official

pytestmark = pytest.mark.django_db


def test_an_aeo_lands_on_its_status_manager_and_report_buttons(client):
    manager = official(Role.ACCOUNT_MANAGER)
    manager.first_name, manager.last_name, manager.email = "Ren", "Suzuki", "ren@customs.go.jp"
    manager.save()
    trader = aeo_trader(manager)
    number = trader.operator.authorizations.get().aeo_number
    client.force_login(trader)
    home = client.get(reverse("home")).text
    assert number in home and "Ren Suzuki" in home and "ren@customs.go.jp" in home
    assert reverse("supervision:incident_new") in home
    assert reverse("supervision:change_new") in home
    assert "Become an AEO" not in home
    client.force_login(TraderFactory())
    assert "Become an AEO" in client.get(reverse("home")).text


def test_a_suspended_aeo_is_asked_for_its_plan_of_measures(client):
    trader = aeo_trader()
    authorization = trader.operator.authorizations.get()
    authorization_services.suspend(
        actor=None, authorization=authorization, ground="facts", reason="Seizure."
    )
    client.force_login(trader)
    page = client.get(reverse("supervision:my_aeo")).text
    assert "is suspended: submit your plan of measures" in page


def test_the_home_lists_what_the_aeo_must_do_until_it_is_accepted(client):
    from aeo.supervision.services.corrective_actions import (
        create_corrective_action,
        respond_to_corrective_action,
        verify_corrective_action,
    )

    manager = official(Role.ACCOUNT_MANAGER)
    trader = aeo_trader(manager)
    client.force_login(trader)
    assert 'data-testid="obligations"' not in client.get(reverse("home")).text
    action = create_corrective_action(
        actor=manager,
        operator=trader.operator,
        source="other",
        description="Train the warehouse staff.",
        due_business_days=5,
    )
    home = client.get(reverse("home")).text
    assert reverse("supervision:corrective_action", args=[action.pk]) in home
    assert f"respond by {action.due_on:%Y-%m-%d}" in home
    action = respond_to_corrective_action(actor=trader, action=action, response="Done.")
    verify_corrective_action(actor=manager, action=action, decision="accepted")
    assert 'data-testid="obligations"' not in client.get(reverse("home")).text


def test_the_queue_shows_the_managers_monitoring_contacts_due_this_month(client):
    from aeo.core.now import today
    from aeo.supervision.models import MonitoringPlan
    from aeo.supervision.services.monitoring import refresh_plan

    manager = official(Role.ACCOUNT_MANAGER)
    mine, other = aeo_trader(manager).operator, aeo_trader(official(Role.ACCOUNT_MANAGER)).operator
    for operator in (mine, other):
        refresh_plan(operator=operator)
    MonitoringPlan.objects.update(next_contact_on=today(), level="standard")
    client.force_login(manager)
    page = client.get(reverse("supervision:queue")).text
    assert reverse("supervision:operator", args=[mine.pk]) in page
    assert reverse("supervision:operator", args=[other.pk]) not in page
    MonitoringPlan.objects.update(next_contact_on=today().replace(year=today().year + 1))
    assert "No monitoring due this month." in client.get(reverse("supervision:queue")).text


def test_the_queue_and_a_coordinators_reassignment(client):
    manager = official(Role.ACCOUNT_MANAGER)
    trader = aeo_trader(manager)
    incidents.report_incident(actor=trader, occurred_at=timezone.now(), summary="Seal broken")
    client.force_login(manager)
    assert "Seal broken" in client.get(reverse("supervision:queue")).text
    other = official(Role.ACCOUNT_MANAGER, "OSAKA")
    client.force_login(other)
    assert "Seal broken" not in client.get(reverse("supervision:queue")).text
    url = reverse("supervision:reassign", args=[trader.operator_id])
    assert client.post(url, {"manager": other.pk, "reason": "x"}).status_code == 403
    coordinator = official(Role.COORDINATOR, "AEOC")
    client.force_login(coordinator)
    overview = client.get(reverse("supervision:queue")).text
    assert manager.username in overview or manager.get_full_name() in overview
    refused = client.post(url, {"manager": other.pk, "reason": ""})
    assert refused.status_code == 400
    assert client.post(url, {"manager": other.pk, "reason": "Workload"}).status_code == 302
    assert current_account_manager(trader.operator) == other
    event = AuditEvent.objects.filter(action="operator.account_manager_assigned").latest("id")
    assert event.reason == "Workload" and event.actor == coordinator
    client.force_login(other)
    assert "Seal broken" in client.get(reverse("supervision:queue")).text
