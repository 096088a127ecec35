"""Reads of the benefits app, scoped to the user (`*_visible_to`), and the catalogue.

`benefits_for_operator(operator, on)` is the seam other apps use (the border applies and shows
the benefits a party is entitled to): the published benefits, valid on the day, of the AEO types
the operator holds then through active authorizations. A suspended authorization gives none.
"""

from collections.abc import Iterable
from datetime import date

from django.db.models import Prefetch, Q, QuerySet

from aeo.accounts.constants import CUSTOMS_ROLES, Role
from aeo.authorizations.constants import AuthorizationStatus
from aeo.authorizations.models import Authorization
from aeo.authorizations.selectors import current_aeo_types
from aeo.benefits.constants import Authority, BenefitStatus, InspectionStatus
from aeo.benefits.models import (
    Agency,
    Benefit,
    BenefitUse,
    JointInspection,
    MoU,
    ProposedCriteria,
)
from aeo.benefits.rules import INSPECTORS, agency_id_of
from aeo.core.now import today
from aeo.registry import selectors as registry_selectors
from aeo.registry.models import Operator


def _is(user, roles) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role in roles)


def agency_of(user) -> Agency | None:
    """The agency an OGA officer acts for."""
    pk = agency_id_of(user)
    return Agency.objects.filter(pk=pk).first() if pk else None


# --- Agencies (public) ----------------------------------------------------------------------


def agencies() -> QuerySet[Agency]:
    return Agency.objects.order_by("code")


def agency_by_code(code: str) -> Agency | None:
    return Agency.objects.filter(code=code.strip().lower()).first() if code.strip() else None


# --- Benefits -------------------------------------------------------------------------------


def _benefits() -> QuerySet[Benefit]:
    return Benefit.objects.select_related("agency").order_by(
        "agency__code", "category", "title_en", "pk"
    )


def benefits_visible_to(user) -> QuerySet[Benefit]:
    """Published benefits are public. Policy officers see every draft and withdrawn one, other
    customs officials the withdrawn ones too, an OGA officer its agency's drafts."""
    qs = _benefits()
    if _is(user, {Role.POLICY_OFFICER}):
        return qs
    shown = Q(status=BenefitStatus.PUBLISHED)
    if _is(user, CUSTOMS_ROLES):
        shown |= Q(status=BenefitStatus.WITHDRAWN)
    agency = agency_id_of(user)
    if agency is not None:
        shown |= Q(agency_id=agency) | Q(status=BenefitStatus.WITHDRAWN)
    return qs.filter(shown)


def _valid_on(on: date) -> Q:
    return (Q(valid_from__isnull=True) | Q(valid_from__lte=on)) & (
        Q(valid_to__isnull=True) | Q(valid_to__gte=on)
    )


def _of_types(codes) -> Q:
    """Benefits that apply to any of the AEO type codes (a JSON list; matched on its text so
    that SQLite and PostgreSQL answer alike)."""
    query = Q(pk__in=[])
    for code in sorted(codes):
        query |= Q(aeo_types__icontains=f'"{code}"')
    return query


def catalogue(
    *,
    aeo_type: str = "",
    authority: str = "",
    agency: str = "",
    category: str = "",
    on: date | None = None,
    qs: QuerySet[Benefit] | None = None,
) -> QuerySet[Benefit]:
    """The published benefits valid on `on` (today), by AEO type code, authority (customs or
    agency), one agency's code and category."""
    qs = (qs if qs is not None else _benefits()).filter(status=BenefitStatus.PUBLISHED)
    qs = qs.filter(_valid_on(on or today()))
    return filter_benefits(
        qs, aeo_type=aeo_type, authority=authority, agency=agency, category=category
    )


def filter_benefits(
    qs: QuerySet[Benefit],
    *,
    aeo_type: str = "",
    authority: str = "",
    agency: str = "",
    category: str = "",
    status: str = "",
) -> QuerySet[Benefit]:
    if aeo_type:
        qs = qs.filter(_of_types([aeo_type.strip().upper()]))
    if authority == Authority.CUSTOMS:
        qs = qs.filter(agency__isnull=True)
    elif authority == Authority.AGENCY:
        qs = qs.filter(agency__isnull=False)
    if agency:
        qs = qs.filter(agency__code=agency.strip().lower())
    if category:
        qs = qs.filter(category=category)
    if status:
        qs = qs.filter(status=status)
    return qs


def named[T: Iterable[Benefit]](benefits: T) -> T:
    """Sets `type_names` on each benefit: its AEO types' names in the active language."""
    names: dict[str, dict[str, str]] = {}
    for b in benefits:
        economy = str(b.economy_id)
        if economy not in names:
            names[economy] = dict(registry_selectors.aeo_type_choices(economy))
        b.type_names = [names[economy].get(c, c) for c in b.aeo_types]  # type: ignore[attr-defined]
    return benefits


