"""Audit events in words on pages: `{% load audit_words %}`, then `event|changes_in_words`."""

from typing import Any

from django import template

from aeo.core import audit
from aeo.core.models import AuditEvent

register = template.Library()


@register.filter
def changes_in_words(event: AuditEvent) -> list[tuple[str, str, str]]:
    """(field, old, new) of an audit event, with field names, choice labels and Yes/No."""
    return audit.changes_in_words(audit.model_of(event), event.changes)


@register.filter
def action_in_words(event: AuditEvent) -> Any:
    return audit.action_in_words(event)
