"""Who may issue and change authorizations; the service checks these for every write."""

import rules

from aeo.accounts.constants import Role
from aeo.authorizations.constants import ALLOWED_TRANSITIONS, AuthorizationStatus

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
rules.add_perm("authorizations.suspend_authorization", is_decider)
rules.add_perm("authorizations.reinstate_authorization", is_decider)
rules.add_perm("authorizations.revoke_authorization", is_decider)
rules.add_perm("authorizations.surrender_authorization", is_decider | is_holder)
# Expiry follows the calendar: only the system (the expiry task, actor None) expires.
rules.add_perm("authorizations.expire_authorization", rules.always_deny)

PERMISSION_TO_ENTER: dict[str, str] = {
    AuthorizationStatus.SUSPENDED: "authorizations.suspend_authorization",
    AuthorizationStatus.ACTIVE: "authorizations.reinstate_authorization",
    AuthorizationStatus.REVOKED: "authorizations.revoke_authorization",
    AuthorizationStatus.SURRENDERED: "authorizations.surrender_authorization",
    AuthorizationStatus.EXPIRED: "authorizations.expire_authorization",
}


def may_enter(user, authorization, status: str) -> bool:
    """Whether `user` may move `authorization` into `status` (legality aside)."""
    return user.has_perm(PERMISSION_TO_ENTER[status], authorization)


def permitted_targets(user, authorization) -> list[str]:
    """The statuses `user` may move `authorization` into now, in the map's order."""
    return [
        status
        for status in AuthorizationStatus.values
        if status in ALLOWED_TRANSITIONS[authorization.status]
        and may_enter(user, authorization, status)
    ]
