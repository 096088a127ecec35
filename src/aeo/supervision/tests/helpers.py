from aeo.authorizations import services as authorization_services
from aeo.registry.models import CustomsOffice
from aeo.registry.tests.factories import OperatorFactory, TraderFactory, UserFactory
from aeo.supervision.services.contacts import assign_account_manager


def official(role: str, office: str = "TOKYO"):
    return UserFactory(role=role, office=CustomsOffice.objects.get(code=office))


def aeo_trader(manager=None):
    """A trader of an authorized importer in Tokyo's region, with its account manager."""
    operator = OperatorFactory(legal_name="Sakura Foods Import Co., Ltd.", employee_count=35)
    authorization_services.issue_authorizations(actor=None, operator=operator, roles=["importer"])
    if manager is not None:
        assign_account_manager(actor=None, operator=operator, manager=manager)
    return TraderFactory(operator=operator)
