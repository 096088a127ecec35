from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from aeo.core.models import ChoiceLabels, HistoryEvent
from aeo.core.now import now
from aeo.supervision.constants import (
    AuditEventType,
    AuditStatus,
    CorrectiveActionStatus,
    ProposedAction,
    Severity,
)


class Audit(ChoiceLabels):
    """A post-authorization audit of one AEO by an auditor of its unit."""

    operator = models.ForeignKey(
        "registry.Operator",
        on_delete=models.PROTECT,
        related_name="audits",
        verbose_name=_("operator"),
    )
    office = models.ForeignKey(
        "registry.CustomsOffice",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("unit"),
    )
    auditor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="audits",
        verbose_name=_("auditor"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=AuditStatus.choices, default=AuditStatus.PLANNED
    )
    planned_on = models.DateField(_("audit date"))
    scope = models.TextField(_("scope"), blank=True)
    # The requirements version the AEO was authorized under: its criteria are the scope.
    template = models.ForeignKey(
        "requirements.TemplateVersion",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("requirements version"),
    )
    notified_at = models.DateTimeField(_("notified at"), null=True, blank=True)
    performed_on = models.DateField(_("performed on"), null=True, blank=True)
    report = models.TextField(_("report"), blank=True)
    report_issued_at = models.DateTimeField(_("report issued at"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed at"), null=True, blank=True)
    proposed_action = models.CharField(
        _("proposed action"), max_length=32, choices=ProposedAction.choices, blank=True
    )
    version = models.PositiveIntegerField(default=1, help_text="Optimistic-locking counter.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=now)

    class Meta:
        ordering = ["-planned_on", "-id"]
        indexes = [models.Index(fields=["status", "planned_on"])]
        verbose_name = _("audit")
        verbose_name_plural = _("audits")

    def __str__(self) -> str:
        return str(_("Audit #%(id)s of %(operator)s") % {"id": self.pk, "operator": self.operator})

    def open_corrective_actions(self):
        from aeo.supervision.models.corrective_actions import CorrectiveAction

        return CorrectiveAction.objects.filter(finding__audit=self).exclude(
            status=CorrectiveActionStatus.ACCEPTED
        )


class AuditEvent(HistoryEvent):
    """Append-only history of an audit."""

    states = AuditStatus
    audit = models.ForeignKey(Audit, on_delete=models.PROTECT, related_name="events")
    event = models.CharField(_("event"), max_length=40, choices=AuditEventType.choices)

    class Meta(HistoryEvent.Meta):
        verbose_name = _("audit event")
        verbose_name_plural = _("audit events")


class Finding(ChoiceLabels):
    """One finding of an audit, against one criterion of the audit's requirements version."""

    audit = models.ForeignKey(Audit, on_delete=models.PROTECT, related_name="findings")
    criterion = models.ForeignKey(
        "requirements.Criterion",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("criterion"),
    )
    severity = models.CharField(_("severity"), max_length=12, choices=Severity.choices)
    description = models.TextField(_("description"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=now)

    class Meta:
        ordering = ["audit", "recorded_at", "id"]
        verbose_name = _("finding")
        verbose_name_plural = _("findings")

    def __str__(self) -> str:
        return f"{self.criterion.code} ({self.get_severity_display()})"
