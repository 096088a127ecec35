"""Audits, corrective actions and re-assessments: the unit rule, the workflow, the pages."""

from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from aeo.accounts.constants import Role
from aeo.authorizations.models import Authorization
from aeo.core.errors import Conflict, DomainError, InvalidTransition
from aeo.core.now import travel
from aeo.demo.lifecycle import SAMPLE_PDF
from aeo.notifications.models import Notification
from aeo.registry.models import CustomsOffice, Region
from aeo.registry.tests.factories import UserFactory
from aeo.supervision.constants import (
    AUDIT_WORKFLOW,
    CORRECTIVE_ACTION_WORKFLOW,
    REASSESSMENT_WORKFLOW,
    AuditStatus,
    CorrectiveActionStatus,
    ProposedAction,
)
from aeo.supervision.models import ActionEvidence, Audit, CorrectiveAction
from aeo.supervision.selectors import audits as audit_selectors
from aeo.supervision.selectors import corrective_actions as action_selectors
from aeo.supervision.services import audits, corrective_actions, reassessments
from aeo.supervision.tests.helpers import (
    aeo,
    criterion_code,
    osaka_auditor,
    performed_audit,
    tokyo_auditor,
)

pytestmark = pytest.mark.django_db
JST = ZoneInfo("Asia/Tokyo")


def at(day: date, hour: int = 10) -> datetime:
    return datetime(day.year, day.month, day.day, hour, tzinfo=JST)


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def pdf():
    return SimpleUploadedFile("measures.pdf", SAMPLE_PDF, content_type="application/pdf")


def test_only_an_auditor_of_the_operators_unit_plans_its_audit():
    operator, _ = aeo()
    with pytest.raises(PermissionDenied):
        audits.plan_audit(actor=osaka_auditor(), operator=operator, planned_on=date(2099, 1, 5))
    with pytest.raises(PermissionDenied):
        audits.plan_audit(
            actor=UserFactory(role=Role.EXAMINER, office=CustomsOffice.objects.get(code="TOKYO")),
            operator=operator,
            planned_on=date(2099, 1, 5),
        )
    center = UserFactory(role=Role.AUDITOR, office=CustomsOffice.objects.get(code="AEOC"))
    audit = audits.plan_audit(actor=center, operator=operator, planned_on=date(2099, 1, 5))
    assert audit.status == AuditStatus.PLANNED and audit.office.code == "TOKYO"


def test_an_operator_without_authorization_is_not_audited():
    from aeo.registry.tests.factories import OperatorFactory

    with pytest.raises(Conflict) as refused:
        audits.plan_audit(
            actor=tokyo_auditor(), operator=OperatorFactory(), planned_on=date(2099, 1, 5)
        )
    assert refused.value.code == "not_an_aeo"


def test_the_scope_is_the_version_authorized_under_and_findings_stay_in_it(
    django_capture_on_commit_callbacks,
):
    operator, trader = aeo()
    auditor = tokyo_auditor()
    audit = audits.plan_audit(actor=auditor, operator=operator, planned_on=date(2099, 1, 5))
    assert audit.template is not None and audit_selectors.scope_criteria(audit)
    with django_capture_on_commit_callbacks(execute=True):
        audits.notify_audit(actor=auditor, audit=audit)
    notice = Notification.objects.get(user=trader)
    assert "2099-01-05" in notice.subject_key % notice.params
    with pytest.raises(DomainError) as refused:
        audits.record_finding(
            actor=auditor, audit=audit, criterion="NOPE", severity="minor", description="x"
        )
    assert refused.value.code == "not_in_scope"


def test_a_critical_finding_proposes_reassessment_or_suspension_and_a_decider_suspends():
    operator, _ = aeo()
    auditor = tokyo_auditor()
    audit, _ = performed_audit(auditor, operator, date(2099, 1, 5), severity="critical")
    assert audit.status == AuditStatus.PERFORMED
    assert audit.proposed_action == ProposedAction.REASSESSMENT_OR_SUSPENSION
    with pytest.raises(PermissionDenied):  # auditors propose; deciders suspend
        audits.suspend_on_finding(actor=auditor, audit=audit, reason="Bonded area open")
    coordinator = UserFactory(role=Role.COORDINATOR, office=CustomsOffice.objects.get(code="AEOC"))
    audits.suspend_on_finding(actor=coordinator, audit=audit, reason="Bonded area open")
    assert Authorization.objects.get(operator=operator).status == "suspended"


def test_illegal_audit_moves_are_refused_from_the_complement_of_the_map():
    operator, _ = aeo()
    auditor = tokyo_auditor()
    audit = audits.plan_audit(actor=auditor, operator=operator, planned_on=date(2099, 1, 5))
    with pytest.raises(InvalidTransition):
        audits.issue_audit_report(actor=auditor, audit=audit, report="Nothing found.")
    with pytest.raises(InvalidTransition):
        audits.close_audit(actor=auditor, audit=audit)
    with pytest.raises(InvalidTransition):
        audits.record_finding(
            actor=auditor,
            audit=audit,
            criterion=criterion_code(),
            severity="minor",
            description="x",
        )
    audits.cancel_audit(actor=auditor, audit=audit, reason="Operator merged")
    audit.refresh_from_db()
    assert AUDIT_WORKFLOW.allowed_events(audit, auditor) == []


