from django.shortcuts import get_object_or_404
from ninja import Query, Router
from ninja.errors import HttpError
from ninja.pagination import paginate

from aeo.accounts.http import AuthedRequest
from aeo.core.bounds import ObjectId, Pagination
from aeo.registry.models import Operator
from aeo.supervision.api.schemas import DueFilters, DueOut, MonitoringPlanOut
from aeo.supervision.selectors import monitoring as selectors
from aeo.supervision.selectors.scope import operator_q

router = Router()


@router.get(
    "/operators/{operator_id}/monitoring-plan",
    response=MonitoringPlanOut,
    operation_id="get_monitoring_plan",
)
def get_monitoring_plan(request: AuthedRequest, operator_id: ObjectId):
    """The AEO's monitoring plan as of today, derived from its risk factors (officials of its
    unit only; 404 for an operator that holds no authorization)."""
    user = request.user
    if not (user.is_customs or user.is_superuser):
        raise HttpError(404, "Not found.")
    operator = get_object_or_404(
        Operator.objects.select_related("economy", "region").filter(operator_q(user, "")),
        pk=operator_id,
    )
    plan = selectors.plan_for(operator)
    if plan is None:
        raise HttpError(404, "Not found.")
    return plan


@router.get("/monitoring/due", response=list[DueOut], operation_id="list_due_monitoring")
@paginate(Pagination)
def list_due_monitoring(request: AuthedRequest, filters: Query[DueFilters]):
    """Monitoring contacts and audits of the user's unit: overdue, due this month, upcoming."""
    due = selectors.due_for(
        request.user,
        kind=filters.kind.value if filters.kind else "",
        level=filters.level.value if filters.level else "",
        bucket=filters.bucket or "",
    )
    return [
        {
            "bucket": bucket,
            "kind": item.kind,
            "due_on": item.due_on,
            "operator_id": item.plan.operator_id,
            "operator": item.plan.operator.legal_name,
            "level": item.plan.level,
        }
        for bucket, item in due.all()
    ]
