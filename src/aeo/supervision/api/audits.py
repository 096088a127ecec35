from django.shortcuts import get_object_or_404
from ninja import Query, Router, Status
from ninja.pagination import paginate

from aeo.accounts.http import AuthedRequest
from aeo.accounts.models import User
from aeo.core.bounds import ObjectId, Pagination
from aeo.registry.models import Operator
from aeo.supervision.api.schemas import (
    AuditDetailOut,
    AuditFilters,
    AuditIn,
    AuditOut,
    CommentIn,
    FindingIn,
    FindingOut,
    ReportIn,
)
from aeo.supervision.selectors import audits as selectors
from aeo.supervision.selectors.scope import operator_q
from aeo.supervision.services import audits as services

router = Router()


def _audit(request: AuthedRequest, audit_id: int):
    return get_object_or_404(selectors.audits_visible_to(request.user), pk=audit_id)


def _detail(request: AuthedRequest, audit_id: int):
    return _audit(request, audit_id)


@router.post("/operators/{operator_id}/audits", response={201: AuditOut}, operation_id="plan_audit")
def plan_audit(request: AuthedRequest, operator_id: ObjectId, payload: AuditIn):
    operator = get_object_or_404(
        Operator.objects.filter(operator_q(request.user, "")), pk=operator_id
    )
    auditor = None
    if payload.auditor_id is not None:
        auditor = get_object_or_404(User.objects.filter(is_active=True), pk=payload.auditor_id)
    audit = services.plan_audit(
        actor=request.user,
        operator=operator,
        planned_on=payload.planned_on,
        scope=payload.scope,
        auditor=auditor,
    )
    return Status(201, _audit(request, audit.pk))


@router.get("/audits", response=list[AuditOut], operation_id="list_audits")
@paginate(Pagination)
def list_audits(request: AuthedRequest, filters: Query[AuditFilters]):
    return selectors.search_audits(
        selectors.audits_visible_to(request.user),
        status=filters.status.value if filters.status else "",
        operator_id=filters.operator_id,
        mine_of=request.user if filters.mine else None,
    )


@router.get("/audits/{audit_id}", response=AuditDetailOut, operation_id="get_audit")
def get_audit(request: AuthedRequest, audit_id: ObjectId):
    return _detail(request, audit_id)


@router.post("/audits/{audit_id}/notify", response=AuditDetailOut, operation_id="notify_audit")
def notify_audit(request: AuthedRequest, audit_id: ObjectId, payload: CommentIn):
    services.notify_audit(
        actor=request.user,
        audit=_audit(request, audit_id),
        version=payload.version,
        comment=payload.comment,
    )
    return _detail(request, audit_id)


@router.post(
    "/audits/{audit_id}/findings", response={201: FindingOut}, operation_id="record_finding"
)
def record_finding(request: AuthedRequest, audit_id: ObjectId, payload: FindingIn):
    finding = services.record_finding(
        actor=request.user,
        audit=_audit(request, audit_id),
        criterion=payload.criterion,
        severity=payload.severity.value,
        description=payload.description,
        version=payload.version,
    )
    return Status(201, finding)


@router.post(
    "/audits/{audit_id}/report", response=AuditDetailOut, operation_id="issue_audit_report"
)
def issue_audit_report(request: AuthedRequest, audit_id: ObjectId, payload: ReportIn):
    services.issue_audit_report(
        actor=request.user,
        audit=_audit(request, audit_id),
        report=payload.report,
        version=payload.version,
    )
    return _detail(request, audit_id)


@router.post("/audits/{audit_id}/close", response=AuditDetailOut, operation_id="close_audit")
def close_audit(request: AuthedRequest, audit_id: ObjectId, payload: CommentIn):
    services.close_audit(
        actor=request.user,
        audit=_audit(request, audit_id),
        version=payload.version,
        comment=payload.comment,
    )
    return _detail(request, audit_id)