def test_corrective_action_due_in_business_days_answered_with_evidence_and_verified():
    operator, trader = aeo()
    auditor = tokyo_auditor()
    # Friday 2026-04-24: 5 business days skip the weekend and Showa Day (29 April) and the
    # Golden Week holidays (3-6 May): 27, 28, 30 April, 1 May, 7 May.
    with travel(at(date(2026, 4, 24))):
        audit, finding = performed_audit(auditor, operator, date(2026, 4, 24))
        action = corrective_actions.create_corrective_action(
            actor=auditor,
            finding=finding,
            description="Log every access to the bonded area.",
            due_business_days=5,
            kind="improvement_order",
        )
    assert action.due_on == date(2026, 5, 7)
    with pytest.raises(PermissionDenied):
        corrective_actions.respond_to_corrective_action(
            actor=auditor, action=action, response="Done"
        )
    with travel(at(date(2026, 5, 1))):
        action = corrective_actions.respond_to_corrective_action(
            actor=trader, action=action, response="Badge readers installed.", files=[pdf()]
        )
    assert action.status == CorrectiveActionStatus.RESPONDED and not action.responded_late
    assert ActionEvidence.objects.get(action=action).name == "measures.pdf"
    with pytest.raises(InvalidTransition):  # open actions keep the audit from closing
        audits.issue_audit_report(actor=auditor, audit=audit, report="One finding.")
        audits.close_audit(actor=auditor, audit=Audit.objects.get(pk=audit.pk))
    action = corrective_actions.verify_corrective_action(
        actor=auditor, action=action, decision="reopened", note="Logs not kept", due_business_days=3
    )
    assert action.status == CorrectiveActionStatus.OPEN
    action = corrective_actions.respond_to_corrective_action(
        actor=trader, action=action, response="Logs kept now."
    )
    corrective_actions.verify_corrective_action(actor=auditor, action=action, decision="accepted")
    audits.close_audit(actor=auditor, audit=Audit.objects.get(pk=audit.pk))
    assert Audit.objects.get(pk=audit.pk).status == AuditStatus.CLOSED


def test_a_file_that_is_not_what_it_claims_is_refused_and_nothing_is_answered():
    operator, trader = aeo()
    auditor = tokyo_auditor()
    audit, finding = performed_audit(auditor, operator, date.today())
    action = corrective_actions.create_corrective_action(
        actor=auditor, finding=finding, description="Fix it", due_business_days=10
    )
    fake = SimpleUploadedFile("fake.pdf", b"MZ not a pdf", content_type="application/pdf")
    with pytest.raises(DomainError) as refused:
        corrective_actions.respond_to_corrective_action(
            actor=trader, action=action, response="Done", files=[fake]
        )
    assert refused.value.field == "file"
    action.refresh_from_db()
    assert action.status == CorrectiveActionStatus.OPEN and not ActionEvidence.objects.exists()


def test_overdue_actions_escalate_once_to_the_account_manager_and_coordinators():
    from aeo.supervision.services.contacts import assign_account_manager

    operator, _ = aeo()
    auditor = tokyo_auditor()
    manager = UserFactory(role=Role.ACCOUNT_MANAGER, office=CustomsOffice.objects.get(code="TOKYO"))
    assign_account_manager(actor=None, operator=operator, manager=manager)
    coordinator = UserFactory(role=Role.COORDINATOR, office=CustomsOffice.objects.get(code="AEOC"))
    with travel(at(date(2026, 6, 1))):
        _, finding = performed_audit(auditor, operator, date(2026, 6, 1))
        action = corrective_actions.create_corrective_action(
            actor=auditor, finding=finding, description="Fix it", due_business_days=2
        )
    with travel(at(date(2026, 6, 10))):
        assert corrective_actions.escalate_overdue() == [action.pk]
        assert corrective_actions.escalate_overdue() == []
    for user in (manager, coordinator):
        assert Notification.objects.filter(user=user, subject_key__startswith="Overdue").exists()
    action.refresh_from_db()
    assert action.escalated_at is not None
    assert {e.event for e in action.events.all()} == {"raised", "escalated"}
    assert set(CORRECTIVE_ACTION_WORKFLOW.allowed_events(action, auditor)) == set()


