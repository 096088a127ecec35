import rules

from aeo.accounts.constants import CUSTOMS_ROLES, Role


@rules.predicate
def is_policy_officer(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role == Role.POLICY_OFFICER)


@rules.predicate
def is_customs(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role in CUSTOMS_ROLES)


@rules.predicate
def is_trader_of_operator(user, operator) -> bool:
    return (
        operator is not None
        and user.is_authenticated
        and user.role == Role.TRADER
        and user.operator_id == operator.pk
    )


@rules.predicate
def is_trader_of_assessment(user, self_assessment) -> bool:
    return self_assessment is not None and is_trader_of_operator(user, self_assessment.operator)


# Policy officers edit the catalogue; traders fill their own operator's check sheet; customs
# (an examiner returning an application) or the trader may reopen a submitted one.
rules.add_perm("requirements.view_templateversion", is_customs)
rules.add_perm("requirements.change_templateversion", is_policy_officer)
rules.add_perm("requirements.add_selfassessment", is_trader_of_operator)
rules.add_perm("requirements.change_selfassessment", is_trader_of_assessment)
rules.add_perm("requirements.reopen_selfassessment", is_customs | is_trader_of_assessment)
