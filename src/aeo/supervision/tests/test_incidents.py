"""Incident reports: the AEO reports, its account manager acknowledges, assesses and closes."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from aeo.accounts.constants import Role
from aeo.accounts.services import issue_token
from aeo.core.errors import DomainError, InvalidTransition
from aeo.notifications.models import Notification
from aeo.registry.tests.factories import TraderFactory
from aeo.requirements.tests.factories import pdf
from aeo.supervision.constants import INCIDENT_WORKFLOW, IncidentStatus
from aeo.supervision.models import Incident
from aeo.supervision.services import incidents
from aeo.supervision.tests.helpers import aeo_trader, official

pytestmark = pytest.mark.django_db

STEPS = [
    (incidents.acknowledge_incident, {}),
    (
        incidents.assess_incident,
        {
            "assessment": "corrective_action",
            "comment": "Fix seals.",
            "action_description": "Replace the seal log with numbered seals.",
            "due_business_days": 10,
        },
    ),
    (incidents.close_incident, {}),
]


def _report(trader, **kwargs) -> Incident:
    return incidents.report_incident(
        actor=trader,
        occurred_at=timezone.now() - timedelta(hours=2),
        summary="Wrong HS code declared",
        **kwargs,
    )


def test_the_whole_journey_and_the_trader_hears_each_step():
    manager = official(Role.ACCOUNT_MANAGER)
    trader = aeo_trader(manager)
    incident = _report(trader, declarations="1234567890", attachments=[pdf()])
    assert Notification.objects.get(user=manager).subject.startswith("Incident reported by")
    assert incident.files.get().name == "report.pdf"
    for service, kwargs in STEPS:
        incident = service(actor=manager, incident=incident, **kwargs)
    assert (incident.status, incident.assessment) == ("closed", "corrective_action")
    assert [e.to_state for e in incident.events.all()] == [
        "reported",
        "acknowledged",
        "assessed",
        "closed",
    ]
    action = incident.corrective_actions.get()
    assert (action.source, action.operator, action.due_business_days) == (
        "incident",
        trader.operator,
        10,
    )
    subjects = [n.subject for n in Notification.objects.filter(user=trader)]
    assert len([s for s in subjects if "Wrong HS code declared" in s]) == 3
    assert not [n for n in Notification.objects.filter(user=manager) if "received" in n.subject]


@pytest.mark.parametrize("state", IncidentStatus.values)
def test_illegal_steps_are_refused(state):
    manager = official(Role.ACCOUNT_MANAGER)
    incident = _report(aeo_trader(manager))
    Incident.objects.filter(pk=incident.pk).update(status=state)
    incident.refresh_from_db()
    legal = {event for event, source, _ in INCIDENT_WORKFLOW.table() if source == state}
    for service, kwargs in STEPS:
        event = service.__name__.split("_")[0]
        allowed = {"acknowledge": "acknowledged", "assess": "assessed", "close": "closed"}[event]
        if allowed in legal:
            continue
        with pytest.raises(InvalidTransition):
            service(actor=manager, incident=incident, **kwargs)


def test_only_the_operators_trader_reports_and_only_supervisors_handle():
    trader = aeo_trader()
    with pytest.raises(DomainError):
        incidents.report_incident(
            actor=trader, occurred_at=timezone.now() + timedelta(days=1), summary="Future"
        )
    incident = _report(trader)
    for outsider in (
        official(Role.EXAMINER, "OSAKA"),
        official(Role.BORDER_OFFICER),
        official(Role.AUDITOR),  # reads, does not handle
        trader,
    ):
        with pytest.raises(PermissionDenied):
            incidents.acknowledge_incident(actor=outsider, incident=incident)
    assert incidents.acknowledge_incident(actor=official(Role.EXAMINER), incident=incident)


def test_api_report_list_handle_and_404_for_another(client):
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
        "post", "/incidents", trader, {"occurred_at": "2026-11-30T09:00:00Z", "summary": "Seal"}
    )
    assert created.status_code == 201
    body = created.json()
    assert (body["status"], body["allowed_actions"]) == ("reported", [])
    pk = body["id"]
    assert call("get", "/incidents", manager).json()["count"] == 1
    assert call("get", "/incidents", official(Role.EXAMINER, "OSAKA")).json()["count"] == 0
    assert call("get", f"/incidents/{pk}", TraderFactory()).status_code == 404
    assert call("get", f"/incidents/{pk}", official(Role.BORDER_OFFICER)).status_code == 404
    detail = call("get", f"/incidents/{pk}", manager).json()
    assert detail["allowed_actions"] == ["acknowledged"]
    stale = call("post", f"/incidents/{pk}/handle", manager, {"step": "acknowledged", "version": 9})
    assert stale.status_code == 409 and stale.json()["code"] == "stale"
    done = call("post", f"/incidents/{pk}/handle", manager, {"step": "acknowledged"})
    assert done.json()["status"] == "acknowledged"
    no_choice = call("post", f"/incidents/{pk}/handle", manager, {"step": "assessed"})
    assert no_choice.status_code == 422 and no_choice.json()["errors"][0]["field"] == "assessment"
    illegal = call("post", f"/incidents/{pk}/handle", manager, {"step": "closed"})
    assert illegal.status_code == 409 and illegal.json()["code"] == "invalid_transition"


def test_pages_report_with_a_file_and_assess(client):
    manager = official(Role.ACCOUNT_MANAGER)
    trader = aeo_trader(manager)
    client.force_login(trader)
    refused = client.post(
        reverse("supervision:incident_new"),
        {"occurred_at": "2026-11-30T09:00", "summary": "", "details": "kept"},
    )
    assert refused.status_code == 400 and "kept" in refused.text
    response = client.post(
        reverse("supervision:incident_new"),
        {
            "occurred_at": "2026-11-30T09:00",
            "summary": "Seal broken",
            "attachments": [pdf("seal.pdf")],
        },
    )
    incident = Incident.objects.get()
    assert response.url == reverse("supervision:incident", args=[incident.pk])
    page = client.get(response.url).text
    assert "seal.pdf" in page and "What you can do now" not in page
    download = client.get(
        reverse("supervision:incident_file", args=[incident.pk, incident.files.get().pk])
    )
    assert download.status_code == 200
    client.force_login(manager)
    act = reverse("supervision:incident_act", args=[incident.pk, "acknowledge"])
    assert client.post(act, {"acknowledge-version": incident.version}).status_code == 302
    assess = reverse("supervision:incident_act", args=[incident.pk, "assess"])
    blank = client.post(assess, {"assess-assessment": "contact"})
    assert blank.status_code == 400
    client.post(assess, {"assess-assessment": "contact", "assess-comment": "We will call."})
    incident.refresh_from_db()
    assert incident.assessment == "contact"
    client.force_login(TraderFactory())
    assert client.get(reverse("supervision:incident", args=[incident.pk])).status_code == 404


def test_an_adverse_assessment_raises_the_monitoring_risk():
    from aeo.supervision.selectors.monitoring import risk_factors

    manager = official(Role.ACCOUNT_MANAGER)
    trader = aeo_trader(manager)
    incident = _report(trader)
    assert "adverse_incidents" not in {f.code for f in risk_factors(trader.operator)}
    for service, kwargs in STEPS[:2]:
        incident = service(actor=manager, incident=incident, **kwargs)
    assert "adverse_incidents" in {f.code for f in risk_factors(trader.operator)}


@pytest.mark.parametrize("missing", ["action_description", "due_business_days"])
def test_a_corrective_action_assessment_needs_what_and_when_and_writes_nothing_without(missing):
    manager = official(Role.ACCOUNT_MANAGER)
    incident = incidents.acknowledge_incident(actor=manager, incident=_report(aeo_trader(manager)))
    kwargs = {**STEPS[1][1], missing: "" if missing == "action_description" else None}
    with pytest.raises(DomainError) as refused:
        incidents.assess_incident(actor=manager, incident=incident, **kwargs)
    assert refused.value.field == missing
    incident.refresh_from_db()
    assert (incident.status, incident.corrective_actions.count()) == ("acknowledged", 0)


def test_the_incident_page_raises_the_action_and_links_both_ways(client):
    manager = official(Role.ACCOUNT_MANAGER)
    incident = incidents.acknowledge_incident(actor=manager, incident=_report(aeo_trader(manager)))
    client.force_login(manager)
    response = client.post(
        reverse("supervision:incident_act", args=[incident.pk, "assess"]),
        {
            "assess-assessment": "corrective_action",
            "assess-comment": "Seals were not logged.",
            "assess-action_description": "Keep a numbered seal log.",
            "assess-due_business_days": "15",
            "assess-version": incident.version,
        },
        follow=True,
    )
    action = incident.corrective_actions.get()
    assert reverse("supervision:corrective_action", args=[action.pk]) in response.text
    page = client.get(reverse("supervision:corrective_action", args=[action.pk])).text
    assert reverse("supervision:incident", args=[incident.pk]) in page
