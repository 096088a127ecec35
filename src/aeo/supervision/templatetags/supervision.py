from django import template

from aeo.registry.models import Operator

register = template.Library()


@register.filter
def fact_changes(notification) -> list[tuple[str, object, object]]:
    """(label, registered value, new value) for each registry fact a notification proposes."""
    return [
        (
            str(getattr(Operator._meta.get_field(field), "verbose_name", field)).capitalize(),
            notification.previous.get(field),
            new,
        )
        for field, new in notification.proposed.items()
    ]
