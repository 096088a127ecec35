"""Declarations (intake, reads, the moves after lodgment), selectivity and MRA monitoring."""

from django.conf import settings
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Query, Router, Status
from ninja.errors import HttpError
from ninja.pagination import paginate

from aeo.accounts.http import AuthedRequest
from aeo.border import selectors, services, trs_source
from aeo.border.intake import read_rows
from aeo.border.schemas import (
    BorderCriterionIn,
    BorderCriterionOut,
    BorderDeclarationDetailOut,
    BorderDeclarationFilters,
    BorderDeclarationIn,
    BorderDeclarationOut,
    BorderExaminationIn,
    BorderImportOut,
    BorderMonitoringFilters,
    BorderRerouteIn,
    BorderRetireIn,
    BorderSettingsIn,
    BorderSettingsOut,
    BorderTimeIn,
    BorderVersionIn,
)
from aeo.core.bounds import ObjectId, Pagination
from aeo.core.errors import DomainError
from aeo.registry.models import CustomsOffice

router = Router(tags=["border"])
IMPORT_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            # Raw text, not JSON: any body is read, and each row is judged on its own.
            "application/x-ndjson": {"schema": {"description": "one declaration a line"}},
            "text/csv": {"schema": {"description": "a header row, one declaration a row"}},
        },
    }
}


def _declaration(request: AuthedRequest, declaration_id: int):
    return get_object_or_404(selectors.declarations_visible_to(request.user), pk=declaration_id)


def _detail(request: AuthedRequest, declaration_id: int):
    return selectors.declarations_visible_to(request.user).get(pk=declaration_id)


@router.post(
    "/declarations",
    response={201: BorderDeclarationDetailOut},
    operation_id="create_declaration",
    summary="Lodge one declaration (its lane is assigned at once)",
)
def create_declaration(request: AuthedRequest, payload: BorderDeclarationIn):
    data = payload.model_dump(mode="json")
    declaration = services.create_declaration(actor=request.user, data=data)
    return Status(201, _detail(request, declaration.pk))


@router.post(
    "/declarations/import",
    response=BorderImportOut,
    operation_id="import_declarations",
    summary="Lodge many declarations: NDJSON or CSV, validated row by row",
    openapi_extra=IMPORT_BODY,
)
def import_declarations(request: AuthedRequest, update: bool = False, assign: bool = True):
    """Each row is stored or refused with its line and reason. `update`: a number already
    lodged replaces its data and times (else refused); `assign`: lanes at intake."""
    size = int(request.headers.get("Content-Length") or 0)
    if size > settings.AEO_DECLARATION_IMPORT_MAX_BYTES:
        raise HttpError(413, "Request body too large.")
    fmt = "csv" if (request.content_type or "").startswith("text/csv") else "ndjson"
    if fmt == "ndjson" and request.content_type != "application/x-ndjson":
        raise HttpError(422, "Send application/x-ndjson or text/csv.")
    job = services.import_declarations(
        actor=request.user,
        rows=read_rows(iter(request.readline, b""), fmt),
        update=update,
        assign=assign,
    )
    return job


@router.get("/declarations", response=list[BorderDeclarationOut], operation_id="list_declarations")
@paginate(Pagination)
def list_declarations(request: AuthedRequest, filters: Query[BorderDeclarationFilters]):
    return selectors.search(
        selectors.declarations_visible_to(request.user),
        q=filters.q,
        status=filters.status or "",
        lane=filters.lane or "",
        direction=filters.direction or "",
        office=filters.office,
    )


@router.get(
    "/declarations/{declaration_id}",
    response=BorderDeclarationDetailOut,
    operation_id="get_declaration",
)
def get_declaration(request: AuthedRequest, declaration_id: ObjectId):
    return _declaration(request, declaration_id)


@router.post(
    "/declarations/{declaration_id}/lane",
    response=BorderDeclarationDetailOut,
    operation_id="assign_lane",
    summary="Assign a lodged declaration's lane",
)
def assign_lane(request: AuthedRequest, declaration_id: ObjectId, payload: BorderVersionIn):
    declaration = _declaration(request, declaration_id)
    services.assign_lane(actor=request.user, declaration=declaration, version=payload.version)
    return _detail(request, declaration_id)


