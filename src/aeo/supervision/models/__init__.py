"""Supervision's models, one module per topic; Django finds them all here."""

from aeo.supervision.models.changes import ChangeNotification, ChangeNotificationEvent
from aeo.supervision.models.contacts import AccountManagerAssignment, ContactLog
from aeo.supervision.models.incidents import Incident, IncidentEvent, IncidentFile

__all__ = [
    "AccountManagerAssignment",
    "ChangeNotification",
    "ChangeNotificationEvent",
    "ContactLog",
    "Incident",
    "IncidentEvent",
    "IncidentFile",
]
