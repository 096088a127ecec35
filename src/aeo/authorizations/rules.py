"""Who may issue and change authorizations; the service checks these for every write."""

import rules

from aeo.accounts.constants import Role

# Officials who decide on AEO status: issue, suspend, reinstate, revoke.
DECIDERS = frozenset({Role.EXAMINER, Role.COORDINATOR, Role.POLICY_OFFICER})


@rules.predicate
def is_decider(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role in DECIDERS)


@rules.predicate
def is_holder(user, authorization) -> bool:
    return (
        authorization is not None
        and user.is_authenticated
        and user.role == Role.TRADER
        and user.operator_id == authorization.operator_id
    )


rules.add_perm("authorizations.issue_authorization", is_decider)
rules.add_perm("authorizations.suspend", is_decider)
rules.add_perm("authorizations.reinstate", is_decider)
rules.add_perm("authorizations.revoke", is_decider)
rules.add_perm("authorizations.surrender", is_decider | is_holder)
rules.add_perm("authorizations.expire", rules.always_deny)
