"""Schemas of the supervision API (monitoring, audits, corrective actions, re-assessments)."""

from datetime import date, datetime
from typing import Any

from ninja import Field, Schema

from aeo.core.bounds import MAX_ID, BoundedDate, IdValue
from aeo.core.schemas import HistoryEventOut, allowed_actions
from aeo.supervision.constants import (
    AUDIT_WORKFLOW,
    CORRECTIVE_ACTION_WORKFLOW,
    MAX_DUE_BUSINESS_DAYS,
    REASSESSMENT_WORKFLOW,
    AuditStatus,
    CorrectiveActionKind,
    CorrectiveActionSource,
    CorrectiveActionStatus,
    MonitoringDueKind,
    MonitoringLevel,
    ReassessmentOutcome,
    ReassessmentStatus,
    ReassessmentTrigger,
    Severity,
    Verification,
)
from aeo.supervision.selectors import audits as audit_selectors
from aeo.supervision.selectors import corrective_actions as action_selectors

TEXT = 10000


class Versioned(Schema):
    version: int | None = Field(
        None, ge=0, le=MAX_ID, description="The version you last read; a stale one answers 409."
    )


# --- Monitoring -------------------------------------------------------------------------------


class RiskFactorOut(Schema):
    code: str
    label: str
    weight: int
    detail: str

    @staticmethod
    def resolve_label(obj: Any) -> str:
        return str(obj.label)


class MonitoringPlanOut(Schema):
    operator_id: int = Field(alias="operator.pk")
    level: MonitoringLevel
    risk_weight: int
    factors: list[RiskFactorOut]
    authorized_on: date
    close_until: date | None
    next_contact_on: date
    next_audit_on: date
    audit_id: int | None = Field(None, description="the open audit that sets the next audit date")

    @staticmethod
    def resolve_audit_id(obj: Any) -> int | None:
        return obj.audit.pk if obj.audit else None


class DueFilters(Schema):
    kind: MonitoringDueKind | None = None
    level: MonitoringLevel | None = None
    bucket: str | None = Field(None, pattern="^(overdue|this_month|upcoming)$")


class DueOut(Schema):
    bucket: str
    kind: MonitoringDueKind
    due_on: date
    operator_id: int
    operator: str
    level: MonitoringLevel


# --- Audits -----------------------------------------------------------------------------------


class AuditIn(Schema):
    planned_on: BoundedDate
    scope: str = Field("", max_length=TEXT)
    auditor_id: IdValue | None = None


class AuditFilters(Schema):
    status: AuditStatus | None = None
    operator_id: IdValue | None = None
    mine: bool = Field(False, description="only the audits I conduct")


class AuditOut(Schema):
    id: int
    operator_id: int
    operator: str = Field(alias="operator.legal_name")
    office: str | None = Field(None, alias="office.code")
    auditor: str = Field(alias="auditor.username")
    status: AuditStatus
    planned_on: date
    scope: str
    requirements_version: int | None = Field(None, alias="template.number")
    notified_at: datetime | None
    performed_on: date | None
    report_issued_at: datetime | None
    closed_at: datetime | None
    proposed_action: str
    finding_count: int = 0
    version: int
    allowed_actions: list[str]

    @staticmethod
    def resolve_allowed_actions(obj: Any, context: Any) -> list[str]:
        return allowed_actions(AUDIT_WORKFLOW, obj, context)


class CriterionOut(Schema):
    code: str
    area: str
    title: str


class FindingIn(Versioned):
    criterion: str = Field(max_length=10, description="the criterion's code")
    severity: Severity
    description: str = Field(max_length=TEXT)


class FindingOut(Schema):
    id: int
    criterion: str = Field(alias="criterion.code")
    severity: Severity
    description: str
    recorded_at: datetime


class AuditDetailOut(AuditOut):
    report: str
    scope_criteria: list[CriterionOut]
    findings: list[FindingOut]
    history: list[HistoryEventOut]

    @staticmethod
    def resolve_scope_criteria(obj: Any) -> list[Any]:
        return audit_selectors.scope_criteria(obj)

    @staticmethod
    def resolve_findings(obj: Any) -> list[Any]:
        return list(audit_selectors.findings_of(obj))

    @staticmethod
    def resolve_history(obj: Any) -> list[Any]:
        return list(audit_selectors.history(obj))


