from django.db import models
from django.utils.translation import gettext_lazy as _

from aeo.core.models import ChoiceLabels
from aeo.core.now import now
from aeo.supervision.constants import MonitoringLevel


class MonitoringPlan(ChoiceLabels):
    """The monitoring plan of one AEO: its level and factors (derived from risk) and the next
    monitoring contact and audit it schedules. Refreshed by the daily task and after every
    supervision event that changes the risk; `services.monitoring.refresh_plan` writes it."""

    operator = models.OneToOneField(
        "registry.Operator",
        on_delete=models.PROTECT,
        related_name="monitoring_plan",
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
    level = models.CharField(
        _("level"), max_length=10, choices=MonitoringLevel.choices, default=MonitoringLevel.STANDARD
    )
    risk_weight = models.PositiveSmallIntegerField(_("risk weight"), default=0)
    factors = models.JSONField(_("risk factors"), default=list, blank=True)
    authorized_on = models.DateField(_("first authorized on"))
    close_until = models.DateField(_("close monitoring until"), null=True, blank=True)
    next_contact_on = models.DateField(_("next monitoring contact"))
    next_audit_on = models.DateField(_("next audit"))
    refreshed_at = models.DateTimeField(_("refreshed at"), default=now)

    class Meta:
        ordering = ["next_contact_on", "operator__legal_name"]
        indexes = [
            models.Index(fields=["next_contact_on"]),
            models.Index(fields=["next_audit_on"]),
        ]
        verbose_name = _("monitoring plan")
        verbose_name_plural = _("monitoring plans")

    def __str__(self) -> str:
        return f"{self.operator}: {self.get_level_display()}"
