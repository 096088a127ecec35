"""Reads on declarations, criteria and settings, scoped to who asks."""

from django.db.models import Q, QuerySet

from aeo.accounts.constants import CUSTOMS_ROLES, Role
from aeo.border import arrangements
from aeo.border.constants import DeclarationStatus
from aeo.border.models import (
    Criterion,
    Declaration,
    DeclarationEvent,
    DeclarationImport,
    SelectivitySettings,
    TrsRun,
)
from aeo.border.rules import NATIONAL_OFFICES

OPEN_STATUSES = (DeclarationStatus.LODGED, DeclarationStatus.SELECTED, DeclarationStatus.EXAMINED)


# The arrangement an MRA's monitoring measures, read through the seam until `mra` serves it.
arrangement_with = arrangements.arrangement_with


def declarations_visible_to(user) -> QuerySet[Declaration]:
    """A border officer sees the declarations of their office (a national office: all); other
    customs officials all; an OGA officer those an agency must clear; a trader those it
    declared or is the importer or exporter of."""
    qs = Declaration.objects.select_related("office", "trader", "declarant")
    if not user.is_authenticated:
        return qs.none()
    if user.is_superuser:
        return qs
    if user.role == Role.BORDER_OFFICER:
        office = user.office
        if office is None:
            return qs.none()
        return qs if office.kind in NATIONAL_OFFICES else qs.filter(office=office)
    if user.role in CUSTOMS_ROLES:
        return qs
    if user.role == Role.OGA_OFFICER:
        return qs.filter(oga_required=True)
    if user.role == Role.TRADER and user.operator_id:
        return qs.filter(Q(trader_id=user.operator_id) | Q(declarant_id=user.operator_id))
    return qs.none()


def queue(user, *, lane: str = "", office_id: int | None = None) -> QuerySet[Declaration]:
    """Declarations waiting for the officer's work, oldest lodgment first."""
    qs = declarations_visible_to(user).filter(status__in=OPEN_STATUSES)
    if lane:
        qs = qs.filter(lane=lane)
    if office_id:
        qs = qs.filter(office_id=office_id)
    return qs.order_by("lodged_at", "id")


def search(
    qs: QuerySet[Declaration],
    *,
    q: str = "",
    status: str = "",
    lane: str = "",
    direction: str = "",
    office: str = "",
) -> QuerySet[Declaration]:
    q = q.strip()
    if q:
        qs = qs.filter(Q(number__startswith=q) | Q(trader_tin=q) | Q(declarant_tin=q))
    for name, value in (("status", status), ("lane", lane), ("direction", direction)):
        if value:
            qs = qs.filter(**{name: value})
    if office:
        qs = qs.filter(office__code=office.upper())
    return qs


def history(declaration: Declaration) -> QuerySet[DeclarationEvent]:
    return declaration.events.select_related("actor")


def criteria(*, active_only: bool = False) -> QuerySet[Criterion]:
    qs = Criterion.objects.select_related("office")
    if active_only:
        qs = qs.filter(retired_at__isnull=True)
    return qs


def active_criteria() -> list[Criterion]:
    """Criteria not retired (their validity dates are checked per declaration)."""
    return list(criteria(active_only=True).order_by("code"))


def selectivity_settings() -> QuerySet[SelectivitySettings]:
    return SelectivitySettings.objects.select_related("office")


def imports_visible_to(user) -> QuerySet[DeclarationImport]:
    qs = DeclarationImport.objects.all()
    if not user.is_authenticated:
        return qs.none()
    return qs if user.is_superuser else qs.filter(created_by=user)


def trs_runs() -> QuerySet[TrsRun]:
    return TrsRun.objects.select_related("created_by")


def reads_selectivity(user) -> bool:
    """Criteria and rates are customs' own: officials read them, traders never."""
    return user.is_authenticated and (user.is_superuser or user.role in CUSTOMS_ROLES)


def criteria_visible_to(user) -> QuerySet[Criterion]:
    return criteria() if reads_selectivity(user) else Criterion.objects.none()
