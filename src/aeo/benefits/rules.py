"""Who may do what with benefits, MoUs, proposed criteria and joint inspections.

Policy officers (customs headquarters) act for customs and may publish any benefit; an OGA
officer acts only for the one agency it belongs to (`AgencyMember`).
"""

import rules

from aeo.accounts.constants import CUSTOMS_ROLES, Role

# Customs officials who request, schedule and record joint inspections.
INSPECTORS = frozenset(
    {Role.BORDER_OFFICER, Role.ACCOUNT_MANAGER, Role.POLICY_OFFICER, Role.COORDINATOR}
)


def agency_id_of(user) -> int | None:
    """The agency an OGA officer acts for (None for everyone else, or one not yet linked)."""
    if not getattr(user, "is_authenticated", False) or user.role != Role.OGA_OFFICER:
        return None
    cached = getattr(user, "_benefits_agency_id", False)
    if cached is False:
        from aeo.benefits.models import AgencyMember

        cached = (
            AgencyMember.objects.filter(user_id=user.pk).values_list("agency_id", flat=True).first()
        )
        user._benefits_agency_id = cached
    return cached


@rules.predicate
def is_policy_officer(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role == Role.POLICY_OFFICER)


@rules.predicate
def is_customs_official(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role in CUSTOMS_ROLES)


@rules.predicate
def is_inspector(user) -> bool:
    return user.is_authenticated and (user.is_superuser or user.role in INSPECTORS)


@rules.predicate
def is_oga_officer(user) -> bool:
    return agency_id_of(user) is not None


@rules.predicate
def acts_for_benefits_agency(user, benefit) -> bool:
    """An OGA officer of the agency that grants the benefit (never of a customs benefit)."""
    agency = agency_id_of(user)
    return benefit is not None and agency is not None and benefit.agency_id == agency


@rules.predicate
def acts_for_an_inspecting_agency(user, inspection) -> bool:
    agency = agency_id_of(user)
    if inspection is None or agency is None:
        return False
    return any(a.pk == agency for a in inspection.agencies.all())


rules.add_perm("benefits.draft_benefit", is_policy_officer | is_oga_officer)
rules.add_perm("benefits.publish_benefit", is_policy_officer | acts_for_benefits_agency)
rules.add_perm("benefits.record_use", is_customs_official | is_oga_officer)
rules.add_perm("benefits.manage_mou", is_policy_officer)
rules.add_perm("benefits.change_mou", is_policy_officer)
rules.add_perm("benefits.propose_criteria", is_oga_officer)
rules.add_perm("benefits.decide_proposal", is_policy_officer)
rules.add_perm("benefits.request_inspection", is_inspector | is_oga_officer)
rules.add_perm("benefits.manage_inspection", is_inspector | acts_for_an_inspecting_agency)
