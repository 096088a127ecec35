"""Reads on authorizations, scoped to who asks."""

from django.db.models import Q, QuerySet

from aeo.accounts.constants import CUSTOMS_ROLES, Role
from aeo.authorizations.constants import WORKFLOW, AuthorizationStatus
from aeo.authorizations.models import Authorization, AuthorizationEvent
from aeo.registry import selectors as registry_selectors
from aeo.registry.models import Operator


def _authorizations() -> QuerySet[Authorization]:
    return Authorization.objects.select_related("operator__economy")


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
    """Filter by AEO number or TIN (exact or prefix), or a part of the legal name (`q`, see
    `registry.selectors.operator_search`), AEO type and status."""
    q = q.strip()
    if q:
        operators = Operator.objects.filter(registry_selectors.operator_search(q))
        qs = qs.filter(
            Q(aeo_number__startswith=q.upper()) | Q(operator_id__in=operators.values("pk"))
        )
    if aeo_type:
        qs = qs.filter(aeo_type=aeo_type)
    if status:
        qs = qs.filter(status=status)
    return qs


def history(authorization: Authorization) -> QuerySet[AuthorizationEvent]:
    return authorization.events.select_related("actor")


def reachable_statuses(user, authorization: Authorization) -> list[str]:
    """The statuses `user` may move `authorization` into now, from the workflow's map."""
    return [
        next(iter(WORKFLOW.moves[event].targets))
        for event in WORKFLOW.allowed_events(authorization, user)
    ]
