"""Writes of post-authorization audits: plan, notify, findings, report, close; and acting on
a critical finding's proposal (re-assessment or suspension)."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from aeo.accounts.constants import Role
from aeo.accounts.models import User
from aeo.authorizations import services as authorization_services
from aeo.authorizations.constants import AuthorizationStatus, SuspensionGround
from aeo.authorizations.models import Authorization
from aeo.core.errors import Conflict, DomainError
from aeo.core.now import now, today
from aeo.core.workflow import open_history, transition
from aeo.notifications.services import Message, notify
from aeo.registry.models import Operator
from aeo.requirements.models import Criterion
from aeo.supervision.constants import (
    AUDIT_WORKFLOW,
    AuditEventType,
    ProposedAction,
    Severity,
)
from aeo.supervision.models import Audit, Finding
from aeo.supervision.selectors import audits as selectors
from aeo.supervision.selectors.monitoring import is_aeo
from aeo.supervision.selectors.scope import of_unit
from aeo.supervision.services.monitoring import refresh_plan


def _traders(operator: Operator) -> list[User]:
    return list(User.objects.filter(role=Role.TRADER, operator=operator, is_active=True))


def _url(audit: Audit) -> str:
    return reverse("supervision:audit", args=[audit.pk])


def _text(value: str, field: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise DomainError(message, field=field, code="required")
    return value


@transaction.atomic
def plan_audit(
    *,
    actor: User,
    operator: Operator,
    planned_on: date,
    scope: str = "",
    auditor: User | None = None,
) -> Audit:
    """Plan an audit of an AEO by an auditor of its unit (the actor, by default); its scope is
    the criteria of the requirements version the AEO was authorized under."""
    if not actor.has_perm("supervision.plan_audit", operator):
        raise PermissionDenied(_("Only an auditor of the operator's unit plans its audits."))
    auditor = auditor or actor
    if auditor.role != Role.AUDITOR or not auditor.is_active or not of_unit(auditor, operator):
        raise DomainError(
            _("Choose an auditor of the operator's unit."), field="auditor", code="not_auditor"
        )
    if not is_aeo(operator):
        raise Conflict(
            _("Only an authorized operator is audited after authorization."),
            field="operator",
            code="not_an_aeo",
        )
    if planned_on < today():
        raise DomainError(
            _("An audit is planned for today or later."), field="planned_on", code="past_date"
        )
    audit = Audit.objects.create(
        operator=operator,
        office_id=operator.region.office_id if operator.region else None,
        auditor=auditor,
        planned_on=planned_on,
        scope=scope.strip(),
        template=selectors.authorized_under(operator),
        created_by=actor,
    )
    open_history(actor=actor, obj=audit, workflow=AUDIT_WORKFLOW, event=AuditEventType.PLANNED)
    refresh_plan(actor=actor, operator=operator)
    return audit


@transaction.atomic
def notify_audit(
    *, actor: User, audit: Audit, version: int | None = None, comment: str = ""
) -> Audit:
    """Tell the trader the audit's date and scope."""

    def tell(done: Audit) -> None:
        notify(
            users=_traders(done.operator),
            message=Message(
                gettext_noop("Post-authorization audit on %(date)s"),
                gettext_noop(
                    "Customs will audit %(operator)s on %(date)s against the criteria of "
                    "requirements version %(template)s. %(scope)s"
                ),
                {
                    "date": done.planned_on.isoformat(),
                    "operator": done.operator.legal_name,
                    "template": done.template.number if done.template else "-",
                    "scope": done.scope,
                },
            ),
            url=_url(done),
        )

    return transition(
        actor=actor,
        obj=audit,
        workflow=AUDIT_WORKFLOW,
        event=AuditEventType.NOTIFIED,
        version=version,
        fields={"notified_at": now()},
        comment=comment,
        on_commit=tell,
    )


