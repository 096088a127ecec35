"""Monitoring: each AEO's risk factors and plan, what is due for the unit, and the trader's
open obligations.

`risk_factors(operator)` runs every function of `FACTORS`; each looks at one source of risk
and returns a `RiskFactor` (code, label, weight) or None. The weights add up to the level:
from `CLOSE_FROM_WEIGHT` close monitoring, from `RAISED_FROM_WEIGHT` raised. A new source of
risk (incidents, adverse change notifications, border findings) is one more function in
`FACTORS`.
"""

import calendar
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Max, Min, Q, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from aeo.authorizations.constants import CURRENT_STATUSES
from aeo.authorizations.models import Authorization
from aeo.core.business_days import add_business_days
from aeo.core.now import today
from aeo.registry.models import Operator
from aeo.supervision.constants import (
    ADVERSE_ASSESSMENTS,
    AUDIT_EVERY,
    CLOSE_FROM_WEIGHT,
    CLOSE_MONITORING_YEARS,
    CONTACT_EVERY,
    OPEN_AUDIT_STATUSES,
    RAISED_FROM_WEIGHT,
    TRADER_AUDIT_STATUSES,
    UPCOMING_DAYS,
    YOUNG_OPERATOR_YEARS,
    AuditStatus,
    ChangeStatus,
    CorrectiveActionStatus,
    MonitoringDueKind,
    MonitoringLevel,
)
from aeo.supervision.models import (
    Audit,
    ChangeNotification,
    ContactLog,
    CorrectiveAction,
    Incident,
    MonitoringPlan,
)
from aeo.supervision.selectors.scope import operator_q


@dataclass(frozen=True)
class RiskFactor:
    code: str
    label: str | Promise
    weight: int
    detail: str = ""


def add_years(day: date, years: int) -> date:
    """The same day `years` later; 29 February becomes 28 February in a common year."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def first_authorized_on(operator: Operator) -> date | None:
    """The start of the operator's first authorization (of any type, in any status)."""
    return Authorization.objects.filter(operator=operator).aggregate(first=Min("valid_from"))[
        "first"
    ]


def is_aeo(operator: Operator) -> bool:
    return Authorization.objects.filter(operator=operator, status__in=CURRENT_STATUSES).exists()


def close_monitoring_until(operator: Operator, authorized_on: date | None = None) -> date | None:
    """The last day of close monitoring for a young operator, or None if it is not young.

    Young: established less than three years before its first authorization. Close
    monitoring lasts the first year after that authorization.
    """
    authorized_on = authorized_on or first_authorized_on(operator)
    established = operator.established_on
    if authorized_on is None or established is None:
        return None
    if established <= add_years(authorized_on, -YOUNG_OPERATOR_YEARS):
        return None
    return add_years(authorized_on, CLOSE_MONITORING_YEARS) - timedelta(days=1)


# --- Risk factors: one small function each ----------------------------------------------------


def young_operator(operator: Operator, on: date) -> RiskFactor | None:
    until = close_monitoring_until(operator)
    if until is None or on > until:
        return None
    return RiskFactor(
        "young_operator",
        _("Established less than three years before authorization: first year"),
        CLOSE_FROM_WEIGHT,
        until.isoformat(),
    )


def late_corrective_actions(operator: Operator, on: date) -> RiskFactor | None:
    """Corrective actions of the last year that are overdue or were answered late: one
    weight each, at most the weight of close monitoring."""
    late = (
        CorrectiveAction.objects.filter(operator=operator, due_on__gte=on - timedelta(days=365))
        .filter(Q(status=CorrectiveActionStatus.OPEN, due_on__lt=on) | Q(responded_late=True))
        .count()
    )
    if not late:
        return None
    return RiskFactor(
        "late_corrective_actions",
        _("Corrective actions overdue or answered late"),
        min(late, CLOSE_FROM_WEIGHT),
        str(late),
    )