def test_traders_see_only_their_notified_audits_and_other_units_see_none():
    operator, trader = aeo()
    other_operator, other_trader = aeo(region=Region.objects.get(code="JP-27"))
    auditor = tokyo_auditor()
    planned = audits.plan_audit(actor=auditor, operator=operator, planned_on=date(2099, 1, 5))
    assert not audit_selectors.audits_visible_to(trader).exists()  # internal until notified
    audits.notify_audit(actor=auditor, audit=planned)
    assert list(audit_selectors.audits_visible_to(trader)) == [planned]
    assert not audit_selectors.audits_visible_to(other_trader).exists()
    assert not audit_selectors.audits_visible_to(osaka_auditor()).exists()
    assert not audit_selectors.audits_visible_to(UserFactory(role=Role.BORDER_OFFICER)).exists()
    assert audit_selectors.audits_visible_to(auditor).count() == 1
    assert not action_selectors.corrective_actions_visible_to(other_trader).exists()


def test_reassessment_against_the_current_version_revokes_on_that_outcome():
    operator, trader = aeo()
    examiner = UserFactory(role=Role.EXAMINER, office=CustomsOffice.objects.get(code="TOKYO"))
    reassessment = reassessments.start_reassessment(
        actor=examiner, operator=operator, trigger="legislation_change", reason="New law"
    )
    assert reassessment.template is not None
    with pytest.raises(Conflict):
        reassessments.start_reassessment(
            actor=examiner, operator=operator, trigger="other_authority", reason="Police"
        )
    with pytest.raises(PermissionDenied):
        reassessments.conclude_reassessment(
            actor=tokyo_auditor(), reassessment=reassessment, outcome="confirmed", conclusion="ok"
        )
    with pytest.raises(DomainError):
        reassessments.conclude_reassessment(
            actor=examiner, reassessment=reassessment, outcome="conditions_added", conclusion="ok"
        )
    done = reassessments.conclude_reassessment(
        actor=examiner, reassessment=reassessment, outcome="revocation", conclusion="Not met"
    )
    assert done.status == "concluded" and REASSESSMENT_WORKFLOW.allowed_events(done, examiner) == []
    assert Authorization.objects.get(operator=operator).status == "revoked"


def test_the_trader_answers_on_its_page_with_evidence_and_the_auditor_verifies(client):
    operator, trader = aeo()
    auditor = tokyo_auditor()
    audit, finding = performed_audit(auditor, operator, date.today())
    client.force_login(auditor)
    page = client.get(reverse("supervision:audit", args=[audit.pk]))
    assert "Raise a corrective action" in page.text
    response = client.post(
        reverse("supervision:audit_follow_up", args=[audit.pk, "raise"]),
        {
            "finding": finding.pk,
            "raise-kind": "standard",
            "raise-description": "Log access",
            "raise-due_business_days": "0",
        },
    )
    assert "usa-form-group--error" in response.text and 'value="0"' in response.text
    client.post(
        reverse("supervision:audit_follow_up", args=[audit.pk, "raise"]),
        {
            "finding": finding.pk,
            "raise-kind": "standard",
            "raise-description": "Log access",
            "raise-due_business_days": "10",
        },
    )
    action = CorrectiveAction.objects.get()
    client.force_login(trader)
    url = reverse("supervision:corrective_action", args=[action.pk])
    assert "Log access" in client.get(reverse("supervision:corrective_actions")).text
    client.post(url, {"respond-response": "Readers installed", "respond-file": pdf()})
    action.refresh_from_db()
    assert action.status == "responded" and action.evidence.count() == 1
    client.force_login(auditor)
    client.post(url, {"verify-decision": "accepted", "verify-note": "Seen on site"})
    action.refresh_from_db()
    assert action.status == "accepted"
    other = aeo()[1]
    client.force_login(other)
    assert client.get(url).status_code == 404
    assert client.get(reverse("supervision:audit", args=[audit.pk])).status_code == 404


def test_the_api_answers_another_operators_audit_with_404(client):
    from aeo.authorizations.tests.conftest import bearer

    operator, trader = aeo()
    auditor = tokyo_auditor()
    audit, _ = performed_audit(auditor, operator, date.today())
    other = aeo()[1]
    assert client.get(f"/api/v1/audits/{audit.pk}", **bearer(other)).status_code == 404
    mine = client.get(f"/api/v1/audits/{audit.pk}", **bearer(trader))
    assert mine.status_code == 200 and mine.json()["status"] == "performed"
    body = client.get(f"/api/v1/audits/{audit.pk}", **bearer(auditor)).json()
    assert body["findings"][0]["severity"] == "major"
    assert "report_issued" in body["allowed_actions"]


@pytest.mark.parametrize(
    "workflow", [AUDIT_WORKFLOW, CORRECTIVE_ACTION_WORKFLOW, REASSESSMENT_WORKFLOW]
)
def test_every_move_outside_the_map_is_refused(workflow):
    """The complement of each pinned map: every (event, state) the map lacks is illegal."""
    from types import SimpleNamespace

    from aeo.registry.models import Operator

    legal = {(event, source) for event, source, _ in workflow.table()}
    for event in workflow.moves:
        for state in workflow.states.values:
            if (event, state) in legal:
                continue
            obj = SimpleNamespace(
                status=state, _meta=Operator._meta, escalated_at=None, is_overdue=True
            )
            assert isinstance(workflow.refusal(obj, event), InvalidTransition), (event, state)
