from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from aeo.core.models import ChoiceLabels, HistoryEvent
from aeo.core.now import now
from aeo.supervision.constants import (
    ReassessmentEventType,
    ReassessmentOutcome,
    ReassessmentStatus,
    ReassessmentTrigger,
)


class Reassessment(ChoiceLabels):
    """A re-assessment of an AEO against the current requirements version."""

    operator = models.ForeignKey(
        "registry.Operator",
        on_delete=models.PROTECT,
        related_name="reassessments",
        verbose_name=_("operator"),
    )
    trigger = models.CharField(_("trigger"), max_length=20, choices=ReassessmentTrigger.choices)
    reason = models.TextField(_("reason"))
    audit = models.ForeignKey(
        "supervision.Audit",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reassessments",
        verbose_name=_("audit"),
    )
    template = models.ForeignKey(
        "requirements.TemplateVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requirements version"),
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=ReassessmentStatus.choices,
        default=ReassessmentStatus.OPEN,
    )
    outcome = models.CharField(
        _("outcome"), max_length=20, choices=ReassessmentOutcome.choices, blank=True
    )
    conclusion = models.TextField(_("conclusion"), blank=True)
    conditions = models.TextField(_("conditions"), blank=True)
    concluded_at = models.DateTimeField(_("concluded at"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1, help_text="Optimistic-locking counter.")
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    started_at = models.DateTimeField(default=now)

    class Meta:
        ordering = ["-started_at", "-id"]
        verbose_name = _("re-assessment")
        verbose_name_plural = _("re-assessments")

    def __str__(self) -> str:
        return str(_("Re-assessment #%(id)s") % {"id": self.pk})


class ReassessmentEvent(HistoryEvent):
    """Append-only history of a re-assessment."""

    states = ReassessmentStatus
    reassessment = models.ForeignKey(Reassessment, on_delete=models.PROTECT, related_name="events")
    event = models.CharField(_("event"), max_length=40, choices=ReassessmentEventType.choices)

    class Meta(HistoryEvent.Meta):
        verbose_name = _("re-assessment event")
        verbose_name_plural = _("re-assessment events")
