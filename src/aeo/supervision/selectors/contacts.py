from django.db.models import Count, Q, QuerySet

from aeo.accounts.constants import Role
from aeo.accounts.models import User
from aeo.supervision.models import AccountManagerAssignment, ContactLog


def current_account_manager(operator) -> User | None:
    assignment = (
        AccountManagerAssignment.objects.filter(operator=operator, ended_at__isnull=True)
        .select_related("manager")
        .first()
    )
    return assignment.manager if assignment else None


def managed_operator_ids(user) -> QuerySet:
    return AccountManagerAssignment.objects.filter(manager=user, ended_at__isnull=True).values(
        "operator_id"
    )


def least_loaded_manager(office) -> User | None:
    """The active account manager with the fewest open assignments, of `office` if it has one."""
    managers = User.objects.filter(role=Role.ACCOUNT_MANAGER, is_active=True)
    if office is not None and managers.filter(office=office).exists():
        managers = managers.filter(office=office)
    return (
        managers.annotate(
            load=Count("managed_operators", filter=Q(managed_operators__ended_at__isnull=True))
        )
        .order_by("load", "pk")
        .first()
    )


def contacts_for(operator) -> QuerySet[ContactLog]:
    return ContactLog.objects.filter(operator=operator).select_related("recorded_by")
