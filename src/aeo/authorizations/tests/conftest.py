from datetime import date, timedelta

import pytest

from aeo.accounts.constants import Role
from aeo.accounts.services import issue_token
from aeo.authorizations import services
from aeo.authorizations.constants import SuspensionGround
from aeo.authorizations.models import Authorization
from aeo.core.now import today
from aeo.registry.data.aeo_types import add_aeo_types
from aeo.registry.models import AEOType, CustomsOffice, Economy
from aeo.registry.tests.factories import OperatorFactory, TraderFactory, UserFactory

START = date(2025, 4, 1)


def issue(operator, roles=("importer",), **kwargs) -> list[Authorization]:
    return services.issue_authorizations(
        actor=None, operator=operator, roles=list(roles), valid_from=START, **kwargs
    )


def economy_with_importers(code: str) -> Economy:
    """A foreign economy whose programme (in the test) has one type, for importers."""
    add_aeo_types(AEOType, code, [("IMP", "Importer", "", ["importer"])])
    return Economy.objects.get(code=code)


def bearer(user) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {issue_token(actor=None, user=user)}"}


def official(role: str, office: str = "TOKYO"):
    """An official of `office`: the test operators are in Tokyo's region (JP-13)."""
    return UserFactory(role=role, office=CustomsOffice.objects.get(code=office))


def change_to(*, actor, authorization: Authorization, to: str, reason: str) -> Authorization:
    """Move `authorization` into status `to` by the service that leads there."""
    if to == "suspended":
        return services.suspend(
            actor=actor,
            authorization=authorization,
            ground=SuspensionGround.CONDITIONS_NOT_MET,
            remedy_by=today() + timedelta(days=30),
            reason=reason,
        )
    if to == "revoked":
        return services.revoke(actor=actor, authorization=authorization, reason=reason)[0]
    service = {
        "active": services.lift_suspension,
        "surrendered": services.surrender,
        "expired": services.expire,
    }[to]
    return service(actor=actor, authorization=authorization, reason=reason)


@pytest.fixture
def examiner():
    return official(Role.EXAMINER)


@pytest.fixture
def trader():
    return TraderFactory(operator=OperatorFactory(legal_name="Sakura Trading K.K."))


@pytest.fixture
def authorization(trader) -> Authorization:
    return issue(trader.operator)[0]
