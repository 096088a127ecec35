"""Reads of audits and their findings, scoped by the unit rule (`selectors.scope`)."""

from django.db.models import Count, QuerySet

from aeo.accounts.constants import Role
from aeo.accounts.models import User
from aeo.applications.models import Application
from aeo.authorizations.models import Authorization
from aeo.requirements import selectors as requirement_selectors
from aeo.requirements.models import Criterion, TemplateVersion
from aeo.supervision.constants import TRADER_AUDIT_STATUSES, Severity
from aeo.supervision.models import Audit, AuditEvent, Finding
from aeo.supervision.selectors.scope import operator_q


def audits_visible_to(user) -> QuerySet[Audit]:
    """Officials of the operator's unit (and the AEO Center, coordinators, policy officers)
    see its audits; a trader sees its own from the notice on; anyone else none."""
    qs = (
        Audit.objects.select_related("operator__region", "auditor", "office", "template")
        .annotate(finding_count=Count("findings", distinct=True))
        .order_by("-planned_on", "-id")
    )  # an aggregate drops the model's default ordering
    if not user.is_authenticated:
        return qs.none()
    qs = qs.filter(operator_q(user))
    if user.role == Role.TRADER:
        qs = qs.filter(status__in=sorted(TRADER_AUDIT_STATUSES))
    return qs


def search_audits(
    qs: QuerySet[Audit], *, status: str = "", operator_id: int | None = None, mine_of=None
) -> QuerySet[Audit]:
    if status:
        qs = qs.filter(status=status)
    if operator_id is not None:
        qs = qs.filter(operator_id=operator_id)
    if mine_of is not None:
        qs = qs.filter(auditor=mine_of)
    return qs


def findings_of(audit: Audit) -> QuerySet[Finding]:
    return audit.findings.select_related("criterion", "recorded_by")


def history(audit: Audit) -> QuerySet[AuditEvent]:
    return audit.events.select_related("actor")


def authorized_under(operator) -> TemplateVersion | None:
    """The requirements version the AEO was authorized under: the template of the check
    sheet of the application that decided its first current authorization; the published
    version if that cannot be traced (an authorization issued without an application)."""
    application_ids = (
        Authorization.objects.filter(operator=operator, application_id__isnull=False)
        .order_by("valid_from", "pk")
        .values_list("application_id", flat=True)
    )
    application = (
        Application.objects.filter(pk__in=list(application_ids[:1]))
        .select_related("self_assessment__template")
        .first()
    )
    if application is not None:
        return application.self_assessment.template
    return requirement_selectors.current_template()


def scope_criteria(audit: Audit) -> list[Criterion]:
    """The criteria of the audit's requirements version: its scope."""
    if audit.template is None:
        return []
    return list(audit.template.criteria.order_by("position", "code"))


def auditors_of(operator) -> QuerySet[User]:
    """Active auditors of the operator's unit."""
    office_id = operator.region.office_id if operator.region else None
    return User.objects.filter(role=Role.AUDITOR, is_active=True, office_id=office_id)


def has_critical(audit: Audit) -> bool:
    return audit.findings.filter(severity=Severity.CRITICAL).exists()
