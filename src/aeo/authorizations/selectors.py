"""Reads on authorizations, scoped to who asks."""

from datetime import date

from django.db.models import Q, QuerySet

from aeo.accounts.constants import CUSTOMS_ROLES, Role
from aeo.authorizations.constants import (
    REAPPLICATION_BAR_YEARS,
    WORKFLOW,
    AuthorizationEventType,
    AuthorizationStatus,
)
from aeo.authorizations.models import Authorization, AuthorizationEvent, RegisterChange
from aeo.authorizations.validity import add_years
from aeo.core.now import today
from aeo.registry.models import Operator


def _authorizations() -> QuerySet[Authorization]:
    return Authorization.objects.select_related("operator__economy", "operator__region")


def authorizations_visible_to(user) -> QuerySet[Authorization]:
    """Customs officials see every authorization; a trader only its own operator's."""
    qs = _authorizations()
    if not user.is_authenticated:
        return qs.none()
    if user.is_superuser or user.role in CUSTOMS_ROLES:
        return qs
    if user.role == Role.TRADER and user.operator_id:
        return qs.filter(operator_id=user.operator_id)
    return qs.none()


def active_for_operator(operator: Operator) -> QuerySet[Authorization]:
    return _authorizations().filter(operator=operator, status=AuthorizationStatus.ACTIVE)


def public_register() -> QuerySet[Authorization]:
    """The public AEO register: active authorizations only."""
    return _authorizations().filter(status=AuthorizationStatus.ACTIVE)


def search_authorizations(
    qs: QuerySet[Authorization], *, q: str = "", aeo_type: str = "", status: str = ""
) -> QuerySet[Authorization]:
    """Filter by legal name, TIN or AEO number (`q`), AEO type and status."""
    q = q.strip()
    if q:
        qs = qs.filter(
            Q(operator__legal_name__icontains=q)
            | Q(operator__tin__icontains=q.replace("-", ""))
            | Q(aeo_number__icontains=q)
        )
    if aeo_type:
        qs = qs.filter(aeo_type=aeo_type)
    if status:
        qs = qs.filter(status=status)
    return qs


def reapplication_barred_until(operator: Operator, on: date | None = None) -> date | None:
    """The day a new application is possible again after a revocation, while it is barred."""
    last = (
        AuthorizationEvent.objects.filter(
            authorization__operator=operator, event=AuthorizationEventType.REVOKED
        )
        .order_by("-at")
        .values_list("at", flat=True)
        .first()
    )
    if last is None:
        return None
    until = add_years(last.date(), REAPPLICATION_BAR_YEARS)
    return until if until > (on or today()) else None


def register_changes(after: int = 0) -> QuerySet[RegisterChange]:
    """The domain events after position `after`, oldest first (the MRA exchange reads these)."""
    return RegisterChange.objects.filter(id__gt=after).order_by("id")


def history(authorization: Authorization) -> QuerySet[AuthorizationEvent]:
    return authorization.events.select_related("actor")


def reachable_statuses(user, authorization: Authorization) -> list[str]:
    """The statuses `user` may move `authorization` into now, from the workflow's map."""
    return [
        next(iter(WORKFLOW.moves[event].targets))
        for event in WORKFLOW.allowed_events(authorization, user)
    ]
