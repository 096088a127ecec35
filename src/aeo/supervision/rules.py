"""Who may do what in supervision; the services check these for every write.

The unit rule (`selectors.scope.of_unit`): an auditor acts on the audits of its own unit's
operators, an AEO Center auditor on every unit's.
"""

import rules

from aeo.accounts.constants import Role
from aeo.supervision.constants import CorrectiveActionSource
from aeo.supervision.selectors.contacts import current_account_manager
from aeo.supervision.selectors.scope import of_unit

DECIDERS = frozenset({Role.EXAMINER, Role.COORDINATOR, Role.POLICY_OFFICER})


@rules.predicate
def is_unit_auditor(user, obj) -> bool:
    """`obj` is an operator, or a record with one (audit, corrective action, re-assessment)."""
    operator = getattr(obj, "operator", obj)
    return user.is_authenticated and (
        user.is_superuser or (user.role == Role.AUDITOR and of_unit(user, operator))
    )


@rules.predicate
def is_unit_decider(user, obj) -> bool:
    operator = getattr(obj, "operator", obj)
    return user.is_authenticated and (
        user.is_superuser or (user.role in DECIDERS and of_unit(user, operator))
    )


@rules.predicate
def is_account_manager_of(user, obj) -> bool:
    operator = getattr(obj, "operator", obj)
    return (
        user.is_authenticated
        and user.role == Role.ACCOUNT_MANAGER
        and current_account_manager(operator) == user
    )


@rules.predicate
def is_trader_of(user, obj) -> bool:
    return (
        user.is_authenticated
        and user.role == Role.TRADER
        and user.operator_id is not None
        and user.operator_id == getattr(obj, "operator_id", None)
    )


@rules.predicate
def raised_outside_an_audit(user, action) -> bool:
    return action.source != CorrectiveActionSource.FINDING


rules.add_perm("supervision.plan_audit", is_unit_auditor)
rules.add_perm("supervision.conduct_audit", is_unit_auditor)
# From a finding: the unit's auditor; from an incident or otherwise: also the account manager.
rules.add_perm("supervision.raise_action", is_unit_auditor | is_account_manager_of)
rules.add_perm("supervision.respond_to_action", is_trader_of)
rules.add_perm(
    "supervision.verify_action",
    is_unit_auditor | (raised_outside_an_audit & is_account_manager_of),
)
rules.add_perm("supervision.escalate_action", rules.always_deny)  # the daily task only
rules.add_perm("supervision.start_reassessment", is_unit_auditor | is_unit_decider)
rules.add_perm("supervision.conclude_reassessment", is_unit_decider)
