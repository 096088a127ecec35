"""The one unit rule of supervision: who sees and acts on which operator's supervision records.

An operator belongs to the regional AEO unit of its region's office. Officials of that unit
(examiners, account managers, auditors with that office) see its records; officials of the
AEO Center, coordinators and policy officers see every unit's; an account manager also sees
the operators it manages wherever they are; a trader sees its own operator's only. Border and
OGA officers see none. The contact log is confidential to the officials who supervise the
operator: not its traders, not headquarters' policy officers.
"""

from django.db.models import Q

from aeo.accounts.constants import Role
from aeo.supervision.selectors.contacts import managed_operator_ids

UNIT_ROLES = frozenset({Role.EXAMINER, Role.ACCOUNT_MANAGER, Role.AUDITOR})
EVERY_UNIT_ROLES = frozenset({Role.COORDINATOR, Role.POLICY_OFFICER})
# Officials who see supervision records but not the confidential contact log.
NOT_CONTACT_READERS = frozenset({Role.POLICY_OFFICER})
NOTHING = Q(pk__in=[])


def sees_every_unit(user) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_superuser or user.role in EVERY_UNIT_ROLES:
        return True
    office = user.office if user.office_id else None
    return user.role in UNIT_ROLES and office is not None and office.is_aeo_center


def operator_q(user, prefix: str = "operator__") -> Q:
    """The filter of the operators whose supervision records `user` sees (`prefix` leads from
    the queried model to its operator; "" for operators themselves)."""
    if not user.is_authenticated:
        return NOTHING
    if sees_every_unit(user):
        return Q()
    pk = f"{prefix}pk" if prefix else "pk"
    if user.role == Role.TRADER:
        return Q(**{pk: user.operator_id}) if user.operator_id else NOTHING
    if user.role not in UNIT_ROLES:
        return NOTHING
    q = Q(**{f"{prefix}region__office_id": user.office_id}) if user.office_id else NOTHING
    if user.role == Role.ACCOUNT_MANAGER:
        q |= Q(**{f"{pk}__in": managed_operator_ids(user)})
    return q


def contacts_q(user, prefix: str = "operator__") -> Q:
    """`operator_q` for the contact log: officials only, and not policy officers."""
    if not user.is_authenticated or user.role == Role.TRADER or user.role in NOT_CONTACT_READERS:
        return NOTHING
    return operator_q(user, prefix)


def of_unit(user, operator) -> bool:
    """Whether `user` is an official of `operator`'s unit (or of the AEO Center)."""
    if not user.is_authenticated or user.role not in UNIT_ROLES | EVERY_UNIT_ROLES:
        return user.is_authenticated and user.is_superuser
    if sees_every_unit(user):
        return True
    return user.office_id is not None and user.office.holds(operator)


def supervises(user, operator) -> bool:
    """`of_unit`, or the operator's own account manager wherever it is posted."""
    if of_unit(user, operator):
        return True
    return (
        user.is_authenticated
        and user.role == Role.ACCOUNT_MANAGER
        and operator.account_managers.filter(manager=user, ended_at__isnull=True).exists()
    )
