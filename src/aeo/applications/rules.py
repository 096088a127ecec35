import rules

from aeo.accounts.constants import Role


@rules.predicate
def is_applicant(user, application) -> bool:
    return (
        application is not None
        and user.is_authenticated
        and user.role == Role.TRADER
        and user.operator_id == application.operator_id
    )


@rules.predicate
def is_trader(user) -> bool:
    return user.is_authenticated and user.role == Role.TRADER


@rules.predicate
def is_examining_official(user, application) -> bool:
    """Examiners of the unit the application is routed to, the AEO Center, coordinators."""
    if not user.is_authenticated or application is None:
        return False
    if user.role == Role.COORDINATOR:
        return True
    if user.role != Role.EXAMINER or user.office is None:
        return False
    return user.office.acts_for(application.office_id)


@rules.predicate
def handles_consultation(user, consultation) -> bool:
    """Its account manager, the examiners of the operator's unit and the AEO Center."""
    if not user.is_authenticated or consultation is None:
        return False
    if user.pk == consultation.account_manager_id or user.role == Role.COORDINATOR:
        return True
    if user.role != Role.EXAMINER or user.office is None:
        return False
    return user.office.holds(consultation.operator)


rules.add_perm("applications.create_application", is_trader)
rules.add_perm("applications.handle_consultation", handles_consultation)
# Only the daily task (no actor) lapses an application.
rules.add_perm("applications.lapse", rules.always_deny)
rules.add_perm("applications.apply", is_applicant)
rules.add_perm("applications.examine", is_examining_official)
