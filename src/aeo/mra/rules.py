"""Who may record arrangements, register partners and give an operator's consent."""

import rules

from aeo.accounts.constants import Role


@rules.predicate
def is_policy_officer(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role == Role.POLICY_OFFICER)


@rules.predicate
def is_operators_trader(user, consent) -> bool:
    """A trader of the consent's operator (the consent is about its own data)."""
    return (
        consent is not None
        and user.is_authenticated
        and user.role == Role.TRADER
        and user.operator_id == consent.operator_id
    )


rules.add_perm("mra.manage_mra", is_policy_officer)
rules.add_perm("mra.change_mra", is_policy_officer)
rules.add_perm("mra.manage_partners", is_policy_officer)
rules.add_perm("mra.consent", is_operators_trader)
