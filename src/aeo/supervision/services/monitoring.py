"""Writes of monitoring: the stored plan of each AEO, refreshed from its risk."""

from datetime import date

from django.db import transaction

from aeo.authorizations.constants import CURRENT_STATUSES
from aeo.core import audit
from aeo.core.now import now, today
from aeo.registry.models import Operator
from aeo.supervision.models import MonitoringPlan
from aeo.supervision.selectors.monitoring import plan_for


@transaction.atomic
def refresh_plan(
    *, actor=None, operator: Operator, on: date | None = None
) -> MonitoringPlan | None:
    """Store the operator's plan as derived on `on` (see `selectors.monitoring.plan_for`); an
    operator that no longer holds an authorization keeps its last plan, unchanged.

    A change of level is an audit event (who: the actor whose write changed the risk, or the
    system)."""
    plan = plan_for(operator, on)
    if plan is None:
        return None
    stored = MonitoringPlan.objects.select_for_update().filter(operator=operator).first()
    before = stored.level if stored else None
    values = {
        "office_id": operator.region.office_id if operator.region else None,
        "level": plan.level,
        "risk_weight": plan.risk_weight,
        "factors": [{"code": f.code, "weight": f.weight, "detail": f.detail} for f in plan.factors],
        "authorized_on": plan.authorized_on,
        "close_until": plan.close_until,
        "next_contact_on": plan.next_contact_on,
        "next_audit_on": plan.next_audit_on,
        "refreshed_at": now(),
    }
    if stored is None:
        stored = MonitoringPlan.objects.create(operator=operator, **values)
    else:
        for name, value in values.items():
            setattr(stored, name, value)
        stored.save()
    if before != stored.level:
        audit.record(
            actor=actor if getattr(actor, "pk", None) else None,
            action="monitoring_plan.level_changed",
            obj=stored,
            changes={"level": [before, stored.level]},
        )
    return stored


def refresh_all_plans(*, on: date | None = None) -> int:
    """Daily: refresh the plan of every operator holding an authorization; returns how many."""
    on = on or today()
    operators = (
        Operator.objects.filter(authorizations__status__in=CURRENT_STATUSES)
        .select_related("economy", "region")
        .distinct()
    )
    count = 0
    for operator in operators:
        if refresh_plan(operator=operator, on=on) is not None:
            count += 1
    return count
