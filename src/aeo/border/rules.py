"""Who works on declarations: border officers of the declaration's office, OGA officers for
the goods an agency must clear, policy officers for selectivity."""

import rules

from aeo.accounts.constants import Role
from aeo.registry.constants import OfficeKind

NATIONAL_OFFICES = frozenset({OfficeKind.HEADQUARTERS, OfficeKind.AEO_CENTER})


def has_role(user, *roles: str) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role in roles)


@rules.predicate
def is_office_border_officer(user, declaration) -> bool:
    """A border officer of the declaration's office (or of a national office)."""
    if declaration is None or not has_role(user, Role.BORDER_OFFICER):
        return False
    if user.is_superuser:
        return True
    office = user.office
    return office is not None and (
        office.kind in NATIONAL_OFFICES or office.pk == declaration.office_id
    )


@rules.predicate
def is_oga_officer(user, declaration) -> bool:
    return declaration is not None and has_role(user, Role.OGA_OFFICER)


@rules.predicate
def is_party(user, declaration) -> bool:
    return (
        declaration is not None
        and user.is_authenticated
        and user.role == Role.TRADER
        and user.operator_id is not None
        and user.operator_id in (declaration.trader_id, declaration.declarant_id)
    )


@rules.predicate
def is_policy_officer(user) -> bool:
    return has_role(user, Role.POLICY_OFFICER)


@rules.predicate
def selects(user, declaration=None) -> bool:
    return has_role(user, Role.BORDER_OFFICER, Role.POLICY_OFFICER)


@rules.predicate
def lodges(user) -> bool:
    """Declarations come from traders' and brokers' systems and from customs staff."""
    return has_role(user, Role.TRADER, Role.BORDER_OFFICER, Role.POLICY_OFFICER)


rules.add_perm("border.lodge", lodges)
rules.add_perm("border.select", selects)
rules.add_perm("border.examine", is_office_border_officer)
rules.add_perm("border.release", is_office_border_officer)
rules.add_perm("border.deliver", is_office_border_officer | is_party)
rules.add_perm("border.clear_oga", is_oga_officer)
rules.add_perm("border.manage_selectivity", is_policy_officer)
rules.add_perm("border.study", is_policy_officer)
