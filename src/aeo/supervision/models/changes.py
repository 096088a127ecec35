from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from aeo.core.models import ChoiceLabels, HistoryEvent
from aeo.core.now import now
from aeo.supervision.constants import ChangeCategory, ChangeEventType, ChangeStatus


class ChangeNotification(ChoiceLabels):
    """A change that may affect the authorization, reported by the operator without delay.

    `proposed` holds new values of registry facts (legal name, address, employees); they reach
    the registry only when an official confirms. `previous` keeps the values they replace, as
    they were when the notification was made.
    """

    operator = models.ForeignKey(
        "registry.Operator",
        on_delete=models.PROTECT,
        related_name="change_notifications",
        verbose_name=_("operator"),
    )
    status = models.CharField(
        _("status"), max_length=16, choices=ChangeStatus.choices, default=ChangeStatus.SUBMITTED
    )
    version = models.PositiveIntegerField(default=1)
    category = models.CharField(_("what changed"), max_length=20, choices=ChangeCategory.choices)
    description = models.TextField(_("description"))
    effective_on = models.DateField(_("effective on"))
    proposed = models.JSONField(_("new values"), default=dict, blank=True)
    previous = models.JSONField(_("previous values"), default=dict, blank=True)
    adverse = models.BooleanField(
        _("adverse"),
        default=False,
        help_text=_("Set by the official: the change weakens compliance or security."),
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    submitted_at = models.DateTimeField(_("submitted at"), default=now)

    class Meta:
        ordering = ["-submitted_at", "-id"]
        indexes = [models.Index(fields=["status", "operator"])]
        verbose_name = _("change notification")
        verbose_name_plural = _("change notifications")

    def __str__(self) -> str:
        return f"{self.operator.legal_name}: {self.get_category_display()}"


class ChangeNotificationEvent(HistoryEvent):
    states = ChangeStatus
    notification = models.ForeignKey(
        ChangeNotification, on_delete=models.PROTECT, related_name="events"
    )
    event = models.CharField(_("event"), max_length=20, choices=ChangeEventType.choices)

    class Meta(HistoryEvent.Meta):
        verbose_name = _("change notification event")
        verbose_name_plural = _("change notification events")
