"""Supervision's models, one module per topic; Django finds them all here."""

from aeo.supervision.models.contacts import AccountManagerAssignment, ContactLog

__all__ = ["AccountManagerAssignment", "ContactLog"]
from aeo.supervision.models.audits import Audit, AuditEvent, Finding  # noqa: E402
from aeo.supervision.models.corrective_actions import (  # noqa: E402
    ActionEvidence,
    CorrectiveAction,
    CorrectiveActionEvent,
)
from aeo.supervision.models.monitoring import MonitoringPlan  # noqa: E402
from aeo.supervision.models.reassessments import Reassessment, ReassessmentEvent  # noqa: E402

__all__ += [
    "ActionEvidence",
    "Audit",
    "AuditEvent",
    "CorrectiveAction",
    "CorrectiveActionEvent",
    "Finding",
    "MonitoringPlan",
    "Reassessment",
    "ReassessmentEvent",
]
