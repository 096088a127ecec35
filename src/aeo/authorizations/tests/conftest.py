from datetime import date

import pytest

from aeo.accounts.constants import Role
from aeo.accounts.services import issue_token
from aeo.authorizations import services
from aeo.authorizations.models import Authorization
from aeo.registry.tests.factories import OperatorFactory, TraderFactory, UserFactory

START = date(2025, 4, 1)


def issue(operator, roles=("importer",), **kwargs) -> list[Authorization]:
    return services.issue_authorizations(
        actor=None, operator=operator, roles=list(roles), valid_from=START, **kwargs
    )


def bearer(user) -> dict[str, str]:
    return {"HTTP_AUTHORIZATION": f"Bearer {issue_token(actor=None, user=user)}"}


@pytest.fixture
def examiner():
    return UserFactory(role=Role.EXAMINER)


@pytest.fixture
def trader():
    return TraderFactory(operator=OperatorFactory(legal_name="Sakura Trading K.K."))


@pytest.fixture
def authorization(trader) -> Authorization:
    return issue(trader.operator)[0]
