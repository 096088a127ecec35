"""Writing and reading the audit trail. Services call `record` inside their transaction."""

from collections.abc import Iterable
from typing import Any

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

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


# The last part of an audit action ("operator.updated") in words; other actions are shown as
# the model's name and the action's own words.
VERBS = {
    "created": _("%(model)s created"),
    "updated": _("%(model)s updated"),
    "closed": _("%(model)s closed"),
    "logged": _("%(model)s logged"),
}
EMPTY = "—"


def _field(model: type[models.Model] | None, name: str) -> Any:
    if model is None:
        return None
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        return None


def _choices(field: Any) -> dict[str, Any]:
    """A field's choice labels; for a relation, those of the one choice field of its rows."""
    if field is None:
        return {}
    if getattr(field, "choices", None):
        return {str(k): v for k, v in field.flatchoices}
    if field.is_relation and field.related_model is not None:
        fields = [f for f in field.related_model._meta.concrete_fields if f.choices]
        if len(fields) == 1:
            return {str(k): v for k, v in fields[0].flatchoices}
    return {}


def field_label(model: type[models.Model] | None, name: str) -> str:
    """A changed field's name as people say it ("employee_count" → "Employees")."""
    field = _field(model, name)
    if field is None:
        return capfirst(name.replace("_", " "))
    if field.is_relation and field.auto_created and field.related_model is not None:
        return str(capfirst(field.related_model._meta.verbose_name_plural))
    return str(capfirst(field.verbose_name))


def value_label(model: type[models.Model] | None, name: str, value: Any) -> str:
    """A recorded value in words: a choice's label, Yes/No, "—" for nothing."""
    if value is None or value == "" or value == []:
        return EMPTY
    if isinstance(value, bool):
        return str(_("Yes") if value else _("No"))
    labels = _choices(_field(model, name))
    if isinstance(value, list):
        return ", ".join(str(labels.get(str(v), v)) for v in value)
    return str(labels.get(str(value), value))


def changes_in_words(
    model: type[models.Model] | None, changes: dict[str, Any]
) -> list[tuple[str, str, str]]:
    """(field, old, new) in words for each recorded change ({field: [old, new]})."""
    rows = []
    for name, change in changes.items():
        old, new = (
            change if isinstance(change, list | tuple) and len(change) == 2 else (None, change)
        )
        rows.append(
            (field_label(model, name), value_label(model, name, old), value_label(model, name, new))
        )
    return rows


def model_of(event: AuditEvent) -> type[models.Model] | None:
    try:
        return apps.get_model(event.object_type)
    except (LookupError, ValueError):
        return None


def action_in_words(event: AuditEvent) -> str:
    """ "operator.updated" → "Operator updated"."""
    model = model_of(event)
    verb = event.action.rpartition(".")[2]
    if model is None or verb not in VERBS:
        return event.action
    return str(VERBS[verb] % {"model": capfirst(model._meta.verbose_name)})
