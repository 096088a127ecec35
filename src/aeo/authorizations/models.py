from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from aeo.authorizations.constants import CURRENT_STATUSES, AEOType, AuthorizationStatus
from aeo.core.models import AppendOnlyModel
from aeo.registry.models import Economy, Operator


class Authorization(models.Model):
    """One AEO status of one operator for one AEO type; closed by a status, never deleted.

    An operator authorized for several roles holds one authorization per type, because each
    type carries its own benefits and may be suspended or revoked on its own.
    """

    aeo_number = models.CharField(_("AEO number"), max_length=32, unique=True)
    operator = models.ForeignKey(
        Operator,
        on_delete=models.PROTECT,
        related_name="authorizations",
        verbose_name=_("operator"),
    )
    aeo_type = models.CharField(_("AEO type"), max_length=3, choices=AEOType.choices)
    status = models.CharField(
        _("status"),
        max_length=16,
        choices=AuthorizationStatus.choices,
        default=AuthorizationStatus.ACTIVE,
    )
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(
        _("valid to"), null=True, blank=True, help_text=_("Last valid day; empty: indefinite.")
    )
    # The deciding application, by id: the applications app owns that model.
    application_id = models.PositiveBigIntegerField(_("application"), null=True, blank=True)
    issued_at = models.DateTimeField(_("issued at"), auto_now_add=True)

    class Meta:
        ordering = ["operator__legal_name", "aeo_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["operator", "aeo_type"],
                condition=models.Q(status__in=sorted(CURRENT_STATUSES)),
                name="one_current_authorization_per_type",
            )
        ]
        indexes = [models.Index(fields=["status", "valid_to"])]
        verbose_name = _("authorization")
        verbose_name_plural = _("authorizations")

    def __str__(self) -> str:
        return f"{self.aeo_number} {self.get_aeo_type_display()}"


class AuthorizationEvent(AppendOnlyModel):
    """Append-only history of an authorization's status: issuance and every transition."""

    authorization = models.ForeignKey(
        Authorization, on_delete=models.PROTECT, related_name="events"
    )
    at = models.DateTimeField(_("at"), auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("actor"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Empty: the system (e.g. expiry)."),
    )
    from_status = models.CharField(
        _("from"), max_length=16, choices=AuthorizationStatus.choices, blank=True
    )
    to_status = models.CharField(_("to"), max_length=16, choices=AuthorizationStatus.choices)
    reason = models.TextField(_("reason"))

    class Meta:
        ordering = ["at", "id"]
        verbose_name = _("authorization event")
        verbose_name_plural = _("authorization events")

    def __str__(self) -> str:
        return f"{self.authorization.aeo_number}: {self.from_status or '—'} → {self.to_status}"


class AEONumberCounter(models.Model):
    """The last sequence number issued per economy and AEO type, locked while issuing."""

    economy = models.ForeignKey(Economy, on_delete=models.PROTECT, related_name="+")
    aeo_type = models.CharField(max_length=3, choices=AEOType.choices)
    last_value = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["economy", "aeo_type"], name="one_counter_per_type")
        ]

    def __str__(self) -> str:
        return f"{self.economy_id}-{self.aeo_type}: {self.last_value}"
