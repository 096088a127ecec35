"""Authorized operators of Tokyo's unit, their traders, and officials of a given office."""

from datetime import date

from aeo.accounts.constants import Role
from aeo.authorizations import services as authorization_services
from aeo.registry.models import CustomsOffice
from aeo.registry.tests.factories import OperatorFactory, TraderFactory, UserFactory
from aeo.requirements import selectors as requirement_selectors
from aeo.supervision.services import audits
from aeo.supervision.services.contacts import assign_account_manager


def official(role: str, office: str = "TOKYO", **kwargs):
    return UserFactory(role=role, office=CustomsOffice.objects.get(code=office), **kwargs)


def tokyo_auditor(**kwargs):
    return official(Role.AUDITOR, "TOKYO", **kwargs)


def osaka_auditor(**kwargs):
    return official(Role.AUDITOR, "OSAKA", **kwargs)


def aeo(valid_from=date(2025, 4, 1), **kwargs):
    """An operator of Tokyo's unit holding an importer authorization, with its trader."""
    operator = OperatorFactory(**kwargs)
    authorization_services.issue_authorizations(
        actor=None, operator=operator, roles=["importer"], valid_from=valid_from
    )
    return operator, TraderFactory(operator=operator)


def aeo_trader(manager=None):
    """The trader of an authorized SME importer in Tokyo's region, with its account manager."""
    operator, trader = aeo(legal_name="Sakura Foods Import Co., Ltd.", employee_count=35)
    if manager is not None:
        assign_account_manager(actor=None, operator=operator, manager=manager)
    return trader


def criterion_code() -> str:
    template = requirement_selectors.current_template()
    assert template is not None
    return template.criteria.order_by("position", "code").first().code


def performed_audit(auditor, operator, planned_on, severity="major"):
    audit = audits.plan_audit(actor=auditor, operator=operator, planned_on=planned_on)
    audit = audits.notify_audit(actor=auditor, audit=audit)
    finding = audits.record_finding(
        actor=auditor,
        audit=audit,
        criterion=criterion_code(),
        severity=severity,
        description="Access to the bonded area is not logged.",
    )
    return finding.audit, finding
