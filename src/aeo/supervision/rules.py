"""Who may do what in supervision; the services check these for every write.

One unit rule (`selectors.scope`): officials of the unit that holds the operator (its region's
office), of the AEO Center, coordinators and policy officers act on its supervision; its own
account manager wherever posted. The predicates take the operator, or a record with an
`operator` (incident, notification, audit, corrective action, re-assessment).
"""

import rules

from aeo.accounts.constants import Role
from aeo.supervision.constants import CorrectiveActionSource
from aeo.supervision.selectors.contacts import current_account_manager
from aeo.supervision.selectors.scope import NOT_CONTACT_READERS, of_unit, supervises

DECIDERS = frozenset({Role.EXAMINER, Role.COORDINATOR, Role.POLICY_OFFICER})
# The roles who handle incidents and change notifications (auditors read them).
HANDLER_ROLES = frozenset({Role.EXAMINER, Role.ACCOUNT_MANAGER, Role.COORDINATOR})


def _operator(obj):
    return getattr(obj, "operator", obj)


@rules.predicate
def is_supervisor(user, obj) -> bool:
    return obj is not None and supervises(user, _operator(obj))


@rules.predicate
def reads_contacts(user) -> bool:
    return user.is_authenticated and user.role not in NOT_CONTACT_READERS


@rules.predicate
def is_handler(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role in HANDLER_ROLES)


@rules.predicate
def is_unit_auditor(user, obj) -> bool:
    return user.is_authenticated and (
        user.is_superuser or (user.role == Role.AUDITOR and of_unit(user, _operator(obj)))
    )


@rules.predicate
def is_unit_decider(user, obj) -> bool:
    return user.is_authenticated and (
        user.is_superuser or (user.role in DECIDERS and of_unit(user, _operator(obj)))
    )


@rules.predicate
def is_account_manager_of(user, obj) -> bool:
    return (
        user.is_authenticated
        and user.role == Role.ACCOUNT_MANAGER
        and current_account_manager(_operator(obj)) == user
    )


@rules.predicate
def is_own_operator(user, obj) -> bool:
    return (
        obj is not None
        and user.is_authenticated
        and user.role == Role.TRADER
        and user.operator_id is not None
        and user.operator_id == _operator(obj).pk
    )


@rules.predicate
def is_coordinator(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role == Role.COORDINATOR)


@rules.predicate
def raised_outside_an_audit(user, action) -> bool:
    return action.source != CorrectiveActionSource.FINDING


rules.add_perm("supervision.read_contacts", is_supervisor & reads_contacts)
rules.add_perm("supervision.log_contact", is_supervisor & reads_contacts)
rules.add_perm("supervision.report", is_own_operator)
rules.add_perm("supervision.handle_incident", is_supervisor & is_handler)
rules.add_perm("supervision.decide_change", is_supervisor & is_handler)
rules.add_perm("supervision.reassign_account_manager", is_coordinator)
rules.add_perm("supervision.plan_audit", is_unit_auditor)
rules.add_perm("supervision.conduct_audit", is_unit_auditor)
# From a finding: the unit's auditor; from an incident or otherwise: also the account manager.
rules.add_perm("supervision.raise_action", is_unit_auditor | is_account_manager_of)
rules.add_perm("supervision.respond_to_action", is_own_operator)
rules.add_perm(
    "supervision.verify_action",
    is_unit_auditor | (raised_outside_an_audit & is_account_manager_of),
)
rules.add_perm("supervision.escalate_action", rules.always_deny)  # the daily task only
rules.add_perm("supervision.start_reassessment", is_unit_auditor | is_unit_decider)
rules.add_perm("supervision.conclude_reassessment", is_unit_decider)