@router.post(
    "/declarations/{declaration_id}/examination",
    response=BorderDeclarationDetailOut,
    operation_id="record_examination",
)
def record_examination(
    request: AuthedRequest, declaration_id: ObjectId, payload: BorderExaminationIn
):
    services.record_examination(
        actor=request.user,
        declaration=_declaration(request, declaration_id),
        result=payload.result.value,
        note=payload.note,
        version=payload.version,
    )
    return _detail(request, declaration_id)


@router.post(
    "/declarations/{declaration_id}/release",
    response=BorderDeclarationDetailOut,
    operation_id="release_declaration",
)
def release_declaration(request: AuthedRequest, declaration_id: ObjectId, payload: BorderTimeIn):
    services.release_declaration(
        actor=request.user,
        declaration=_declaration(request, declaration_id),
        at=payload.at,
        comment=payload.comment,
        version=payload.version,
    )
    return _detail(request, declaration_id)


@router.post(
    "/declarations/{declaration_id}/delivery",
    response=BorderDeclarationDetailOut,
    operation_id="record_delivery",
)
def record_delivery(request: AuthedRequest, declaration_id: ObjectId, payload: BorderTimeIn):
    services.record_delivery(
        actor=request.user,
        declaration=_declaration(request, declaration_id),
        at=payload.at,
        comment=payload.comment,
        version=payload.version,
    )
    return _detail(request, declaration_id)


@router.post(
    "/declarations/{declaration_id}/reroute",
    response=BorderDeclarationDetailOut,
    operation_id="reroute_declaration",
)
def reroute_declaration(request: AuthedRequest, declaration_id: ObjectId, payload: BorderRerouteIn):
    services.reroute_declaration(
        actor=request.user,
        declaration=_declaration(request, declaration_id),
        lane=payload.lane.value,
        reason=payload.reason,
        version=payload.version,
    )
    return _detail(request, declaration_id)


def _office(code: str) -> CustomsOffice | None:
    if not code:
        return None
    office = CustomsOffice.objects.filter(
        economy_id=settings.AEO_ECONOMY, code=code.strip().upper()
    ).first()
    if office is None:
        raise DomainError(_("Unknown customs office."), field="office", code="unknown_office")
    return office


def _selectivity_reader(request: AuthedRequest) -> None:
    if not selectors.reads_selectivity(request.user):
        raise HttpError(403, "You may not do this.")


@router.get(
    "/selectivity/criteria", response=list[BorderCriterionOut], operation_id="list_criteria"
)
@paginate(Pagination)
def list_criteria(request: AuthedRequest, active: bool = False):
    _selectivity_reader(request)
    return selectors.criteria(active_only=active)


@router.post(
    "/selectivity/criteria", response={201: BorderCriterionOut}, operation_id="create_criterion"
)
def create_criterion(request: AuthedRequest, payload: BorderCriterionIn):
    data = payload.model_dump()
    criterion = services.create_criterion(
        actor=request.user, **{**data, "office": _office(data["office"])}
    )
    return Status(201, criterion)


@router.post(
    "/selectivity/criteria/{criterion_id}/retire",
    response=BorderCriterionOut,
    operation_id="retire_criterion",
)
def retire_criterion(request: AuthedRequest, criterion_id: ObjectId, payload: BorderRetireIn):
    criterion = get_object_or_404(selectors.criteria_visible_to(request.user), pk=criterion_id)
    return services.retire_criterion(actor=request.user, criterion=criterion, reason=payload.reason)


@router.get(
    "/selectivity/settings",
    response=list[BorderSettingsOut],
    operation_id="get_selectivity_settings",
)
def get_selectivity_settings(request: AuthedRequest):
    _selectivity_reader(request)
    return list(selectors.selectivity_settings())


@router.put(
    "/selectivity/settings",
    response=BorderSettingsOut,
    operation_id="update_selectivity_settings",
)
def update_selectivity_settings(request: AuthedRequest, payload: BorderSettingsIn):
    data = payload.model_dump()
    return services.update_selectivity_settings(
        actor=request.user, **{**data, "office": _office(data["office"])}
    )


@router.get("/mra-monitoring", operation_id="get_mra_monitoring", response=dict)
def get_mra_monitoring(request: AuthedRequest, filters: Query[BorderMonitoringFilters]):
    """Release times of the partner AEOs' goods before and after the arrangement's entry into
    force, by transport mode and lane, against its monitoring targets."""
    if not request.user.has_perm("border.study"):
        raise HttpError(403, "You may not do this.")
    return trs_source.monitor(
        filters.partner, entry_into_force=filters.entry_into_force, days=filters.days
    ).as_dict()
