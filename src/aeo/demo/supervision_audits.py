"""Demo supervision after authorization: AEOs in close monitoring, an audit planned and
notified, an audit with findings, its report and an overdue corrective action (escalated), and
one answered and awaiting verification; built through the services at the dates it happened.

Runs after the applications and authorizations exist; the operators used are Tokyo's (the
demo auditor's unit). A trader login, `trader.audited`, acts for the audited AEO.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings

from aeo.accounts import services as account_services
from aeo.accounts.constants import Role
from aeo.accounts.models import User
from aeo.authorizations import services as authorization_services
from aeo.core.business_days import add_business_days
from aeo.core.now import today as local_today
from aeo.core.now import travel
from aeo.registry import selectors as registry_selectors
from aeo.registry.models import Operator
from aeo.requirements import selectors as requirement_selectors
from aeo.supervision.models import Audit
from aeo.supervision.services import audits, corrective_actions, monitoring
from aeo.supervision.services.contacts import ensure_account_manager

AUDITED_TRADER = "trader.audited"


def _at(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=ZoneInfo(settings.TIME_ZONE))


def _authorize(operator: Operator, on: date) -> None:
    with travel(_at(on, 9)):
        authorization_services.issue_authorizations(
            actor=None,
            operator=operator,
            roles=registry_selectors.admitted_roles(operator)[:1],
            valid_from=on,
        )
        ensure_account_manager(actor=None, operator=operator)


def build_audits(auditor: User, password: str) -> list[tuple[str, str, str]]:
    """Create the supervision demo once; returns the (username, role, detail) of its login."""
    if Audit.objects.exists():
        known = User.objects.filter(username=AUDITED_TRADER).select_related("operator").first()
        return [_login(known)] if known else []
    today = local_today()
    calendar = "JP"
    free = [
        operator
        for operator in Operator.objects.filter(
            region__office=auditor.office, users__isnull=True, authorizations__isnull=True
        )
        .exclude(applications__isnull=False)
        .order_by("tin")
        .prefetch_related("roles")
        if registry_selectors.admitted_roles(operator)
    ]
    young = [o for o in free if o.established_on and o.established_on > today - timedelta(days=700)]
    settled = [o for o in free if o.established_on and o.established_on < date(2015, 1, 1)]
    if len(young) < 2 or len(settled) < 2:
        return []
    # Close monitoring: two young operators authorized this year.
    for operator, days in zip(young[:2], (90, 200), strict=True):
        _authorize(operator, today - timedelta(days=days))
    planned, audited = settled[:2]
    # An audit planned and notified: in ten business days.
    _authorize(planned, today - timedelta(days=420))
    audit = audits.plan_audit(
        actor=auditor,
        operator=planned,
        planned_on=add_business_days(calendar, today, 10),
        scope="Premises security and records of the bonded warehouse.",
    )
    audits.notify_audit(actor=auditor, audit=audit)
    # An audit performed six weeks ago, its report issued, one action overdue (and escalated),
    # one answered and awaiting the auditor's verification.
    _authorize(audited, today - timedelta(days=540))
    trader = User.objects.filter(username=AUDITED_TRADER).first()
    if trader is None:
        trader = account_services.create_user(
            actor=None,
            username=AUDITED_TRADER,
            role=Role.TRADER,
            password=password,
            operator=audited,
            email=f"{AUDITED_TRADER}@trader.example",
        )
    template = requirement_selectors.current_template()
    if template is None:
        return []
    codes = list(template.criteria.order_by("position").values_list("code", flat=True)[:2])
    performed = today - timedelta(days=42)
    with travel(_at(performed - timedelta(days=14), 10)):
        done = audits.plan_audit(actor=auditor, operator=audited, planned_on=performed)
        audits.notify_audit(actor=auditor, audit=done)
    with travel(_at(performed, 15)):
        major = audits.record_finding(
            actor=auditor,
            audit=done,
            criterion=codes[0],
            severity="major",
            description="Visitors to the bonded area are not logged; badges are not returned.",
        )
        minor = audits.record_finding(
            actor=auditor,
            audit=done,
            criterion=codes[-1],
            severity="minor",
            description="The training record of two new warehouse staff is missing.",
        )
    with travel(_at(performed + timedelta(days=3), 11)):
        audits.issue_audit_report(
            actor=auditor,
            audit=done,
            report="Two findings: access control (major) and training records (minor).",
        )
        corrective_actions.create_corrective_action(
            actor=auditor,
            finding=major,
            description="Log every visitor to the bonded area and reconcile badges daily.",
            due_business_days=15,
            kind="improvement_order",
        )
        answered = corrective_actions.create_corrective_action(
            actor=auditor,
            finding=minor,
            description="Train the two new staff and file their records.",
            due_business_days=20,
        )
    with travel(_at(performed + timedelta(days=20), 14)):
        corrective_actions.respond_to_corrective_action(
            actor=trader,
            action=answered,
            response="Both attended the customs compliance course on 12th; records filed.",
        )
    corrective_actions.escalate_overdue()
    monitoring.refresh_all_plans()
    return [_login(trader)]


def _login(trader: User) -> tuple[str, str, str]:
    return (trader.username, str(Role.TRADER.label), f"{trader.operator} (audited AEO)")
