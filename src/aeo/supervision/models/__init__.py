"""Supervision's models, one module per topic; Django finds them all here."""

from aeo.supervision.models.contacts import AccountManagerAssignment, ContactLog

__all__ = ["AccountManagerAssignment", "ContactLog"]
