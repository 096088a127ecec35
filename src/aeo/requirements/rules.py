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
# The names are not Django's model permissions (`change_templateversion`…), so that the admin's
# permission checks and these rules cannot be confused.
rules.add_perm("requirements.view_catalogue", is_customs)
rules.add_perm("requirements.edit_catalogue", is_policy_officer)
rules.add_perm("requirements.start_self_assessment", is_trader_of_operator)
rules.add_perm("requirements.fill_self_assessment", is_trader_of_assessment)
rules.add_perm("requirements.reopen_self_assessment", is_customs | is_trader_of_assessment)
