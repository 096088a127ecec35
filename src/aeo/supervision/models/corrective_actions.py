import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from aeo.core.models import ChoiceLabels, HistoryEvent
from aeo.core.now import now, today
from aeo.supervision.constants import (
    CorrectiveActionEventType,
    CorrectiveActionKind,
    CorrectiveActionSource,
    CorrectiveActionStatus,
)


class CorrectiveAction(ChoiceLabels):
    """What an AEO must put right, by a due date in business days of its economy's calendar.

    Raised from an audit finding, from an incident's assessment, or otherwise; the trader
    responds with evidence, the auditor (or account manager) verifies: accepted, or reopened.
    """

    operator = models.ForeignKey(
        "registry.Operator",
        on_delete=models.PROTECT,
        related_name="corrective_actions",
        verbose_name=_("operator"),
    )
    source = models.CharField(
        _("source"),
        max_length=10,
        choices=CorrectiveActionSource.choices,
        default=CorrectiveActionSource.FINDING,
    )
    finding = models.ForeignKey(
        "supervision.Finding",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrective_actions",
        verbose_name=_("finding"),
    )
    incident = models.ForeignKey(
        "supervision.Incident",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="corrective_actions",
        verbose_name=_("incident"),
    )
    kind = models.CharField(
        _("kind"),
        max_length=20,
        choices=CorrectiveActionKind.choices,
        default=CorrectiveActionKind.STANDARD,
    )
    description = models.TextField(_("what must be done"))
    due_business_days = models.PositiveSmallIntegerField(_("business days to respond"))
    due_on = models.DateField(_("due on"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=CorrectiveActionStatus.choices,
        default=CorrectiveActionStatus.OPEN,
    )
    response = models.TextField(_("response"), blank=True)
    responded_at = models.DateTimeField(_("responded at"), null=True, blank=True)
    responded_late = models.BooleanField(_("responded late"), default=False)
    verification_note = models.TextField(_("verification note"), blank=True)
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    verified_at = models.DateTimeField(_("verified at"), null=True, blank=True)
    escalated_at = models.DateTimeField(_("escalated at"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, help_text="Optimistic-locking counter.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=now)

    class Meta:
        ordering = ["due_on", "id"]
        indexes = [models.Index(fields=["status", "due_on"])]
        verbose_name = _("corrective action")
        verbose_name_plural = _("corrective actions")

    def __str__(self) -> str:
        return str(_("Corrective action #%(id)s") % {"id": self.pk})

    @property
    def is_overdue(self) -> bool:
        return self.status == CorrectiveActionStatus.OPEN and self.due_on < today()


class CorrectiveActionEvent(HistoryEvent):
    """Append-only history of a corrective action."""

    states = CorrectiveActionStatus
    action = models.ForeignKey(CorrectiveAction, on_delete=models.PROTECT, related_name="events")
    event = models.CharField(_("event"), max_length=40, choices=CorrectiveActionEventType.choices)

    class Meta(HistoryEvent.Meta):
        verbose_name = _("corrective action event")
        verbose_name_plural = _("corrective action events")


def action_evidence_path(instance: "ActionEvidence", filename: str) -> str:
    """A random storage name: the trader's file name is kept in the row, never in the path."""
    return f"evidence/actions/{uuid.uuid4().hex}"


class ActionEvidence(models.Model):
    """A file the trader sent with its response, checked like check-sheet evidence."""

    action = models.ForeignKey(CorrectiveAction, on_delete=models.PROTECT, related_name="evidence")
    file = models.FileField(upload_to=action_evidence_path, max_length=100)
    name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size (bytes)"))
    sha256 = models.CharField(max_length=64)
    content_type = models.CharField(max_length=100)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=now)

    class Meta:
        ordering = ["uploaded_at", "id"]
        verbose_name = _("evidence")
        verbose_name_plural = _("evidence")

    def __str__(self) -> str:
        return self.name
