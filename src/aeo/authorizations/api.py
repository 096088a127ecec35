"""The register (public, no authentication) and officials' operations on authorizations."""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router
from ninja.decorators import decorate_view
from ninja.pagination import paginate

from aeo.authorizations import selectors, services
from aeo.authorizations.schemas import (
    AuthorizationDetailOut,
    AuthorizationFilters,
    AuthorizationOut,
    MeasuresIn,
    RegisterEntryOut,
    RegisterFilters,
    RevocationIn,
    StatusReasonIn,
    SuspendIn,
)
from aeo.core.bounds import ObjectId, Pagination
from aeo.core.kept import kept

router = Router(tags=["authorizations"])

# The public register is read far more often than a status changes. Its answers are kept by
# each server process until a change to what it publishes is committed (`core.kept`, the
# "register" version: migration 0005_register_version); shared caches may keep them for this
# long, so that a change of status is visible everywhere within a second.
LOOKUP_TTL_SECONDS = 1
kept_while_unchanged = decorate_view(kept(LOOKUP_TTL_SECONDS, version="register"))


@router.get(
    "/register",
    response=list[RegisterEntryOut],
    operation_id="search_register",
    auth=None,
    summary="Search the public AEO register",
)
@kept_while_unchanged
@paginate(Pagination)
def search_register(request: HttpRequest, filters: Query[RegisterFilters]):
    return selectors.search_register(filters.q, filters.type or "")


@router.get(
    "/register/{aeo_number}",
    response=RegisterEntryOut,
    operation_id="get_register_entry",
    auth=None,
    summary="One active AEO in the public register",
)
@kept_while_unchanged
def get_register_entry(request: HttpRequest, aeo_number: str):
    entry = selectors.register_entry(aeo_number)
    if entry is None:
        raise Http404
    return entry


@router.get("/authorizations", response=list[AuthorizationOut], operation_id="list_authorizations")
@paginate(Pagination)
def list_authorizations(request: HttpRequest, filters: Query[AuthorizationFilters]):
    qs = selectors.authorizations_visible_to(request.user)
    if filters.operator_id is not None:
        qs = qs.filter(operator_id=filters.operator_id)
    return selectors.search_authorizations(
        qs, q=filters.q, aeo_type=filters.type or "", status=filters.status or ""
    )


@router.get(
    "/authorizations/{authorization_id}",
    response=AuthorizationDetailOut,
    operation_id="get_authorization",
)
def get_authorization(request: HttpRequest, authorization_id: ObjectId):
    return get_object_or_404(selectors.authorizations_visible_to(request.user), pk=authorization_id)


def _change(request: HttpRequest, authorization_id: int, service, **kwargs):
    authorization = get_object_or_404(
        selectors.authorizations_visible_to(request.user), pk=authorization_id
    )
    service(actor=request.user, authorization=authorization, **kwargs)
    return selectors.authorizations_visible_to(request.user).get(pk=authorization_id)


@router.post(
    "/authorizations/{authorization_id}/suspend",
    response=AuthorizationDetailOut,
    operation_id="suspend_authorization",
)
def suspend_authorization(request: HttpRequest, authorization_id: ObjectId, payload: SuspendIn):
    return _change(
        request,
        authorization_id,
        services.suspend,
        ground=payload.ground.value,
        reason=payload.reason,
        remedy_by=payload.remedy_by,
    )


@router.post(
    "/authorizations/{authorization_id}/measures",
    response=AuthorizationDetailOut,
    operation_id="plan_measures",
    summary="The holder's plan of measures to remedy a suspension",
)
def plan_measures(request: HttpRequest, authorization_id: ObjectId, payload: MeasuresIn):
    return _change(request, authorization_id, services.plan_measures, plan=payload.plan)


@router.post(
    "/authorizations/{authorization_id}/lift",
    response=AuthorizationDetailOut,
    operation_id="lift_suspension",
)
def lift_suspension(request: HttpRequest, authorization_id: ObjectId, payload: StatusReasonIn):
    return _change(request, authorization_id, services.lift_suspension, reason=payload.reason)


@router.post(
    "/authorizations/{authorization_id}/revoke",
    response=AuthorizationDetailOut,
    operation_id="revoke_authorization",
)
def revoke_authorization(request: HttpRequest, authorization_id: ObjectId, payload: RevocationIn):
    return _change(
        request,
        authorization_id,
        services.revoke,
        reason=payload.reason,
        all_types=payload.all_types,
    )


@router.post(
    "/authorizations/{authorization_id}/surrender",
    response=AuthorizationDetailOut,
    operation_id="surrender_authorization",
)
def surrender_authorization(
    request: HttpRequest, authorization_id: ObjectId, payload: StatusReasonIn
):
    return _change(request, authorization_id, services.surrender, reason=payload.reason)
