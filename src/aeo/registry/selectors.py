from django.db.models import Q

from aeo.accounts.constants import REGISTRY_READERS, Role
from aeo.registry.models import Economy, Operator, OperatorQuerySet


def operators_visible_to(user) -> OperatorQuerySet:
    """Officials see the whole registry; a trader sees only its own operator."""
    qs = Operator.objects.select_related("economy", "region__office").prefetch_related("roles")
    if not user.is_authenticated:
        return qs.none()
    if user.role in REGISTRY_READERS or user.is_superuser:
        return qs
    if user.role == Role.TRADER and user.operator_id:
        return qs.filter(pk=user.operator_id)
    return qs.none()


def search_operators(
    qs: OperatorQuerySet, *, q: str = "", role: str = "", sme: str = "", economy: str = ""
) -> OperatorQuerySet:
    if q:
        qs = qs.filter(Q(legal_name__icontains=q) | Q(tin__icontains=q.replace("-", "")))
    if role:
        qs = qs.filter(roles__role=role)
    if sme == "yes":
        qs = qs.smes()
    elif sme == "no":
        qs = qs.non_smes()
    if economy:
        qs = qs.filter(economy_id=economy.upper())
    return qs.distinct()


def economies() -> list[Economy]:
    return list(Economy.objects.all())
