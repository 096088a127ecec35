from django.db import models
from django.utils.translation import gettext_lazy as _

from aeo.core.workflow import Condition, Move, Workflow


class ContactKind(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    EMAIL = "email", _("E-mail")
    PHONE = "phone", _("Phone")


class IncidentStatus(models.TextChoices):
    REPORTED = "reported", _("Reported")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    ASSESSED = "assessed", _("Assessed")
    CLOSED = "closed", _("Closed")


class IncidentEventType(models.TextChoices):
    REPORTED = "reported", _("Reported")
    ACKNOWLEDGED = "acknowledged", _("Acknowledged")
    ASSESSED = "assessed", _("Assessed")
    CLOSED = "closed", _("Closed")


class IncidentAssessment(models.TextChoices):
    """What the account manager decides an incident calls for."""

    NO_ACTION = "no_action", _("No action needed")
    CONTACT = "contact", _("Contact with the operator")
    CORRECTIVE_ACTION = "corrective_action", _("Corrective action")
    REASSESSMENT = "reassessment", _("Re-assessment of the authorization")


# Assessments that raise the operator's monitoring risk.
ADVERSE_ASSESSMENTS = frozenset(
    {IncidentAssessment.CORRECTIVE_ACTION, IncidentAssessment.REASSESSMENT}
)

_I, _IE = IncidentStatus, IncidentEventType
INCIDENT_WORKFLOW = Workflow(
    name="incident",
    states=IncidentStatus,
    events=IncidentEventType,
    openings=frozenset({_IE.REPORTED}),
    moves={
        _IE.ACKNOWLEDGED: Move(
            frozenset({_I.REPORTED}), frozenset({_I.ACKNOWLEDGED}), "supervision.handle_incident"
        ),
        _IE.ASSESSED: Move(
            frozenset({_I.ACKNOWLEDGED}), frozenset({_I.ASSESSED}), "supervision.handle_incident"
        ),
        _IE.CLOSED: Move(
            frozenset({_I.ASSESSED}), frozenset({_I.CLOSED}), "supervision.handle_incident"
        ),
    },
)


class ChangeCategory(models.TextChoices):
    """What changed, by the headings of the EU AEO Guidelines' Annex 4, plus staff numbers."""

    LEGAL_NAME = "legal_name", _("General details: legal name")
    LEGAL_FORM = "legal_form", _("General details: legal form")
    ADDRESS = "address", _("General details: address")
    MANAGEMENT = "management", _("General details: management")
    OWNERSHIP = "ownership", _("General details: ownership")
    COMPLIANCE = "compliance", _("Customs compliance")
    RECORDS = "records", _("Accounting and logistical records")
    SOLVENCY = "solvency", _("Financial solvency")
    PREMISES = "premises", _("Security: premises")
    STAFF = "staff", _("Security: staff")
    PARTNERS = "partners", _("Security: business partners")
    EMPLOYEES = "employees", _("Number of employees and their roles")


# The registry facts a change notification may propose: they appear on the public register or
# decide SME status, so they change only when an official confirms the notification.
CONFIRMED_FACTS = {
    ChangeCategory.LEGAL_NAME: "legal_name",
    ChangeCategory.ADDRESS: "address",
    ChangeCategory.EMPLOYEES: "employee_count",
}


class ChangeStatus(models.TextChoices):
    SUBMITTED = "submitted", _("Awaiting confirmation")
    CONFIRMED = "confirmed", _("Confirmed")
    REJECTED = "rejected", _("Rejected")


class ChangeEventType(models.TextChoices):
    SUBMITTED = "submitted", _("Submitted")
    CONFIRMED = "confirmed", _("Confirmed")
    REJECTED = "rejected", _("Rejected")


_N, _NE = ChangeStatus, ChangeEventType
CHANGE_WORKFLOW = Workflow(
    name="change_notification",
    states=ChangeStatus,
    events=ChangeEventType,
    openings=frozenset({_NE.SUBMITTED}),
    moves={
        _NE.CONFIRMED: Move(
            frozenset({_N.SUBMITTED}), frozenset({_N.CONFIRMED}), "supervision.decide_change"
        ),
        _NE.REJECTED: Move(
            frozenset({_N.SUBMITTED}), frozenset({_N.REJECTED}), "supervision.decide_change"
        ),
    },
)


# --- Monitoring --------------------------------------------------------------------------------


class MonitoringLevel(models.TextChoices):
    """How closely an AEO is followed, derived from its risk factors."""

    STANDARD = "standard", _("Standard")
    RAISED = "raised", _("Heightened")
    CLOSE = "close", _("Close monitoring")


# Risk weight from which monitoring is raised, and from which it is close.
RAISED_FROM_WEIGHT = 1
CLOSE_FROM_WEIGHT = 3
# Business days between monitoring contacts and between audits, per level.
CONTACT_EVERY = {
    MonitoringLevel.CLOSE: 20,
    MonitoringLevel.RAISED: 60,
    MonitoringLevel.STANDARD: 120,
}
AUDIT_EVERY = {
    MonitoringLevel.CLOSE: 120,
    MonitoringLevel.RAISED: 180,
    MonitoringLevel.STANDARD: 250,
}
# Close monitoring: the first year after authorization of an operator established less than
# three years before it.
YOUNG_OPERATOR_YEARS = 3
CLOSE_MONITORING_YEARS = 1
# The unit's "upcoming" horizon beyond the current month, in calendar days.
UPCOMING_DAYS = 90


class MonitoringDueKind(models.TextChoices):
    CONTACT = "contact", _("Monitoring contact")
    AUDIT = "audit", _("Audit")


# --- Audits ------------------------------------------------------------------------------------


class AuditStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    NOTIFIED = "notified", _("Notified to the trader")
    PERFORMED = "performed", _("Performed")
    REPORT_ISSUED = "report_issued", _("Report issued")
    CLOSED = "closed", _("Closed")
    CANCELLED = "cancelled", _("Cancelled")


class AuditEventType(models.TextChoices):
    PLANNED = "planned", _("Planned")
    NOTIFIED = "notified", _("Notified to the trader")
    FINDING_RECORDED = "finding_recorded", _("Finding recorded")
    REPORT_ISSUED = "report_issued", _("Report issued")
    CLOSED = "closed", _("Closed")
    CANCELLED = "cancelled", _("Cancelled")


class Severity(models.TextChoices):
    OBSERVATION = "observation", _("Observation")
    MINOR = "minor", _("Minor")
    MAJOR = "major", _("Major")
    CRITICAL = "critical", _("Critical")


class ProposedAction(models.TextChoices):
    """What a critical finding proposes; an official decides on it."""

    NONE = "", _("None")
    REASSESSMENT_OR_SUSPENSION = "reassessment_or_suspension", _("Re-assessment or suspension")


def _no_open_actions(audit) -> bool:
    return not audit.open_corrective_actions().exists()


_AS, _AE = AuditStatus, AuditEventType
AUDIT_WORKFLOW = Workflow(
    name="audit",
    states=AuditStatus,
    events=AuditEventType,
    openings=frozenset({_AE.PLANNED}),
    moves={
        _AE.NOTIFIED: Move(
            frozenset({_AS.PLANNED}), frozenset({_AS.NOTIFIED}), "supervision.conduct_audit"
        ),
        # The first finding marks the audit performed; more may follow until the report.
        _AE.FINDING_RECORDED: Move(
            frozenset({_AS.NOTIFIED, _AS.PERFORMED}),
            frozenset({_AS.PERFORMED}),
            "supervision.conduct_audit",
        ),
        _AE.REPORT_ISSUED: Move(
            frozenset({_AS.PERFORMED}), frozenset({_AS.REPORT_ISSUED}), "supervision.conduct_audit"
        ),
        _AE.CLOSED: Move(
            frozenset({_AS.REPORT_ISSUED}),
            frozenset({_AS.CLOSED}),
            "supervision.conduct_audit",
            conditions=(
                Condition(
                    "corrective_actions_open",
                    _("An audit is closed once each of its corrective actions is accepted."),
                    _no_open_actions,
                ),
            ),
        ),
        _AE.CANCELLED: Move(
            frozenset({_AS.PLANNED, _AS.NOTIFIED}),
            frozenset({_AS.CANCELLED}),
            "supervision.conduct_audit",
        ),
    },
)
OPEN_AUDIT_STATUSES = frozenset({_AS.PLANNED, _AS.NOTIFIED, _AS.PERFORMED, _AS.REPORT_ISSUED})
# What the trader sees: from the notice on (a planned audit is internal until notified).
TRADER_AUDIT_STATUSES = frozenset(set(AuditStatus.values) - {_AS.PLANNED})


# --- Corrective actions ------------------------------------------------------------------------


class CorrectiveActionSource(models.TextChoices):
    FINDING = "finding", _("Audit finding")
    INCIDENT = "incident", _("Incident")
    OTHER = "other", _("Other")


class CorrectiveActionKind(models.TextChoices):
    STANDARD = "standard", _("Corrective action")
    # Japan's 業務改善命令: a corrective action of the formal kind.
    IMPROVEMENT_ORDER = "improvement_order", _("Improvement order")


class CorrectiveActionStatus(models.TextChoices):
    OPEN = "open", _("Open")
    RESPONDED = "responded", _("Responded")
    ACCEPTED = "accepted", _("Accepted")


class CorrectiveActionEventType(models.TextChoices):
    RAISED = "raised", _("Raised")
    RESPONDED = "responded", _("Responded")
    ACCEPTED = "accepted", _("Accepted")
    REOPENED = "reopened", _("Reopened")
    ESCALATED = "escalated", _("Escalated as overdue")


class Verification(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    REOPENED = "reopened", _("Reopened")


def _overdue_unescalated(action) -> bool:
    return action.is_overdue and action.escalated_at is None


_CS, _CE = CorrectiveActionStatus, CorrectiveActionEventType
CORRECTIVE_ACTION_WORKFLOW = Workflow(
    name="corrective_action",
    states=CorrectiveActionStatus,
    events=CorrectiveActionEventType,
    openings=frozenset({_CE.RAISED}),
    moves={
        _CE.RESPONDED: Move(
            frozenset({_CS.OPEN}), frozenset({_CS.RESPONDED}), "supervision.respond_to_action"
        ),
        _CE.ACCEPTED: Move(
            frozenset({_CS.RESPONDED}), frozenset({_CS.ACCEPTED}), "supervision.verify_action"
        ),
        _CE.REOPENED: Move(
            frozenset({_CS.RESPONDED}), frozenset({_CS.OPEN}), "supervision.verify_action"
        ),
        # Only the system (the daily task) escalates, once, an action past its due date.
        _CE.ESCALATED: Move(
            frozenset({_CS.OPEN}),
            perm="supervision.escalate_action",
            conditions=(
                Condition(
                    "not_overdue",
                    _("Only an overdue action is escalated, once."),
                    _overdue_unescalated,
                ),
            ),
        ),
    },
)
MAX_DUE_BUSINESS_DAYS = 250
DEFAULT_DUE_BUSINESS_DAYS = 20


# --- Re-assessment -----------------------------------------------------------------------------


class ReassessmentTrigger(models.TextChoices):
    LEGISLATION_CHANGE = "legislation_change", _("Change in legislation")
    MONITORING_FINDING = "monitoring_finding", _("Monitoring or audit finding")
    HOLDER_INFORMATION = "holder_information", _("Information from the holder")
    OTHER_AUTHORITY = "other_authority", _("Information from another authority")


class ReassessmentOutcome(models.TextChoices):
    CONFIRMED = "confirmed", _("Confirmed")
    CONDITIONS_ADDED = "conditions_added", _("Confirmed with conditions")
    SUSPENSION = "suspension", _("Suspension")
    REVOCATION = "revocation", _("Revocation")


class ReassessmentStatus(models.TextChoices):
    OPEN = "open", _("Open")
    CONCLUDED = "concluded", _("Concluded")


class ReassessmentEventType(models.TextChoices):
    STARTED = "started", _("Started")
    CONCLUDED = "concluded", _("Concluded")


REASSESSMENT_WORKFLOW = Workflow(
    name="reassessment",
    states=ReassessmentStatus,
    events=ReassessmentEventType,
    openings=frozenset({ReassessmentEventType.STARTED}),
    moves={
        ReassessmentEventType.CONCLUDED: Move(
            frozenset({ReassessmentStatus.OPEN}),
            frozenset({ReassessmentStatus.CONCLUDED}),
            "supervision.conclude_reassessment",
        ),
    },
)
