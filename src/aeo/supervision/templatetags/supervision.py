from django import template

from aeo.core import audit
from aeo.registry.models import Operator

register = template.Library()


@register.filter
def fact_changes(notification) -> list[tuple[str, str, str]]:
    """(label, registered value, new value) for each registry fact a notification proposes."""
    return audit.changes_in_words(
        Operator,
        {
            field: [notification.previous.get(field), new]
            for field, new in notification.proposed.items()
        },
    )
