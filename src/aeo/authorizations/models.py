from django.db import models
from django.utils.translation import gettext_lazy as _

from aeo.authorizations.constants import (
    CURRENT_STATUSES,
    AuthorizationEventType,
    AuthorizationStatus,
    SuspensionGround,
)
from aeo.core.models import AppendOnlyModel, ChoiceLabels, HistoryEvent
from aeo.core.now import now
from aeo.registry import selectors as registry_selectors
from aeo.registry.models import Economy, Operator


class Authorization(ChoiceLabels):
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
    # The code of one of the economy's AEO types (registry reference data), also the
    # AEO-number infix.
    aeo_type = models.CharField(_("AEO type"), max_length=3)
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
    issued_at = models.DateTimeField(_("issued at"), default=now)
    # The current suspension, while suspended (past ones are in the history's data).
    suspension_ground = models.CharField(
        _("ground for suspension"), max_length=16, choices=SuspensionGround.choices, blank=True
    )
    remedy_by = models.DateField(_("period to remedy ends"), null=True, blank=True)
    measures_plan = models.TextField(_("the holder's plan of measures"), blank=True)

    class Meta:
        ordering = ["operator__legal_name", "aeo_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["operator", "aeo_type"],
                condition=models.Q(status__in=sorted(CURRENT_STATUSES)),
                name="one_current_authorization_per_type",
            )
        ]
        indexes = [
            models.Index(fields=["status", "valid_to"]),
            models.Index(fields=["status", "remedy_by"]),
        ]
        verbose_name = _("authorization")
        verbose_name_plural = _("authorizations")

    def __str__(self) -> str:
        return f"{self.aeo_number} {self.get_aeo_type_display()}"

    def get_aeo_type_display(self) -> str:
        """The type's name in the active language, from the economy's reference data."""
        return registry_selectors.aeo_type_name(self.operator.economy_id, self.aeo_type)


class AuthorizationEvent(HistoryEvent):
    """Append-only history of an authorization's status: issuance and every transition."""

    states = AuthorizationStatus
    authorization = models.ForeignKey(
        Authorization, on_delete=models.PROTECT, related_name="events"
    )
    event = models.CharField(_("event"), max_length=40, choices=AuthorizationEventType.choices)

    class Meta(HistoryEvent.Meta):
        verbose_name = _("authorization event")
        verbose_name_plural = _("authorization events")


class RegisterChange(AppendOnlyModel):
    """A domain event: what partners and the register must hear of an authorization.

    Written in the transaction of the change itself, so it exists exactly when the change
    committed; it carries the whole register entry as it stood after the change. Readers (the
    MRA exchange) keep their own position in this sequence by `id`.
    """

    authorization = models.ForeignKey(
        Authorization, on_delete=models.PROTECT, related_name="register_changes"
    )
    at = models.DateTimeField(default=now, db_index=True)
    event = models.CharField(max_length=40)
    entry = models.JSONField()

    class Meta:
        ordering = ["id"]
        verbose_name = _("register change")
        verbose_name_plural = _("register changes")

    def __str__(self) -> str:
        return f"{self.id}: {self.event} {self.entry.get('aeo_number')}"


class AEONumberCounter(models.Model):
    """The last sequence number issued per economy and AEO type, locked while issuing."""

    economy = models.ForeignKey(Economy, on_delete=models.PROTECT, related_name="+")
    aeo_type = models.CharField(max_length=3)
    last_value = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["economy", "aeo_type"], name="one_counter_per_type")
        ]

    def __str__(self) -> str:
        return f"{self.economy_id}-{self.aeo_type}: {self.last_value}"
