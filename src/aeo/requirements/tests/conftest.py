import pytest

from aeo.accounts.constants import Role
from aeo.registry.models import CustomsOffice
from aeo.registry.tests.factories import OperatorFactory, TraderFactory, UserFactory
from aeo.requirements import services


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def trader(db):
    return TraderFactory(operator=OperatorFactory(roles=["importer"], employee_count=40))


@pytest.fixture
def large_trader(db):
    return TraderFactory(operator=OperatorFactory(roles=["importer"], employee_count=5000))


@pytest.fixture
def policy_officer(db):
    return UserFactory(role=Role.POLICY_OFFICER)


@pytest.fixture
def examiner(db):
    """An examiner of the AEO Center, which sees every check sheet."""
    return UserFactory(role=Role.EXAMINER, office=CustomsOffice.objects.get(code="AEOC"))


@pytest.fixture
def sheet(trader):
    return services.create_self_assessment(actor=trader, operator=trader.operator)
