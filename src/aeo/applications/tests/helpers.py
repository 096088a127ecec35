"""Test helpers: a trader whose check sheet is complete, and applications in any state."""

from aeo.accounts.constants import Role
from aeo.applications import services
from aeo.applications.models import Application
from aeo.demo.lifecycle import fill_check_sheet
from aeo.registry.models import CustomsOffice
from aeo.registry.tests.factories import OperatorFactory, TraderFactory, UserFactory
from aeo.requirements import selectors as requirement_selectors


def complete_self_assessment(trader, self_assessment) -> None:
    fill_check_sheet(trader, self_assessment)
    assert requirement_selectors.gaps(self_assessment) == []


def trader_in_tokyo(employees: int = 40, roles: tuple[str, ...] = ("importer",)):
    operator = OperatorFactory(employee_count=employees, roles=list(roles))
    return TraderFactory(operator=operator)


def tokyo_examiner(**kwargs):
    return UserFactory(role=Role.EXAMINER, office=CustomsOffice.objects.get(code="TOKYO"), **kwargs)


def submitted_application(trader) -> Application:
    application = services.create_application(actor=trader)
    complete_self_assessment(trader, application.self_assessment)
    return services.submit_application(actor=trader, application=application)
