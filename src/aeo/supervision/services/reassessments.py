"""Writes of re-assessments: started on a trigger, concluded with an outcome against the
current requirements version; a suspension or revocation outcome changes the AEO's status."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from aeo.accounts.constants import Role
from aeo.accounts.models import User
from aeo.authorizations import services as authorization_services
from aeo.authorizations.constants import CURRENT_STATUSES, AuthorizationStatus, SuspensionGround
from aeo.authorizations.models import Authorization
from aeo.core.errors import Conflict, DomainError
from aeo.core.now import now
from aeo.core.workflow import open_history, transition
from aeo.notifications.services import Message, notify
from aeo.registry.models import Operator
from aeo.requirements import selectors as requirement_selectors
from aeo.supervision.constants import (
    REASSESSMENT_WORKFLOW,
    ReassessmentEventType,
    ReassessmentOutcome,
    ReassessmentStatus,
    ReassessmentTrigger,
)
from aeo.supervision.models import Audit, Reassessment
from aeo.supervision.selectors.monitoring import is_aeo
from aeo.supervision.services.corrective_actions import due_date

# A re-assessment that ends in suspension gives the holder this long to remedy.
REMEDY_BUSINESS_DAYS = 30


def _traders(operator: Operator) -> list[User]:
    return list(User.objects.filter(role=Role.TRADER, operator=operator, is_active=True))


@transaction.atomic
def start_reassessment(
    *,
    actor: User,
    operator: Operator,
    trigger: str,
    reason: str,
    audit: Audit | None = None,
) -> Reassessment:
    """Start re-assessing an AEO against the current requirements version."""
    if not actor.has_perm("supervision.start_reassessment", operator):
        raise PermissionDenied(_("Only officials of the operator's unit start a re-assessment."))
    if trigger not in ReassessmentTrigger.values:
        raise DomainError(_("Unknown trigger."), field="trigger", code="unknown_choice")
    reason = (reason or "").strip()
    if not reason:
        raise DomainError(_("Give the reason."), field="reason", code="required")
    if audit is not None and audit.operator_id != operator.pk:
        raise DomainError(
            _("The audit is of another operator."), field="audit", code="other_operator"
        )
    if not is_aeo(operator):
        raise Conflict(
            _("Only an authorized operator is re-assessed."), field="operator", code="not_an_aeo"
        )
    if Reassessment.objects.filter(operator=operator, status=ReassessmentStatus.OPEN).exists():
        raise Conflict(
            _("A re-assessment of this operator is already open."),
            field="operator",
            code="already_open",
        )
    template = requirement_selectors.current_template()
    reassessment = Reassessment.objects.create(
        operator=operator,
        trigger=trigger,
        reason=reason,
        audit=audit,
        template=template,
        started_by=actor,
    )
    open_history(
        actor=actor,
        obj=reassessment,
        workflow=REASSESSMENT_WORKFLOW,
        event=ReassessmentEventType.STARTED,
        comment=reason,
        data={"trigger": trigger, "template": template.number if template else None},
    )
    message = Message(
        gettext_noop("Your AEO status is being re-assessed"),
        gettext_noop("Reason: %(trigger)s. Requirements version %(template)s applies."),
        {
            "trigger": ReassessmentTrigger(trigger).label,
            "template": template.number if template else "-",
        },
    )
    recipients = _traders(operator)
    transaction.on_commit(lambda: notify(users=recipients, message=message))
    return reassessment


@transaction.atomic
def conclude_reassessment(
    *,
    actor: User,
    reassessment: Reassessment,
    outcome: str,
    conclusion: str,
    conditions: str = "",
    version: int | None = None,
) -> Reassessment:
    """Conclude: confirmed, confirmed with conditions, suspension or revocation; the last
    two change the status of the AEO's authorizations (the authorizations' own service)."""
    if outcome not in ReassessmentOutcome.values:
        raise DomainError(_("Unknown outcome."), field="outcome", code="unknown_choice")
    conclusion = (conclusion or "").strip()
    if not conclusion:
        raise DomainError(_("Write the conclusion."), field="conclusion", code="required")
    conditions = (conditions or "").strip()
    if outcome == ReassessmentOutcome.CONDITIONS_ADDED and not conditions:
        raise DomainError(_("State the conditions."), field="conditions", code="required")
    reassessment = transition(
        actor=actor,
        obj=reassessment,
        workflow=REASSESSMENT_WORKFLOW,
        event=ReassessmentEventType.CONCLUDED,
        version=version,
        fields={
            "outcome": outcome,
            "conclusion": conclusion,
            "conditions": conditions,
            "concluded_at": now(),
        },
        comment=conclusion,
        data={"outcome": outcome},
    )
    reason = _("Re-assessment #%(id)s: %(conclusion)s") % {
        "id": reassessment.pk,
        "conclusion": conclusion,
    }
    held = Authorization.objects.filter(operator=reassessment.operator)
    if outcome == ReassessmentOutcome.SUSPENSION:
        # Conditions no longer met: the holder has the period to remedy, then revocation.
        remedy_by = due_date(reassessment.operator, REMEDY_BUSINESS_DAYS)
        for authorization in held.filter(status=AuthorizationStatus.ACTIVE):
            authorization_services.suspend(
                actor=actor,
                authorization=authorization,
                ground=SuspensionGround.CONDITIONS_NOT_MET,
                remedy_by=remedy_by,
                reason=reason,
            )
    elif outcome == ReassessmentOutcome.REVOCATION:
        current = list(held.filter(status__in=sorted(CURRENT_STATUSES)))
        if current:
            authorization_services.revoke(
                actor=actor, authorization=current[0], reason=reason, all_types=True
            )
    message = Message(
        gettext_noop("Re-assessment concluded: %(outcome)s"),
        gettext_noop("%(conclusion)s %(conditions)s"),
        {
            "outcome": ReassessmentOutcome(outcome).label,
            "conclusion": conclusion,
            "conditions": conditions,
        },
    )
    recipients = _traders(reassessment.operator)
    transaction.on_commit(lambda: notify(users=recipients, message=message))
    return reassessment
