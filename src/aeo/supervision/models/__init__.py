"""Supervision's models, one module per topic; Django finds them all here."""

from aeo.supervision.models.audits import Audit, AuditEvent, Finding
from aeo.supervision.models.changes import ChangeNotification, ChangeNotificationEvent
from aeo.supervision.models.contacts import AccountManagerAssignment, ContactLog
from aeo.supervision.models.corrective_actions import (
    ActionEvidence,
    CorrectiveAction,
    CorrectiveActionEvent,
)
from aeo.supervision.models.incidents import Incident, IncidentEvent, IncidentFile
from aeo.supervision.models.monitoring import MonitoringPlan
from aeo.supervision.models.reassessments import Reassessment, ReassessmentEvent

__all__ = [
    "AccountManagerAssignment",
    "ActionEvidence",
    "Audit",
    "AuditEvent",
    "ChangeNotification",
    "ChangeNotificationEvent",
    "ContactLog",
    "CorrectiveAction",
    "CorrectiveActionEvent",
    "Finding",
    "Incident",
    "IncidentEvent",
    "IncidentFile",
    "MonitoringPlan",
    "Reassessment",
    "ReassessmentEvent",
]
