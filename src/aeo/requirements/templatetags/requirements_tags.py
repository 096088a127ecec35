from typing import Any

from django import template

register = template.Library()


@register.filter
def get_item(mapping: dict[Any, Any], key: Any) -> Any:
    """`mapping[key]` in a template, e.g. the error message for one question."""
    return mapping.get(key, "") if mapping else ""
