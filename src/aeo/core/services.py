"""Writes the kernel owns: reference data saved from the admin."""

from typing import Any

from django.db import models, transaction

from aeo.core import audit


@transaction.atomic
def save_reference_data(*, actor: Any, obj: models.Model, before: dict[str, Any]) -> None:
    """Validate and save a reference-data row changed in the admin, with its audit event.

    `before` holds the changed fields' previous values.
    """
    obj.full_clean()
    obj.save()
    audit.record(
        actor=actor,
        action=f"{obj._meta.model_name}.changed",
        obj=obj,
        changes=audit.diff(before, {name: getattr(obj, name) for name in before}),
        reason="admin",
    )
