from django.core.exceptions import ValidationError
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema, Status
from ninja.pagination import paginate

from aeo.core.bounds import ObjectId, Pagination
from aeo.core.pagination import searched
from aeo.registry import selectors, services
from aeo.registry.models import Economy, Operator, Region
from aeo.registry.schemas import (
    AEOTypeFilters,
    EconomyOut,
    OperatorIn,
    OperatorOut,
    OperatorPatch,
    RegistryAEOTypeOut,
)

router = Router(tags=["registry"])


class OperatorFilters(Schema):
    q: str = ""
    role: str = ""
    sme: str = ""
    economy: str = ""


def _economy(code: str) -> Economy:
    economy = Economy.objects.filter(code=code.upper()).first()
    if economy is None:
        raise ValidationError({"economy": [f"Unknown economy {code!r}."]})
    return economy


def _region(economy: Economy, code: str | None) -> Region | None:
    if not code:
        return None
    region = Region.objects.filter(economy=economy, code=code.upper()).first()
    if region is None:
        raise ValidationError({"region": [f"Unknown region {code!r} in {economy.code}."]})
    return region


@router.get("/economies", response=list[EconomyOut], operation_id="list_economies")
def list_economies(request: HttpRequest):
    return selectors.economies()


@router.get("/economies/{code}", response=EconomyOut, operation_id="get_economy")
def get_economy(request: HttpRequest, code: str):
    return get_object_or_404(Economy, code=code.upper())


@router.get(
    "/aeo-types",
    response=list[RegistryAEOTypeOut],
    operation_id="list_aeo_types",
    auth=None,
    summary="The AEO types of an economy's programme",
)
def list_aeo_types(request: HttpRequest, filters: Query[AEOTypeFilters]):
    """In the programme's order; empty for an economy whose types are not (yet) known here."""
    return selectors.aeo_types(filters.economy)


@router.get("/operators", response=list[OperatorOut], operation_id="list_operators")
@paginate(Pagination)
def list_operators(request: HttpRequest, filters: Query[OperatorFilters]):
    qs = selectors.operators_visible_to(request.user)
    return searched(selectors.search_operators(qs, **filters.dict()), filters.q, qs)


@router.get("/operators/{operator_id}", response=OperatorOut, operation_id="get_operator")
def get_operator(request: HttpRequest, operator_id: ObjectId):
    return get_object_or_404(selectors.operators_visible_to(request.user), pk=operator_id)


@router.post("/operators", response={201: OperatorOut}, operation_id="create_operator")
def create_operator(request: HttpRequest, payload: OperatorIn):
    economy = _economy(payload.economy)
    operator = services.create_operator(
        actor=request.user,
        economy=economy,
        tin=payload.tin,
        legal_name=payload.legal_name,
        address=payload.address,
        region=_region(economy, payload.region),
        employee_count=payload.employee_count,
        email=payload.email,
        roles=[r.value for r in payload.roles],
        reason=payload.reason,
    )
    return Status(201, selectors.operators_visible_to(request.user).get(pk=operator.pk))


@router.patch("/operators/{operator_id}", response=OperatorOut, operation_id="update_operator")
def update_operator(request: HttpRequest, operator_id: ObjectId, payload: OperatorPatch):
    operator: Operator = get_object_or_404(
        selectors.operators_visible_to(request.user), pk=operator_id
    )
    changes = payload.dict(exclude_unset=True)
    reason = changes.pop("reason", "")
    for blank in ("address", "email"):  # null clears a text field
        if blank in changes and changes[blank] is None:
            changes[blank] = ""
    nulls = sorted(k for k, v in changes.items() if v is None and k != "region")
    if nulls:
        raise ValidationError({k: ["This field cannot be empty."] for k in nulls})
    if "economy" in changes:
        changes["economy"] = _economy(changes["economy"])
    if "region" in changes:
        changes["region"] = _region(changes.get("economy", operator.economy), changes["region"])
    if "roles" in changes:
        changes["roles"] = [getattr(r, "value", r) for r in changes["roles"]]
    services.update_operator(actor=request.user, operator=operator, changes=changes, reason=reason)
    return selectors.operators_visible_to(request.user).get(pk=operator.pk)
