from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from aeo.core.models import ChoiceLabels, HistoryEvent, StoredFile
from aeo.core.now import now
from aeo.supervision.constants import IncidentAssessment, IncidentEventType, IncidentStatus


class Incident(ChoiceLabels):
    """An accident or mistake in customs procedures, reported by the AEO to its account manager."""

    operator = models.ForeignKey(
        "registry.Operator",
        on_delete=models.PROTECT,
        related_name="incidents",
        verbose_name=_("operator"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=IncidentStatus.choices, default=IncidentStatus.REPORTED
    )
    version = models.PositiveIntegerField(default=1)
    occurred_at = models.DateTimeField(_("when it happened"))
    summary = models.CharField(_("what happened"), max_length=200)
    details = models.TextField(_("details"), blank=True)
    declarations = models.TextField(
        _("declarations or goods concerned"),
        blank=True,
        help_text=_("Declaration numbers, bills of lading, goods: one per line."),
    )
    actions_taken = models.TextField(_("what was done"), blank=True)
    assessment = models.CharField(
        _("assessment"), max_length=20, choices=IncidentAssessment.choices, blank=True
    )
    reported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    reported_at = models.DateTimeField(_("reported at"), default=now)

    class Meta:
        ordering = ["-reported_at", "-id"]
        indexes = [models.Index(fields=["status", "operator"])]
        verbose_name = _("incident")
        verbose_name_plural = _("incidents")

    def __str__(self) -> str:
        return f"{self.operator.legal_name}: {self.summary}"


class IncidentFile(StoredFile):
    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="files")

    class Meta(StoredFile.Meta):
        verbose_name = _("incident attachment")
        verbose_name_plural = _("incident attachments")


class IncidentEvent(HistoryEvent):
    states = IncidentStatus
    incident = models.ForeignKey(Incident, on_delete=models.PROTECT, related_name="events")
    event = models.CharField(_("event"), max_length=20, choices=IncidentEventType.choices)

    class Meta(HistoryEvent.Meta):
        verbose_name = _("incident event")
        verbose_name_plural = _("incident events")
