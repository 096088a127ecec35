"""Writes of corrective actions: raised (from a finding, an incident or otherwise), answered by
the trader with evidence, verified (accepted or reopened), escalated when overdue."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from aeo.accounts.constants import Role
from aeo.accounts.models import User
from aeo.core import audit as audit_log

# The validated evidence store of the check sheet (type by extension and content, size).
from aeo.core import evidence as evidence_checks
from aeo.core.business_days import add_business_days
from aeo.core.errors import Conflict, DomainError
from aeo.core.now import now, today
from aeo.core.workflow import open_history, transition
from aeo.notifications.services import Message, notify
from aeo.registry.models import Operator
from aeo.supervision.constants import (
    CORRECTIVE_ACTION_WORKFLOW,
    MAX_DUE_BUSINESS_DAYS,
    AuditStatus,
    CorrectiveActionEventType,
    CorrectiveActionKind,
    CorrectiveActionSource,
    Verification,
)
from aeo.supervision.models import ActionEvidence, CorrectiveAction, Finding, Incident
from aeo.supervision.selectors import corrective_actions as selectors
from aeo.supervision.selectors.contacts import current_account_manager
from aeo.supervision.services.monitoring import refresh_plan

MAX_FILES = 5


def _url(action: CorrectiveAction) -> str:
    return reverse("supervision:corrective_action", args=[action.pk])


def _traders(operator: Operator) -> list[User]:
    return list(User.objects.filter(role=Role.TRADER, operator=operator, is_active=True))


def due_date(operator: Operator, business_days: int, start: date | None = None) -> date:
    """`business_days` after `start` (today) in the operator's economy's calendar."""
    if isinstance(business_days, bool) or not 1 <= business_days <= MAX_DUE_BUSINESS_DAYS:
        raise DomainError(
            _("Give between 1 and %(max)d business days.") % {"max": MAX_DUE_BUSINESS_DAYS},
            field="due_business_days",
            code="out_of_range",
        )
    return add_business_days(operator.economy.calendar_code, start or today(), business_days)


@transaction.atomic
def create_corrective_action(
    *,
    actor: User,
    description: str,
    due_business_days: int,
    finding: Finding | None = None,
    incident: Incident | None = None,
    operator: Operator | None = None,
    source: str = CorrectiveActionSource.FINDING,
    kind: str = CorrectiveActionKind.STANDARD,
) -> CorrectiveAction:
    """Raise a corrective action due `due_business_days` business days from today.

    From a finding: by an auditor of the unit, while the audit's report is not closed. From an
    incident (when its assessment calls for one) or otherwise: by the unit's auditor or the
    operator's account manager. An improvement order (業務改善命令) is the formal kind."""
    if kind not in CorrectiveActionKind.values:
        raise DomainError(_("Unknown kind."), field="kind", code="unknown_choice")
    if source not in CorrectiveActionSource.values:
        raise DomainError(_("Unknown source."), field="source", code="unknown_choice")
    if finding is not None:
        source = CorrectiveActionSource.FINDING
        operator = finding.audit.operator
        if not actor.has_perm("supervision.conduct_audit", finding.audit):
            raise PermissionDenied(_("Only an auditor of the unit raises actions on findings."))
        if finding.audit.status not in (AuditStatus.PERFORMED, AuditStatus.REPORT_ISSUED):
            raise Conflict(
                _("Corrective actions are raised on an audit performed and not yet closed."),
                field="finding",
                code="audit_not_open",
            )
    elif incident is not None:
        source = CorrectiveActionSource.INCIDENT
        operator = incident.operator
    elif source == CorrectiveActionSource.FINDING:
        raise DomainError(
            _("Choose the finding the action corrects."), field="finding", code="required"
        )
    if operator is None:
        raise DomainError(_("Choose the operator."), field="operator", code="required")
    if not actor.has_perm("supervision.raise_action", operator):
        raise PermissionDenied(_("You may not raise corrective actions for this operator."))
    description = (description or "").strip()
    if not description:
        raise DomainError(_("Say what must be done."), field="description", code="required")
    action = CorrectiveAction.objects.create(
        operator=operator,
        source=source,
        finding=finding,
        incident=incident,
        kind=kind,
        description=description,
        due_business_days=due_business_days,
        due_on=due_date(operator, due_business_days),
        created_by=actor,
    )
    open_history(
        actor=actor,
        obj=action,
        workflow=CORRECTIVE_ACTION_WORKFLOW,
        event=CorrectiveActionEventType.RAISED,
        data={"due_on": action.due_on.isoformat(), "kind": kind},
    )
    subject = (
        gettext_noop("Improvement order: respond by %(date)s")
        if kind == CorrectiveActionKind.IMPROVEMENT_ORDER
        else gettext_noop("Corrective action: respond by %(date)s")
    )
    recipients = _traders(operator)
    message = Message(
        subject,
        gettext_noop("%(description)s"),
        {"date": action.due_on.isoformat(), "description": description},
    )
    transaction.on_commit(lambda: notify(users=recipients, message=message, url=_url(action)))
    return action


