"""The supervision rule (`aeo.supervision.rules.supervises`) as a queryset filter."""

from django.db.models import Q, QuerySet

from aeo.registry.constants import OfficeKind
from aeo.supervision.rules import PROGRAMME_ROLES, UNIT_ROLES
from aeo.supervision.selectors.contacts import managed_operator_ids


def supervised(qs: QuerySet, user, operator: str = "operator") -> QuerySet:
    """The rows of `qs` whose operator (the field path `operator`; "" for operators) `user`
    supervises: every row for coordinators and auditors, the unit's and managed ones for the
    unit's staff, none for anyone else."""
    if not user.is_authenticated:
        return qs.none()
    if user.is_superuser or user.role in PROGRAMME_ROLES:
        return qs
    if user.role not in UNIT_ROLES:
        return qs.none()
    office = user.office
    if office is not None and office.kind == OfficeKind.AEO_CENTER:
        return qs
    prefix = f"{operator}__" if operator else ""
    managed = Q(**{f"{prefix}pk__in": managed_operator_ids(user)})
    if office is None:
        return qs.filter(managed)
    return qs.filter(managed | Q(**{f"{prefix}region__office": office}))


def visible(qs: QuerySet, user, operator: str = "operator") -> QuerySet:
    """`supervised`, and for a trader its own operator's rows."""
    if user.is_authenticated and user.is_trader:
        prefix = f"{operator}__" if operator else ""
        return qs.filter(**{f"{prefix}pk": user.operator_id}) if user.operator_id else qs.none()
    return supervised(qs, user, operator)
