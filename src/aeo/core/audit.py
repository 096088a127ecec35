"""Writing and reading the audit trail. Services call `record` inside their transaction."""

from collections.abc import Iterable
from typing import Any

from django.db import models

from aeo.core import origin
from aeo.core.models import AuditEvent


def object_type(obj: models.Model) -> str:
    return obj._meta.label_lower


def jsonable(value: Any) -> Any:
    if isinstance(value, models.Model):
        return str(value)
    if isinstance(value, list | tuple | set):
        return [jsonable(v) for v in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def diff(before: dict[str, Any], after: dict[str, Any]) -> dict[str, list[Any]]:
    """Fields whose value changed, as {field: [old, new]}."""
    return {
        key: [jsonable(before.get(key)), jsonable(after[key])]
        for key in after
        if jsonable(before.get(key)) != jsonable(after[key])
    }


def record(
    *,
    actor: Any,
    action: str,
    obj: models.Model,
    changes: dict[str, Any] | None = None,
    reason: str = "",
) -> AuditEvent:
    return AuditEvent.objects.create(
        actor=actor if getattr(actor, "pk", None) else None,
        action=action,
        object_type=object_type(obj),
        object_id=str(obj.pk),
        object_repr=str(obj)[:255],
        changes=changes or {},
        reason=reason,
        origin=origin.current()[:200],
    )


def history(objects: Iterable[models.Model]) -> models.QuerySet[AuditEvent]:
    """Audit events of the given objects, newest first."""
    query = models.Q(pk__in=[])
    for obj in objects:
        query |= models.Q(object_type=object_type(obj), object_id=str(obj.pk))
    return AuditEvent.objects.filter(query).select_related("actor")