def adverse_incidents(operator: Operator, on: date) -> RiskFactor | None:
    """Incidents of the last year assessed as calling for a corrective action or a
    re-assessment: one weight each, at most the weight of close monitoring."""
    count = Incident.objects.filter(
        operator=operator,
        assessment__in=sorted(ADVERSE_ASSESSMENTS),
        occurred_at__date__gte=on - timedelta(days=365),
    ).count()
    if not count:
        return None
    return RiskFactor(
        "adverse_incidents",
        _("Incidents calling for a corrective action or a re-assessment"),
        min(count, CLOSE_FROM_WEIGHT),
        str(count),
    )


def adverse_changes(operator: Operator, on: date) -> RiskFactor | None:
    """Change notifications of the last year that an official confirmed as adverse."""
    count = ChangeNotification.objects.filter(
        operator=operator,
        status=ChangeStatus.CONFIRMED,
        adverse=True,
        effective_on__gte=on - timedelta(days=365),
    ).count()
    if not count:
        return None
    return RiskFactor(
        "adverse_changes",
        _("Adverse changes notified"),
        min(count, CLOSE_FROM_WEIGHT),
        str(count),
    )


Factor = Callable[[Operator, date], RiskFactor | None]
FACTORS: list[Factor] = [
    young_operator,
    late_corrective_actions,
    adverse_incidents,
    adverse_changes,
]


def risk_factors(operator: Operator, on: date | None = None) -> list[RiskFactor]:
    on = on or today()
    return [f for f in (factor(operator, on) for factor in FACTORS) if f is not None]


def level_for(weight: int) -> MonitoringLevel:
    if weight >= CLOSE_FROM_WEIGHT:
        return MonitoringLevel.CLOSE
    if weight >= RAISED_FROM_WEIGHT:
        return MonitoringLevel.RAISED
    return MonitoringLevel.STANDARD


def in_close_monitoring(operator: Operator, on: date | None = None) -> bool:
    """Whether the operator's risk puts it in close monitoring on `on` (today)."""
    return level_for(sum(f.weight for f in risk_factors(operator, on))) == MonitoringLevel.CLOSE


# --- The plan ---------------------------------------------------------------------------------


@dataclass
class Plan:
    """The plan as of `on`, derived from the data (what `refresh_plan` stores)."""

    operator: Operator
    level: str
    factors: list[RiskFactor]
    authorized_on: date
    close_until: date | None
    next_contact_on: date
    next_audit_on: date
    audit: Audit | None = None  # the open audit whose date is the next audit, if any
    on: date = field(default_factory=today)

    @property
    def risk_weight(self) -> int:
        return sum(f.weight for f in self.factors)

    @property
    def level_label(self) -> str:
        return str(MonitoringLevel(self.level).label)


def plan_for(operator: Operator, on: date | None = None) -> Plan | None:
    """The operator's monitoring plan on `on`, or None if it holds no authorization.

    The next monitoring contact is the level's interval (in business days of the economy's
    calendar) after the last contact logged, or after the first authorization. The next
    audit is the date of the open audit, or the level's interval after the last audit
    performed (or the first authorization).
    """
    on = on or today()
    if not is_aeo(operator):
        return None
    authorized_on = first_authorized_on(operator)
    assert authorized_on is not None
    factors = risk_factors(operator, on)
    level = level_for(sum(f.weight for f in factors))
    economy = operator.economy.calendar_code
    last_contact = ContactLog.objects.filter(operator=operator).aggregate(last=Max("occurred_at"))[
        "last"
    ]
    contact_from = max(authorized_on, last_contact.date()) if last_contact else authorized_on
    open_audit = (
        Audit.objects.filter(operator=operator, status__in=OPEN_AUDIT_STATUSES)
        .exclude(status__in=[AuditStatus.PERFORMED, AuditStatus.REPORT_ISSUED])
        .order_by("planned_on")
        .first()
    )
    if open_audit is not None:
        next_audit = open_audit.planned_on
    else:
        last_audit = Audit.objects.filter(operator=operator, performed_on__isnull=False).aggregate(
            last=Max("performed_on")
        )["last"]
        audit_from = max(authorized_on, last_audit) if last_audit else authorized_on
        next_audit = add_business_days(economy, audit_from, AUDIT_EVERY[level])
    return Plan(
        operator=operator,
        level=level,
        factors=factors,
        authorized_on=authorized_on,
        close_until=close_monitoring_until(operator, authorized_on),
        next_contact_on=add_business_days(economy, contact_from, CONTACT_EVERY[level]),
        next_audit_on=next_audit,
        audit=open_audit,
        on=on,
    )


