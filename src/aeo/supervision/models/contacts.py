from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from aeo.core.models import ChoiceLabels
from aeo.core.now import now
from aeo.supervision.constants import ContactKind


class AccountManagerAssignment(models.Model):
    """The named official who looks after an operator, from consultation through monitoring.

    An operator has at most one open assignment; a change closes the old one (kept as history).
    """

    operator = models.ForeignKey(
        "registry.Operator", on_delete=models.PROTECT, related_name="account_managers"
    )
    manager = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="managed_operators"
    )
    assigned_at = models.DateTimeField(default=now)
    ended_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-assigned_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["operator"],
                condition=models.Q(ended_at__isnull=True),
                name="one_open_account_manager",
            )
        ]

    def __str__(self) -> str:
        return f"{self.manager} → {self.operator}"


class ContactLog(ChoiceLabels):
    operator = models.ForeignKey(
        "registry.Operator", on_delete=models.PROTECT, related_name="contacts"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=ContactKind.choices)
    occurred_at = models.DateTimeField(_("when"))
    summary = models.CharField(_("summary"), max_length=200)
    notes = models.TextField(_("notes"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    recorded_at = models.DateTimeField(default=now)

    class Meta:
        ordering = ["-occurred_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.summary}"
