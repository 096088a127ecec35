"""The account managers' work queues: what awaits each one, and for coordinators every one's."""

from django.db.models import Count, Q, QuerySet

from aeo.accounts.constants import Role
from aeo.accounts.models import User
from aeo.supervision.constants import ChangeStatus, IncidentStatus
from aeo.supervision.selectors.contacts import managed_operator_ids
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
    owner = manager or (user if user.role == Role.ACCOUNT_MANAGER else None)
    if owner is not None:
        managed = managed_operator_ids(owner)
        incidents = incidents.filter(operator_id__in=managed)
        changes = changes.filter(operator_id__in=managed)
    return incidents.order_by("reported_at"), changes.order_by("submitted_at")


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