@transaction.atomic
def record_finding(
    *,
    actor: User,
    audit: Audit,
    criterion: str | int,
    severity: str,
    description: str,
    version: int | None = None,
) -> Finding:
    """A finding against one criterion of the audit's scope; the first marks it performed.

    A critical finding proposes re-assessment or suspension (shown on the audit)."""
    if severity not in Severity.values:
        raise DomainError(_("Unknown severity."), field="severity", code="unknown_choice")
    description = _text(description, "description", _("Describe the finding."))
    lookup = {"pk": criterion} if isinstance(criterion, int) else {"code": str(criterion).strip()}
    found = Criterion.objects.filter(template_id=audit.template_id, **lookup).first()
    if found is None:
        raise DomainError(
            _("Choose a criterion of the audit's requirements version."),
            field="criterion",
            code="not_in_scope",
        )
    fields: dict = {"performed_on": audit.performed_on or today()}
    if severity == Severity.CRITICAL:
        fields["proposed_action"] = ProposedAction.REASSESSMENT_OR_SUSPENSION
    audit = transition(
        actor=actor,
        obj=audit,
        workflow=AUDIT_WORKFLOW,
        event=AuditEventType.FINDING_RECORDED,
        version=version,
        fields=fields,
        data={"criterion": found.code, "severity": severity},
    )
    return Finding.objects.create(
        audit=audit,
        criterion=found,
        severity=severity,
        description=description,
        recorded_by=actor,
    )


@transaction.atomic
def issue_audit_report(
    *, actor: User, audit: Audit, report: str, version: int | None = None
) -> Audit:
    report = _text(report, "report", _("Write the report."))

    def tell(done: Audit) -> None:
        notify(
            users=_traders(done.operator),
            message=Message(
                gettext_noop("Audit report issued"),
                gettext_noop(
                    "The report of the audit of %(operator)s on %(date)s is issued, with "
                    "%(count)s findings."
                ),
                {
                    "operator": done.operator.legal_name,
                    "date": done.planned_on.isoformat(),
                    "count": done.findings.count(),
                },
            ),
            url=_url(done),
        )

    return transition(
        actor=actor,
        obj=audit,
        workflow=AUDIT_WORKFLOW,
        event=AuditEventType.REPORT_ISSUED,
        version=version,
        fields={"report": report, "report_issued_at": now()},
        on_commit=tell,
    )


@transaction.atomic
def close_audit(
    *, actor: User, audit: Audit, version: int | None = None, comment: str = ""
) -> Audit:
    """Close an audit whose corrective actions are all accepted."""
    audit = transition(
        actor=actor,
        obj=audit,
        workflow=AUDIT_WORKFLOW,
        event=AuditEventType.CLOSED,
        version=version,
        fields={"closed_at": now()},
        comment=comment,
    )
    refresh_plan(actor=actor, operator=audit.operator)
    return audit


@transaction.atomic
def cancel_audit(*, actor: User, audit: Audit, reason: str, version: int | None = None) -> Audit:
    reason = _text(reason, "reason", _("Give the reason."))
    audit = transition(
        actor=actor,
        obj=audit,
        workflow=AUDIT_WORKFLOW,
        event=AuditEventType.CANCELLED,
        version=version,
        comment=reason,
    )
    refresh_plan(actor=actor, operator=audit.operator)
    return audit


@transaction.atomic
def suspend_on_finding(*, actor: User, audit: Audit, reason: str) -> list[Authorization]:
    """Act on a critical finding's proposal: suspend the AEO's active authorizations while
    customs establishes the facts (the ground that needs no period to remedy).

    Through the authorizations' own status change, so only those who may suspend can (not
    auditors: they propose)."""
    if audit.proposed_action != ProposedAction.REASSESSMENT_OR_SUSPENSION:
        raise Conflict(
            _("Only an audit with a critical finding proposes a suspension."),
            code="nothing_proposed",
        )
    reason = _text(reason, "reason", _("Give the reason."))
    active = Authorization.objects.filter(
        operator=audit.operator, status=AuthorizationStatus.ACTIVE
    )
    if not active.exists():
        raise Conflict(_("The operator holds no active authorization."), code="not_active")
    return [
        authorization_services.suspend(
            actor=actor,
            authorization=authorization,
            ground=SuspensionGround.FACTS_BEING_ESTABLISHED,
            reason=_("Audit #%(id)s: %(reason)s") % {"id": audit.pk, "reason": reason},
        )
        for authorization in active
    ]