# --- What the unit has due --------------------------------------------------------------------


@dataclass(frozen=True)
class DueItem:
    plan: MonitoringPlan
    kind: str
    due_on: date

    @property
    def kind_label(self) -> str:
        return str(MonitoringDueKind(self.kind).label)


@dataclass
class Due:
    overdue: list[DueItem] = field(default_factory=list)
    this_month: list[DueItem] = field(default_factory=list)
    upcoming: list[DueItem] = field(default_factory=list)

    def all(self) -> list[tuple[str, DueItem]]:
        return [
            *(("overdue", i) for i in self.overdue),
            *(("this_month", i) for i in self.this_month),
            *(("upcoming", i) for i in self.upcoming),
        ]


def plans_visible_to(user) -> QuerySet[MonitoringPlan]:
    """Stored plans of the operators of the user's unit (customs officials only)."""
    qs = MonitoringPlan.objects.select_related("operator", "office")
    if not user.is_authenticated or not (user.is_superuser or user.is_customs):
        return qs.none()
    return qs.filter(operator_q(user))


def due_for(
    user, on: date | None = None, *, kind: str = "", level: str = "", bucket: str = ""
) -> Due:
    """The unit's monitoring contacts and audits: overdue (before `on`), due in the rest of
    this month, and upcoming (after this month, within `UPCOMING_DAYS`); soonest first."""
    on = on or today()
    month_end = on.replace(day=calendar.monthrange(on.year, on.month)[1])
    horizon = max(month_end, on + timedelta(days=UPCOMING_DAYS))
    plans = plans_visible_to(user).filter(
        Q(next_contact_on__lte=horizon) | Q(next_audit_on__lte=horizon)
    )
    if level:
        plans = plans.filter(level=level)
    due = Due()
    items = []
    for plan in plans:
        for item_kind, day in (
            (MonitoringDueKind.CONTACT, plan.next_contact_on),
            (MonitoringDueKind.AUDIT, plan.next_audit_on),
        ):
            if day <= horizon and (not kind or kind == item_kind):
                items.append(DueItem(plan, str(item_kind), day))
    items.sort(key=lambda i: (i.due_on, i.plan.operator.legal_name, i.kind))
    for item in items:
        if item.due_on < on:
            due.overdue.append(item)
        elif item.due_on <= month_end:
            due.this_month.append(item)
        else:
            due.upcoming.append(item)
    if bucket:
        for name in ("overdue", "this_month", "upcoming"):
            if name != bucket:
                setattr(due, name, [])
    return due


# --- The trader's obligations -----------------------------------------------------------------


@dataclass
class Obligations:
    corrective_actions: list[CorrectiveAction]
    audits: list[Audit]


def obligations_for(operator: Operator) -> Obligations:
    """What the AEO must do or expect: corrective actions not yet accepted (soonest due first)
    and its notified audits not yet closed (by date) — for the trader's home."""
    actions = CorrectiveAction.objects.filter(operator=operator).exclude(
        status=CorrectiveActionStatus.ACCEPTED
    )
    audits = Audit.objects.filter(
        operator=operator,
        status__in=sorted(TRADER_AUDIT_STATUSES & OPEN_AUDIT_STATUSES),
    ).order_by("planned_on")
    return Obligations(list(actions.order_by("due_on", "id")), list(audits))
