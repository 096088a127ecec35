"""Reads of corrective actions, scoped by the unit rule (`selectors.scope`)."""

from datetime import date

from django.db.models import Q, QuerySet

from aeo.accounts.constants import Role
from aeo.accounts.models import User
from aeo.core.now import today
from aeo.registry.constants import OfficeKind
from aeo.supervision.constants import CorrectiveActionStatus
from aeo.supervision.models import ActionEvidence, CorrectiveAction, CorrectiveActionEvent
from aeo.supervision.selectors.scope import operator_q


def corrective_actions_visible_to(user) -> QuerySet[CorrectiveAction]:
    qs = CorrectiveAction.objects.select_related(
        "operator__region", "finding__audit", "finding__criterion", "incident"
    )
    if not user.is_authenticated:
        return qs.none()
    return qs.filter(operator_q(user))


def search_actions(
    qs: QuerySet[CorrectiveAction],
    *,
    status: str = "",
    operator_id: int | None = None,
    audit_id: int | None = None,
    overdue: bool | None = None,
    on: date | None = None,
) -> QuerySet[CorrectiveAction]:
    if status:
        qs = qs.filter(status=status)
    if operator_id is not None:
        qs = qs.filter(operator_id=operator_id)
    if audit_id is not None:
        qs = qs.filter(finding__audit_id=audit_id)
    if overdue is not None:
        late = {"status": CorrectiveActionStatus.OPEN, "due_on__lt": on or today()}
        qs = qs.filter(**late) if overdue else qs.exclude(**late)
    return qs


def overdue_unescalated(on: date | None = None) -> QuerySet[CorrectiveAction]:
    return CorrectiveAction.objects.filter(
        status=CorrectiveActionStatus.OPEN, due_on__lt=on or today(), escalated_at__isnull=True
    ).select_related("operator__region", "finding__audit__auditor")


def evidence_of(action: CorrectiveAction) -> QuerySet[ActionEvidence]:
    return action.evidence.all()


def history(action: CorrectiveAction) -> QuerySet[CorrectiveActionEvent]:
    return action.events.select_related("actor")


def coordinators_for(operator) -> QuerySet[User]:
    """Who an overdue action escalates to beside the account manager. The programme has no
    "unit head" role: the coordinators of the operator's office and of the AEO Center."""
    office_id = operator.region.office_id if operator.region else None
    unit = Q(office_id=office_id) if office_id else Q(pk__in=[])
    return User.objects.filter(
        unit | Q(office__kind=OfficeKind.AEO_CENTER), role=Role.COORDINATOR, is_active=True
    )