def held_types(operator: Operator, on: date | None = None) -> set[str]:
    """The AEO type codes the operator holds on `on` (active authorizations only)."""
    found = current_aeo_types(operator.economy_id, [operator.tin], on or today())
    return found.get(operator.tin, set())


def held_type_spans(
    economy: str, tins: Iterable[str]
) -> dict[str, list[tuple[str, date, date | None]]]:
    """Per TIN, the (AEO type code, valid from, valid to) of its active authorizations, in one
    query for any number of TINs: for a reader that asks `held_types` on many days at once
    (the border's batches)."""
    found: dict[str, list[tuple[str, date, date | None]]] = {}
    rows = Authorization.objects.filter(
        operator__economy_id=economy,
        operator__tin__in=set(tins),
        status=AuthorizationStatus.ACTIVE,
    ).values_list("operator__tin", "aeo_type", "valid_from", "valid_to")
    for tin, code, valid_from, valid_to in rows:
        found.setdefault(tin, []).append((code, valid_from, valid_to))
    return found


def benefits_for_operator(operator: Operator, on: date | None = None) -> QuerySet[Benefit]:
    """The benefits `operator` is entitled to on `on` (today): published, valid that day, for
    the AEO types it holds through active authorizations (`authorizations.selectors.
    current_aeo_types`). An operator whose authorizations are all suspended (or revoked,
    expired, surrendered) gets none. Two queries; evaluate it once."""
    types = held_types(operator, on)
    if not types:
        return Benefit.objects.none()
    return catalogue(on=on).filter(economy_id=operator.economy_id).filter(_of_types(types))


def benefits_by_type(economy: str, on: date | None = None) -> dict[str, list[Benefit]]:
    """The published benefits of `economy` valid on `on` (today), per AEO type code, in one
    query: for a page that shows the benefits of many parties at once."""
    found: dict[str, list[Benefit]] = {}
    for benefit in catalogue(on=on).filter(economy_id=economy):
        for code in benefit.aeo_types:
            found.setdefault(code, []).append(benefit)
    return found


def benefit_history(benefit: Benefit):
    return benefit.events.select_related("actor")


def uses_visible_to(user) -> QuerySet[BenefitUse]:
    qs = BenefitUse.objects.select_related("benefit", "operator")
    if _is(user, CUSTOMS_ROLES):
        return qs
    agency = agency_id_of(user)
    if agency is not None:
        return qs.filter(benefit__agency_id=agency)
    if user.is_authenticated and user.role == Role.TRADER and user.operator_id:
        return qs.filter(operator_id=user.operator_id)
    return qs.none()


# --- MoUs -----------------------------------------------------------------------------------


def mous_visible_to(user) -> QuerySet[MoU]:
    """Customs officials see every MoU; an OGA officer its agency's."""
    qs = MoU.objects.select_related("agency").order_by("agency__code", "-created_at", "pk")
    if _is(user, CUSTOMS_ROLES):
        return qs
    agency = agency_id_of(user)
    return qs.filter(agency_id=agency) if agency is not None else qs.none()


def mou_history(mou: MoU):
    return mou.events.select_related("actor")


# --- Proposed criteria ----------------------------------------------------------------------


def proposals_visible_to(user) -> QuerySet[ProposedCriteria]:
    """Policy officers see every proposal; an OGA officer its agency's."""
    qs = ProposedCriteria.objects.select_related("agency", "criterion").order_by(
        "-created_at", "-pk"
    )
    if _is(user, {Role.POLICY_OFFICER}):
        return qs
    agency = agency_id_of(user)
    return qs.filter(agency_id=agency) if agency is not None else qs.none()


def proposal_history(proposal: ProposedCriteria):
    return proposal.events.select_related("actor")


# --- Joint inspections ----------------------------------------------------------------------


def inspections_visible_to(user) -> QuerySet[JointInspection]:
    """Customs inspectors see every joint inspection, an OGA officer those its agency takes
    part in, a trader its own operator's."""
    qs = (
        JointInspection.objects.select_related("operator")
        .prefetch_related(Prefetch("agencies", queryset=Agency.objects.order_by("code")))
        .order_by("-created_at", "-pk")
    )
    if _is(user, INSPECTORS | CUSTOMS_ROLES):
        return qs
    agency = agency_id_of(user)
    if agency is not None:
        return qs.filter(pk__in=JointInspection.objects.filter(agencies=agency).values("pk"))
    if user.is_authenticated and user.role == Role.TRADER and user.operator_id:
        return qs.filter(operator_id=user.operator_id)
    return qs.none()


def upcoming_inspections(operator: Operator) -> QuerySet[JointInspection]:
    """An AEO's requested and scheduled joint inspections, soonest first."""
    return (
        JointInspection.objects.filter(
            operator=operator,
            status__in=[InspectionStatus.REQUESTED, InspectionStatus.SCHEDULED],
        )
        .prefetch_related(Prefetch("agencies", queryset=Agency.objects.order_by("code")))
        .order_by("scheduled_at", "pk")
    )


def inspection_history(inspection: JointInspection):
    return inspection.events.select_related("actor")
