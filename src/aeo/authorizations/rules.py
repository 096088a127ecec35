"""Who may issue and change authorizations; the service checks these for every write."""

import rules

from aeo.accounts.constants import Role

# Officials who decide on AEO status: issue, suspend, reinstate, revoke.
DECIDERS = frozenset({Role.EXAMINER, Role.COORDINATOR, Role.POLICY_OFFICER})


@rules.predicate
def is_decider(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role in DECIDERS)


@rules.predicate
def holds_the_operator(user, authorization) -> bool:
    """The official is in the AEO unit that holds the operator (its region's office) or in the
    AEO Center: another unit may not change an authorization it does not supervise."""
    if authorization is None or not user.is_authenticated:
        return False
    return user.is_superuser or (
        user.office is not None and user.office.holds(authorization.operator)
    )


@rules.predicate
def is_holder(user, authorization) -> bool:
    return (
        authorization is not None
        and user.is_authenticated
        and user.role == Role.TRADER
        and user.operator_id == authorization.operator_id
    )


unit_decider = is_decider & holds_the_operator
rules.add_perm("authorizations.issue_authorization", is_decider)
rules.add_perm("authorizations.suspend", unit_decider)
rules.add_perm("authorizations.reinstate", unit_decider)
rules.add_perm("authorizations.revoke", unit_decider)
rules.add_perm("authorizations.surrender", unit_decider | is_holder)
rules.add_perm("authorizations.plan_measures", is_holder)
rules.add_perm("authorizations.expire", rules.always_deny)
