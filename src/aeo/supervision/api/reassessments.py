from django.shortcuts import get_object_or_404
from ninja import Query, Router, Status
from ninja.pagination import paginate

from aeo.accounts.http import AuthedRequest
from aeo.core.bounds import ObjectId, Pagination
from aeo.registry.models import Operator
from aeo.supervision.api.schemas import (
    ConclusionIn,
    ReassessmentFilters,
    ReassessmentIn,
    ReassessmentOut,
)
from aeo.supervision.selectors import audits as audit_selectors
from aeo.supervision.selectors import reassessments as selectors
from aeo.supervision.selectors.scope import operator_q
from aeo.supervision.services import reassessments as services

router = Router()


def _reassessment(request: AuthedRequest, reassessment_id: int):
    return get_object_or_404(selectors.reassessments_visible_to(request.user), pk=reassessment_id)


@router.post(
    "/operators/{operator_id}/reassessments",
    response={201: ReassessmentOut},
    operation_id="start_reassessment",
)
def start_reassessment(request: AuthedRequest, operator_id: ObjectId, payload: ReassessmentIn):
    operator = get_object_or_404(
        Operator.objects.filter(operator_q(request.user, "")), pk=operator_id
    )
    audit = None
    if payload.audit_id is not None:
        audit = get_object_or_404(
            audit_selectors.audits_visible_to(request.user), pk=payload.audit_id
        )
    reassessment = services.start_reassessment(
        actor=request.user,
        operator=operator,
        trigger=payload.trigger.value,
        reason=payload.reason,
        audit=audit,
    )
    return Status(201, _reassessment(request, reassessment.pk))


@router.get("/reassessments", response=list[ReassessmentOut], operation_id="list_reassessments")
@paginate(Pagination)
def list_reassessments(request: AuthedRequest, filters: Query[ReassessmentFilters]):
    qs = selectors.reassessments_visible_to(request.user)
    if filters.status:
        qs = qs.filter(status=filters.status.value)
    if filters.trigger:
        qs = qs.filter(trigger=filters.trigger.value)
    if filters.operator_id is not None:
        qs = qs.filter(operator_id=filters.operator_id)
    return qs


@router.get(
    "/reassessments/{reassessment_id}",
    response=ReassessmentOut,
    operation_id="get_reassessment",
)
def get_reassessment(request: AuthedRequest, reassessment_id: ObjectId):
    return _reassessment(request, reassessment_id)


@router.post(
    "/reassessments/{reassessment_id}/conclusion",
    response=ReassessmentOut,
    operation_id="conclude_reassessment",
)
def conclude_reassessment(request: AuthedRequest, reassessment_id: ObjectId, payload: ConclusionIn):
    services.conclude_reassessment(
        actor=request.user,
        reassessment=_reassessment(request, reassessment_id),
        outcome=payload.outcome.value,
        conclusion=payload.conclusion,
        conditions=payload.conditions,
        version=payload.version,
    )
    return _reassessment(request, reassessment_id)
