"""Agencies, their officers, benefits and AEOs for the benefits tests."""

from datetime import date

from aeo.accounts.constants import Role
from aeo.authorizations import services as authorization_services
from aeo.benefits import services
from aeo.benefits.constants import Category, Mandate
from aeo.registry.tests.factories import OperatorFactory, TraderFactory, UserFactory

START = date(2025, 4, 1)


def agency(code: str = "mhlw", mandate: str = Mandate.FOOD_SAFETY, **kwargs):
    return services.create_agency(
        actor=None,
        code=code,
        name_en=kwargs.pop("name_en", f"Agency {code}"),
        name_ja=kwargs.pop("name_ja", f"機関 {code}"),
        mandate=mandate,
        **kwargs,
    )


def oga_officer(of, **kwargs):
    user = UserFactory(role=Role.OGA_OFFICER, **kwargs)
    services.add_agency_member(actor=None, agency=of, user=user)
    return user


def policy_officer(**kwargs):
    return UserFactory(role=Role.POLICY_OFFICER, **kwargs)


def benefit(actor=None, *, publish=False, aeo_types=("IMP",), **kwargs):
    data = {"title_en": "Pre-arrival lodgment", "category": Category.RAPID_RELEASE} | kwargs
    created = services.create_benefit(actor=actor, aeo_types=list(aeo_types), **data)
    if publish:
        created = services.publish_benefit(actor=None, benefit=created)
    return created


def aeo(roles=("importer",), **kwargs):
    """An operator holding an authorization per role, and its trader."""
    operator = OperatorFactory(roles=list(roles), **kwargs)
    authorizations = authorization_services.issue_authorizations(
        actor=None, operator=operator, roles=list(roles), valid_from=START
    )
    return operator, TraderFactory(operator=operator), authorizations
