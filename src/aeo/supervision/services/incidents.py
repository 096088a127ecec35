"""Incident reports: the AEO reports an accident or mistake in customs procedures; its account
manager acknowledges, assesses and closes, and the trader hears of each step."""

from collections.abc import Callable, Iterable
from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from aeo.accounts.constants import Role
from aeo.accounts.models import User
from aeo.core import audit, evidence
from aeo.core.errors import Conflict, DomainError
from aeo.core.now import now
from aeo.core.workflow import open_history, transition
from aeo.notifications.services import Message, notify
from aeo.registry.models import Operator
from aeo.supervision.constants import (
    INCIDENT_WORKFLOW,
    IncidentAssessment,
    IncidentEventType,
    IncidentStatus,
)
from aeo.supervision.models import Incident, IncidentFile
from aeo.supervision.services.contacts import ensure_account_manager
from aeo.supervision.services.corrective_actions import create_corrective_action
from aeo.supervision.services.monitoring import refresh_plan

MAX_FILES = 10


def _url(incident: Incident) -> str:
    return reverse("supervision:incident", args=[incident.pk])


def _tell_trader(incident: Incident, message: Message) -> None:
    traders = User.objects.filter(role=Role.TRADER, operator=incident.operator, is_active=True)
    notify(users=traders, message=message, url=_url(incident))


def _text(value: str, field: str, message: str) -> str:
    if not value.strip():
        raise DomainError(message, field=field, code="required")
    return value.strip()


@transaction.atomic
def report_incident(
    *,
    actor: User,
    occurred_at: datetime,
    summary: str,
    details: str = "",
    declarations: str = "",
    actions_taken: str = "",
    attachments: Iterable[UploadedFile] = (),
    operator: Operator | None = None,
) -> Incident:
    """The trader reports for its own operator; its account manager is told at once."""
    operator = operator or actor.operator
    if operator is None or not actor.has_perm("supervision.report", operator):
        raise PermissionDenied(_("You may report only for your own company."))
    if timezone.is_naive(occurred_at):
        occurred_at = timezone.make_aware(occurred_at)
    if occurred_at > now():
        raise DomainError(
            _("An incident is reported once it has happened."),
            field="occurred_at",
            code="future_date",
        )
    incident = Incident.objects.create(
        operator=operator,
        occurred_at=occurred_at,
        summary=_text(summary, "summary", _("Say what happened.")),
        details=details.strip(),
        declarations=declarations.strip(),
        actions_taken=actions_taken.strip(),
        reported_by=actor,
    )
    stored = _attach(actor, incident, list(attachments))
    open_history(
        actor=actor,
        obj=incident,
        workflow=INCIDENT_WORKFLOW,
        event=IncidentEventType.REPORTED,
        data={"files": [f.name for f in stored]},
    )
    manager = ensure_account_manager(actor=actor, operator=operator)
    notify(
        users=[manager],
        message=Message(
            gettext_noop("Incident reported by %(operator)s"),
            gettext_noop("%(summary)s"),
            {"operator": operator.legal_name, "summary": incident.summary},
        ),
        url=_url(incident),
    )
    return incident


def _attach(actor: User, incident: Incident, files: list[UploadedFile]) -> list[IncidentFile]:
    if incident.files.count() + len(files) > MAX_FILES:
        raise DomainError(
            _("Attach at most %d files.") % MAX_FILES, field="attachments", code="too_many_files"
        )
    stored = [evidence.store(IncidentFile(incident=incident), f, actor=actor) for f in files]
    try:
        with transaction.atomic():
            IncidentFile.objects.bulk_create(stored)
    except Exception:
        for item in stored:
            item.file.delete(save=False)  # no stored file without its row
        raise
    return stored


@transaction.atomic
def attach_incident_file(*, actor: User, incident: Incident, upload: UploadedFile) -> IncidentFile:
    """The reporter's company adds a file to its report until the report is closed."""
    if not actor.has_perm("supervision.report", incident.operator):
        raise PermissionDenied(_("You may report only for your own company."))
    incident = Incident.objects.select_for_update().get(pk=incident.pk)
    if incident.status == IncidentStatus.CLOSED:
        raise Conflict(_("The report is closed."), field="attachments", code="closed")
    (item,) = _attach(actor, incident, [upload])
    audit.record(
        actor=actor,
        action="incident.file_attached",
        obj=incident,
        changes={"file": [None, f"{item.name} ({item.size} B, {item.sha256})"]},
    )
    return item


def _step(
    *,
    actor: User,
    incident: Incident,
    event: str,
    comment: str,
    version: int | None,
    subject: str,
    fields=None,
    data=None,
) -> Incident:
    incident = transition(
        actor=actor,
        obj=incident,
        workflow=INCIDENT_WORKFLOW,
        event=event,
        version=version,
        fields=fields,
        comment=comment.strip(),
        data=data,
    )
    _tell_trader(
        incident,
        Message(
            subject,
            gettext_noop("%(comment)s"),
            {"summary": incident.summary, "comment": comment.strip()},
        ),
    )
    return incident


@transaction.atomic
def acknowledge_incident(
    *, actor: User, incident: Incident, comment: str = "", version: int | None = None
) -> Incident:
    return _step(
        actor=actor,
        incident=incident,
        event=IncidentEventType.ACKNOWLEDGED,
        comment=comment,
        version=version,
        subject=gettext_noop("Your incident report was received: %(summary)s"),
    )


@transaction.atomic
def assess_incident(
    *,
    actor: User,
    incident: Incident,
    assessment: str,
    comment: str,
    action_description: str = "",
    due_business_days: int | None = None,
    version: int | None = None,
) -> Incident:
    """Record what the incident calls for: nothing, a contact, a corrective action or a
    re-assessment (the last two raise the operator's monitoring risk). A corrective action is
    raised with the assessment, in the same transaction, from `action_description` and
    `due_business_days`."""
    if assessment not in IncidentAssessment.values:
        raise DomainError(_("Choose an assessment."), field="assessment", code="required")
    comment = _text(comment, "comment", _("Explain the assessment to the operator."))
    calls_for_action = assessment == IncidentAssessment.CORRECTIVE_ACTION
    if calls_for_action and not (action_description or "").strip():
        raise DomainError(_("Say what must be done."), field="action_description", code="required")
    if calls_for_action and not due_business_days:
        raise DomainError(
            _("Give the business days to respond."), field="due_business_days", code="required"
        )
    incident = _step(
        actor=actor,
        incident=incident,
        event=IncidentEventType.ASSESSED,
        comment=comment,
        version=version,
        subject=gettext_noop("Your incident report was assessed: %(summary)s"),
        fields={"assessment": assessment},
        data={"assessment": assessment},
    )
    if calls_for_action:
        create_corrective_action(
            actor=actor,
            incident=incident,
            description=action_description,
            due_business_days=due_business_days or 0,
        )
    refresh_plan(actor=actor, operator=incident.operator)
    return incident


@transaction.atomic
def close_incident(
    *, actor: User, incident: Incident, comment: str = "", version: int | None = None
) -> Incident:
    return _step(
        actor=actor,
        incident=incident,
        event=IncidentEventType.CLOSED,
        comment=comment,
        version=version,
        subject=gettext_noop("Your incident report was closed: %(summary)s"),
    )


# The service behind each handling step, for the one API operation that takes the step's name.
HANDLING: dict[str, Callable[..., Incident]] = {
    IncidentEventType.ACKNOWLEDGED: acknowledge_incident,
    IncidentEventType.ASSESSED: assess_incident,
    IncidentEventType.CLOSED: close_incident,
}
