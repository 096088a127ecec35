import uuid
from functools import lru_cache
from typing import Any, ClassVar

from django.conf import settings
from django.db import models
from django.utils.encoding import force_str
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from aeo.core.now import now


@lru_cache(maxsize=1024)
def _choice_labels(field: models.Field, language: str | None) -> dict[Any, str]:
    return {value: str(label) for value, label in field.flatchoices}


class ChoiceLabels(models.Model):
    """`get_FOO_display()` read from a dictionary of the field's labels, made once per field
    and language. Django's hashes every label of the field on each call, and hashing a lazy
    label translates it: a row of a list with a 12-state field cost 12 translations, a
    quarter of the applications dashboard's time. Every model of ours with choices is one
    (a test checks)."""

    class Meta:
        abstract = True

    def _get_FIELD_display(self, field: models.Field) -> str:
        value = getattr(self, field.attname)
        return force_str(_choice_labels(field, get_language()).get(value, value), strings_only=True)


class AppendOnlyQuerySet(models.QuerySet):
    """No bulk path changes history rows: `.update()` and `.delete()` are refused."""

    def update(self, **kwargs):
        raise ValueError(f"{self.model.__name__} rows are append-only.")

    def delete(self):
        raise ValueError(f"{self.model.__name__} rows are append-only.")


class AppendOnlyModel(ChoiceLabels):
    """A history row: written once, never changed or deleted.

    Refused through instances and querysets here, and in the database by a trigger
    (`aeo.core.db.AppendOnly` in each history table's migration).
    """

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        if not self._state.adding:
            raise ValueError(f"{type(self).__name__} rows are append-only.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError(f"{type(self).__name__} rows are append-only.")


class AuditEvent(AppendOnlyModel):
    """Append-only record of one write: who, when, what changed and why."""

    at = models.DateTimeField(_("at"), default=now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=64)
    object_type = models.CharField(_("object type"), max_length=100)
    object_id = models.CharField(_("object id"), max_length=64)
    object_repr = models.CharField(_("object"), max_length=255)
    changes = models.JSONField(_("changes"), default=dict, blank=True)
    reason = models.TextField(_("reason"), blank=True)
    origin = models.CharField(
        _("origin"),
        max_length=200,
        blank=True,
        help_text=_("Where the action came from: a request (id, client address) or a command."),
    )

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["object_type", "object_id", "-at"])]
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.object_repr}"


class HistoryEvent(AppendOnlyModel):
    """One event in a workflow object's history, written by `aeo.core.workflow.transition`.

    A concrete history model adds the foreign key to its object and narrows `event` to its
    workflow's event types (`choices`).
    """

    at = models.DateTimeField(_("at"), default=now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty: the system (e.g. a daily task)."),
    )
    event = models.CharField(_("event"), max_length=40)
    from_state = models.CharField(_("from"), max_length=24, blank=True)
    to_state = models.CharField(_("to"), max_length=24, blank=True)
    comment = models.TextField(_("comment"), blank=True)
    data = models.JSONField(_("data"), default=dict, blank=True)

    # The workflow's states, for labels: set by each concrete history model.
    states: ClassVar[type[models.TextChoices]]

    class Meta:
        abstract = True
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.event} at {self.at:%Y-%m-%d %H:%M}"

    @property
    def from_label(self) -> str:
        return str(self.states(self.from_state).label) if self.from_state else ""

    @property
    def to_label(self) -> str:
        return str(self.states(self.to_state).label) if self.to_state else ""


def stored_file_path(instance: models.Model, filename: str) -> str:
    """A random storage name: the trader's file name is kept in the row, never in the path."""
    return f"evidence/{uuid.uuid4().hex}"


class StoredFile(models.Model):
    """A file in the evidence store (checked by `aeo.core.evidence.store`), kept, never served
    from MEDIA_URL: downloads go through `aeo.core.evidence.file_response` after an access check."""

    file = models.FileField(upload_to=stored_file_path, max_length=100)
    name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    sha256 = models.CharField(max_length=64)
    content_type = models.CharField(max_length=100)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=now)

    class Meta:
        abstract = True
        ordering = ["uploaded_at", "id"]

    def __str__(self) -> str:
        return self.name


class Version(models.Model):
    """A counter that triggers move in the same transaction as each change to the rows that a
    set of answers reads (`aeo.core.db.MovesVersion`, one row per name, made by the first
    change): what `aeo.core.kept` keeps those answers for. It only grows, past the time in
    microseconds, even once emptied. Not a model to write through, nor backed up."""

    name = models.CharField(primary_key=True, max_length=40)
    value = models.BigIntegerField()

    def __str__(self) -> str:
        return f"{self.name} {self.value}"
