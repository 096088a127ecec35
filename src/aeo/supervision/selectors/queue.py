"""The account managers' work queues: what awaits each one, and for coordinators every one's."""

import calendar
from datetime import date

from django.db.models import Count, Q, QuerySet

from aeo.accounts.constants import Role
from aeo.accounts.models import User
from aeo.core.now import today
from aeo.supervision.constants import ChangeStatus, IncidentStatus, MonitoringLevel
from aeo.supervision.models import MonitoringPlan
from aeo.supervision.selectors.contacts import managed_operator_ids
from aeo.supervision.selectors.monitoring import plans_visible_to
from aeo.supervision.selectors.reports import (
    changes_visible_to,
    incidents_visible_to,
    open_incidents,
    pending_changes,
)


def queue_of(user, manager: User | None = None) -> tuple[QuerySet, QuerySet]:
    """(open incidents, pending change notifications) of the operators `manager` looks after
    (the user itself if an account manager), within what `user` may see."""
    incidents = open_incidents(incidents_visible_to(user))
    changes = pending_changes(changes_visible_to(user))
    owner = _owner(user, manager)
    if owner is not None:
        managed = managed_operator_ids(owner)
        incidents = incidents.filter(operator_id__in=managed)
        changes = changes.filter(operator_id__in=managed)
    return incidents.order_by("reported_at"), changes.order_by("submitted_at")


def monitoring_of(
    user, manager: User | None = None, on: date | None = None
) -> QuerySet[MonitoringPlan]:
    """The monitoring plans of the same operators that need the manager this month: a
    monitoring contact due by the month's end (or overdue), or close monitoring."""
    on = on or today()
    month_end = on.replace(day=calendar.monthrange(on.year, on.month)[1])
    plans = plans_visible_to(user).filter(
        Q(next_contact_on__lte=month_end) | Q(level=MonitoringLevel.CLOSE)
    )
    owner = _owner(user, manager)
    if owner is not None:
        plans = plans.filter(operator_id__in=managed_operator_ids(owner))
    return plans.order_by("next_contact_on", "operator__legal_name")


def _owner(user, manager: User | None) -> User | None:
    return manager or (user if user.role == Role.ACCOUNT_MANAGER else None)


def managers_with_load() -> QuerySet[User]:
    """Every active account manager with the counts a coordinator balances."""
    open_assignment = Q(managed_operators__ended_at__isnull=True)
    return (
        User.objects.filter(role=Role.ACCOUNT_MANAGER, is_active=True)
        .select_related("office")
        .annotate(
            operators=Count("managed_operators", filter=open_assignment, distinct=True),
            incidents=Count(
                "managed_operators__operator__incidents",
                filter=open_assignment
                & ~Q(managed_operators__operator__incidents__status=IncidentStatus.CLOSED),
                distinct=True,
            ),
            changes=Count(
                "managed_operators__operator__change_notifications",
                filter=open_assignment
                & Q(
                    managed_operators__operator__change_notifications__status=ChangeStatus.SUBMITTED
                ),
                distinct=True,
            ),
        )
        .order_by("office__code", "last_name", "username")
    )