def _store(actor: User, action: CorrectiveAction, uploads: list[UploadedFile]) -> list[str]:
    """Check every file first, then store them; no stored file without its row."""
    checked = [(upload, evidence_checks.check_upload(upload)) for upload in uploads]
    stored: list[ActionEvidence] = []
    try:
        for upload, file_type in checked:
            name = evidence_checks.safe_name(upload)
            item = ActionEvidence(
                action=action,
                name=name,
                size=upload.size or 0,
                sha256=evidence_checks.sha256(upload),
                content_type=file_type.content_type,
                uploaded_by=actor,
            )
            item.file.save(name, upload, save=False)
            stored.append(item)
            item.save()
    except Exception:
        for item in stored:
            item.file.delete(save=False)
        raise
    return [f"{i.name} ({i.size} B, {i.sha256})" for i in stored]


@transaction.atomic
def respond_to_corrective_action(
    *,
    actor: User,
    action: CorrectiveAction,
    response: str,
    files: list[UploadedFile] | None = None,
    version: int | None = None,
) -> CorrectiveAction:
    """The trader's answer with evidence; the auditor (or account manager) is told."""
    response = (response or "").strip()
    if not response:
        raise DomainError(_("Say what was done."), field="response", code="required")
    files = list(files or [])
    if len(files) > MAX_FILES:
        raise DomainError(
            _("Attach at most %(n)d files.") % {"n": MAX_FILES}, field="file", code="too_many"
        )

    def tell(done: CorrectiveAction) -> None:
        auditor = done.finding.audit.auditor if done.finding is not None else None
        notify(
            users=[auditor, current_account_manager(done.operator)],
            message=Message(
                gettext_noop("%(operator)s responded to corrective action #%(id)s"),
                gettext_noop("%(response)s"),
                {"operator": done.operator.legal_name, "id": done.pk, "response": done.response},
            ),
            url=_url(done),
        )

    action = transition(
        actor=actor,
        obj=action,
        workflow=CORRECTIVE_ACTION_WORKFLOW,
        event=CorrectiveActionEventType.RESPONDED,
        version=version,
        fields={
            "response": response,
            "responded_at": now(),
            "responded_late": action.responded_late or today() > action.due_on,
        },
        on_commit=tell,
    )
    names = _store(actor, action, files)
    if names:
        audit_log.record(
            actor=actor,
            action="corrective_action.evidence_uploaded",
            obj=action,
            changes={"evidence": [None, names]},
        )
    return action


@transaction.atomic
def verify_corrective_action(
    *,
    actor: User,
    action: CorrectiveAction,
    decision: str,
    note: str = "",
    due_business_days: int | None = None,
    version: int | None = None,
) -> CorrectiveAction:
    """Accept the response, or reopen the action (with a new due date, if given)."""
    if decision not in Verification.values:
        raise DomainError(_("Accept or reopen."), field="decision", code="unknown_choice")
    note = (note or "").strip()
    fields: dict = {"verification_note": note, "verified_by": actor, "verified_at": now()}
    if decision == Verification.REOPENED:
        if not note:
            raise DomainError(_("Say what is still missing."), field="note", code="required")
        if due_business_days is not None:
            fields["due_business_days"] = due_business_days
            fields["due_on"] = due_date(action.operator, due_business_days)
        fields["escalated_at"] = None
    event = (
        CorrectiveActionEventType.ACCEPTED
        if decision == Verification.ACCEPTED
        else CorrectiveActionEventType.REOPENED
    )

    def tell(done: CorrectiveAction) -> None:
        notify(
            users=_traders(done.operator),
            message=Message(
                gettext_noop("Corrective action #%(id)s: %(decision)s"),
                gettext_noop("%(note)s"),
                {"id": done.pk, "decision": Verification(decision).label, "note": note},
            ),
            url=_url(done),
        )

    action = transition(
        actor=actor,
        obj=action,
        workflow=CORRECTIVE_ACTION_WORKFLOW,
        event=event,
        version=version,
        fields=fields,
        comment=note,
        on_commit=tell,
    )
    refresh_plan(actor=actor, operator=action.operator)
    return action


def escalate_overdue() -> list[int]:
    """Daily: escalate each overdue action once to the operator's account manager and the
    unit's coordinators (there is no "unit head" role); the risk (and plan) rises."""
    escalated = []
    for action in selectors.overdue_unescalated():
        with transaction.atomic():
            done = transition(
                actor=None,
                obj=action,
                workflow=CORRECTIVE_ACTION_WORKFLOW,
                event=CorrectiveActionEventType.ESCALATED,
                fields={"escalated_at": now()},
            )
            recipients = [
                current_account_manager(done.operator),
                *selectors.coordinators_for(done.operator),
            ]
            message = Message(
                gettext_noop("Overdue corrective action #%(id)s of %(operator)s"),
                gettext_noop("It was due on %(date)s and has not been answered."),
                {
                    "id": done.pk,
                    "operator": done.operator.legal_name,
                    "date": done.due_on.isoformat(),
                },
            )
            notify(users=recipients, message=message, url=_url(done))
            refresh_plan(operator=done.operator)
        escalated.append(done.pk)
    return escalated