class CommentIn(Versioned):
    comment: str = Field("", max_length=TEXT)


class ReportIn(Versioned):
    report: str = Field(max_length=TEXT)


# --- Corrective actions -----------------------------------------------------------------------


class CorrectiveActionIn(Schema):
    finding_id: IdValue | None = None
    operator_id: IdValue | None = Field(None, description="without a finding")
    source: CorrectiveActionSource = CorrectiveActionSource.FINDING
    kind: CorrectiveActionKind = CorrectiveActionKind.STANDARD
    description: str = Field(max_length=TEXT)
    due_business_days: int = Field(ge=1, le=MAX_DUE_BUSINESS_DAYS)


class ActionFilters(Schema):
    status: CorrectiveActionStatus | None = None
    operator_id: IdValue | None = None
    audit_id: IdValue | None = None
    overdue: bool | None = None


class EvidenceOut(Schema):
    id: int
    name: str
    size: int
    sha256: str
    content_type: str
    uploaded_at: datetime


class CorrectiveActionOut(Schema):
    id: int
    operator_id: int
    operator: str = Field(alias="operator.legal_name")
    source: CorrectiveActionSource
    finding_id: int | None
    incident_id: int | None
    audit_id: int | None = None
    kind: CorrectiveActionKind
    description: str
    due_business_days: int
    due_on: date
    status: CorrectiveActionStatus
    overdue: bool = Field(alias="is_overdue")
    response: str
    responded_at: datetime | None
    responded_late: bool
    verification_note: str
    verified_at: datetime | None
    escalated_at: datetime | None
    version: int
    allowed_actions: list[str]

    @staticmethod
    def resolve_audit_id(obj: Any) -> int | None:
        return obj.finding.audit_id if obj.finding_id else None

    @staticmethod
    def resolve_allowed_actions(obj: Any, context: Any) -> list[str]:
        return allowed_actions(CORRECTIVE_ACTION_WORKFLOW, obj, context)


class CorrectiveActionDetailOut(CorrectiveActionOut):
    evidence: list[EvidenceOut]
    history: list[HistoryEventOut]

    @staticmethod
    def resolve_evidence(obj: Any) -> list[Any]:
        return list(action_selectors.evidence_of(obj))

    @staticmethod
    def resolve_history(obj: Any) -> list[Any]:
        return list(action_selectors.history(obj))


class VerificationIn(Versioned):
    decision: Verification
    note: str = Field("", max_length=TEXT)
    due_business_days: int | None = Field(None, ge=1, le=MAX_DUE_BUSINESS_DAYS)


# --- Re-assessments ---------------------------------------------------------------------------


class ReassessmentIn(Schema):
    trigger: ReassessmentTrigger
    reason: str = Field(max_length=TEXT)
    audit_id: IdValue | None = None


class ReassessmentFilters(Schema):
    status: ReassessmentStatus | None = None
    operator_id: IdValue | None = None
    trigger: ReassessmentTrigger | None = None


class ConclusionIn(Versioned):
    outcome: ReassessmentOutcome
    conclusion: str = Field(max_length=TEXT)
    conditions: str = Field("", max_length=TEXT)


class ReassessmentOut(Schema):
    id: int
    operator_id: int
    operator: str = Field(alias="operator.legal_name")
    trigger: ReassessmentTrigger
    reason: str
    audit_id: int | None
    requirements_version: int | None = Field(None, alias="template.number")
    status: ReassessmentStatus
    outcome: str
    conclusion: str
    conditions: str
    started_at: datetime
    concluded_at: datetime | None
    version: int
    allowed_actions: list[str]

    @staticmethod
    def resolve_allowed_actions(obj: Any, context: Any) -> list[str]:
        return allowed_actions(REASSESSMENT_WORKFLOW, obj, context)
