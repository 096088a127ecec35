"""Who may read and act on an operator's supervision: its account manager, the staff of the AEO
unit that holds it (or of the AEO Center), coordinators; auditors read. Never border or OGA
officers, and never another unit's staff.

The predicates take the operator, or an object with an `operator` (incident, notification).
"""

import rules

from aeo.accounts.constants import Role
from aeo.registry.constants import OfficeKind

# The roles of an AEO unit's staff who supervise the operators it holds.
UNIT_ROLES = frozenset({Role.EXAMINER, Role.ACCOUNT_MANAGER, Role.AUDITOR})
# The roles who handle incidents and change notifications (auditors read them).
HANDLER_ROLES = frozenset({Role.EXAMINER, Role.ACCOUNT_MANAGER, Role.COORDINATOR})
# Roles who see every operator's supervision.
PROGRAMME_ROLES = frozenset({Role.COORDINATOR, Role.AUDITOR})


def _operator(obj):
    return getattr(obj, "operator", obj)


def supervises(user, obj) -> bool:
    """The rule of this module, for one operator (the selectors apply it to querysets)."""
    if obj is None or not user.is_authenticated:
        return False
    if user.is_superuser or user.role in PROGRAMME_ROLES:
        return True
    if user.role not in UNIT_ROLES:
        return False
    operator = _operator(obj)
    office = user.office
    if office is not None and (
        office.kind == OfficeKind.AEO_CENTER
        or (operator.region is not None and operator.region.office_id == office.pk)
    ):
        return True
    return operator.account_managers.filter(manager=user, ended_at__isnull=True).exists()


@rules.predicate
def is_supervisor(user, obj) -> bool:
    return supervises(user, obj)


@rules.predicate
def is_handler(user, obj) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role in HANDLER_ROLES)


@rules.predicate
def is_own_operator(user, obj) -> bool:
    return (
        obj is not None
        and user.is_authenticated
        and user.role == Role.TRADER
        and user.operator_id == _operator(obj).pk
    )


@rules.predicate
def is_coordinator(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role == Role.COORDINATOR)


rules.add_perm("supervision.read_contacts", is_supervisor)
rules.add_perm("supervision.log_contact", is_supervisor)
rules.add_perm("supervision.report", is_own_operator)
rules.add_perm("supervision.handle_incident", is_supervisor & is_handler)
rules.add_perm("supervision.decide_change", is_supervisor & is_handler)
rules.add_perm("supervision.reassign_account_manager", is_coordinator)
