"""Study values on pages, in the engine's own words for the page's language."""

from typing import Any

from django import template
from django.utils.translation import get_language

from aeo.trs.engine import labels

register = template.Library()


def _lang() -> str:
    return "ja" if (get_language() or "en").startswith("ja") else "en"


@register.filter
def trs_duration(seconds: float | None) -> str:
    return labels.duration(seconds, _lang())


@register.filter
def trs_mode(code: str) -> str:
    return labels.mode(code, _lang())


@register.filter
def trs_lane(code: str | None) -> str:
    return labels.lane(code, _lang()) if code else "—"


@register.filter
def trs_reason(code: str) -> str:
    return labels.reason(code, _lang())


@register.filter
def trs_group(key: dict[str, Any]) -> str:
    return labels.group(key, _lang())


@register.filter
def stage_of(stages: list[dict[str, Any]], n: int) -> dict[str, Any]:
    return next((s for s in stages if s["stage"] == n), {})
