"""Arrangements, exchange consent, partner administrations, the outbox and partners' AEOs."""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from aeo.benefits.constants import Category
from aeo.benefits.models import Benefit
from aeo.core.models import AppendOnlyModel, ChoiceLabels, HistoryEvent
from aeo.core.now import now
from aeo.mra.constants import (
    ConsentEventType,
    ConsentStatus,
    IdentifierRule,
    MRAEventType,
    MRAStatus,
    RecordEvent,
    TRSStage,
)
from aeo.registry.models import Economy, Operator


class Arrangement(ChoiceLabels):
    """A Mutual Recognition Arrangement with one or more partner economies."""

    title = models.CharField(_("title"), max_length=200)
    partners = models.ManyToManyField(
        Economy, related_name="arrangements", verbose_name=_("partner economies")
    )
    legal_act = models.CharField(_("legal act"), max_length=300, blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=MRAStatus.choices, default=MRAStatus.NEGOTIATING
    )
    version = models.PositiveIntegerField(default=1)
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    in_force_from = models.DateField(_("in force from"), null=True, blank=True)
    terminated_on = models.DateField(_("terminated on"), null=True, blank=True)
    # What we grant the partner's AEOs: our published benefits, from the catalogue.
    benefits_here = models.ManyToManyField(
        Benefit,
        blank=True,
        related_name="arrangements",
        verbose_name=_("benefits for the partner's AEOs here"),
    )
    benefits_abroad_notes = models.TextField(
        _("notes on the benefits for our AEOs in the partner economy"), blank=True
    )
    benefits_here_notes = models.TextField(
        _("notes on the benefits for the partner's AEOs here"), blank=True
    )
    partner_identifier = models.TextField(
        _("identifier the partner needs"),
        blank=True,
        help_text=_("Which of your identifiers the partner's customs need, and in what form."),
    )
    declaration_field = models.TextField(_("where it goes in a declaration"), blank=True)
    created_at = models.DateTimeField(default=now)

    class Meta:
        ordering = ["in_force_from", "signed_on", "title"]
        verbose_name = _("mutual recognition arrangement")
        verbose_name_plural = _("mutual recognition arrangements")

    def __str__(self) -> str:
        return self.title


class ArrangementEvent(HistoryEvent):
    states = MRAStatus
    arrangement = models.ForeignKey(Arrangement, on_delete=models.PROTECT, related_name="events")
    event = models.CharField(_("event"), max_length=40, choices=MRAEventType.choices)

    class Meta(HistoryEvent.Meta):
        verbose_name = _("arrangement event")
        verbose_name_plural = _("arrangement events")


class RecognizedType(models.Model):
    """The scope: which of our AEO types (by code) the partner recognizes as which of theirs."""

    arrangement = models.ForeignKey(Arrangement, on_delete=models.CASCADE, related_name="scope")
    our_type = models.CharField(_("our AEO type"), max_length=8)
    partner_type = models.CharField(_("the partner's AEO type"), max_length=200)

    class Meta:
        ordering = ["our_type", "id"]

    def __str__(self) -> str:
        return f"{self.our_type} = {self.partner_type}"


class BenefitAbroad(ChoiceLabels):
    """A benefit the partner grants our AEOs (the catalogue holds only our own benefits), for
    the AEO types of ours (codes) it applies to."""

    arrangement = models.ForeignKey(
        Arrangement, on_delete=models.CASCADE, related_name="benefits_abroad"
    )
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_ja = models.CharField(_("title (Japanese)"), max_length=200, blank=True)
    category = models.CharField(_("category"), max_length=24, choices=Category.choices)
    aeo_types = models.JSONField(_("our AEO types"), default=list)

    class Meta:
        ordering = ["id"]
        verbose_name = _("benefit granted abroad")
        verbose_name_plural = _("benefits granted abroad")

    def __str__(self) -> str:
        return self.title_en

    @property
    def title(self) -> str:
        ja = (get_language() or "").startswith("ja")
        return self.title_ja if ja and self.title_ja else self.title_en


class MonitoringIndicator(ChoiceLabels):
    """The monitoring clause: an indicator and its target, in words; where the indicator is a
    Time Release Study stage, also the rate of change the border measures it against."""

    arrangement = models.ForeignKey(
        Arrangement, on_delete=models.CASCADE, related_name="indicators"
    )
    indicator = models.CharField(_("indicator"), max_length=300)
    target = models.CharField(_("target"), max_length=300)
    stage = models.PositiveSmallIntegerField(
        _("release time stage"), choices=TRSStage.choices, null=True, blank=True
    )
    target_change_pct = models.FloatField(
        _("target rate of change (%)"),
        null=True,
        blank=True,
        help_text=_("The mean release time's change after the entry into force, e.g. -20."),
    )

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.indicator


class ArrangementDocument(models.Model):
    arrangement = models.ForeignKey(Arrangement, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("address"), max_length=500)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return self.title


class ExchangeConsent(ChoiceLabels):
    """An operator's consent to its AEO status being sent to MRA partners (all of them)."""

    operator = models.OneToOneField(
        Operator, on_delete=models.PROTECT, related_name="exchange_consent"
    )
    status = models.CharField(_("status"), max_length=12, choices=ConsentStatus.choices)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        verbose_name = _("exchange consent")
        verbose_name_plural = _("exchange consents")

    def __str__(self) -> str:
        return f"{self.operator_id}: {self.status}"


class ExchangeConsentEvent(HistoryEvent):
    states = ConsentStatus
    consent = models.ForeignKey(ExchangeConsent, on_delete=models.PROTECT, related_name="events")
    event = models.CharField(_("event"), max_length=40, choices=ConsentEventType.choices)


class Partner(ChoiceLabels):
    """A partner administration: where to send, the keys its batches are signed with, and the
    state of the exchange both ways."""

    economy = models.OneToOneField(
        Economy, on_delete=models.PROTECT, related_name="exchange_partner"
    )
    base_url = models.URLField(_("base URL"), max_length=300)
    # Public JWKs (Ed25519, OKP): the current key first; older ones stay during a rotation.
    public_keys = models.JSONField(_("public keys"), default=list)
    identifier_rule = models.CharField(
        _("identifier rule"),
        max_length=20,
        choices=IdentifierRule.choices,
        default=IdentifierRule.AEO_NUMBER,
    )
    frequency_hours = models.PositiveSmallIntegerField(
        _("agreed frequency (hours)"),
        default=24,
        help_text=_("A partner that sends nothing for longer is shown as stale."),
    )
    added_at = models.DateTimeField(default=now)
    # Outbound: the last sequence number given, and the highest the partner has stored.
    last_seq = models.PositiveBigIntegerField(default=0)
    acked_seq = models.PositiveBigIntegerField(default=0)
    last_sent_at = models.DateTimeField(null=True, blank=True)
    last_acked_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)
    attempts = models.PositiveIntegerField(default=0)
    next_retry_at = models.DateTimeField(null=True, blank=True)
    # Inbound: the highest sequence number of theirs we have stored.
    received_seq = models.PositiveBigIntegerField(default=0)
    last_received_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["economy__name"]
        verbose_name = _("partner administration")
        verbose_name_plural = _("partner administrations")

    def __str__(self) -> str:
        return str(self.economy)

    @property
    def pending(self) -> int:
        return self.last_seq - self.acked_seq


class PartnerUser(models.Model):
    """A partner customs account (role partner_customs) acting for one partner administration."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="exchange_partner"
    )
    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="users")

    def __str__(self) -> str:
        return f"{self.user} → {self.partner}"


class OutboxRecord(AppendOnlyModel):
    """One numbered fact for one partner, written in the transaction of the change."""

    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="outbox")
    seq = models.PositiveBigIntegerField()
    event = models.CharField(max_length=24, choices=RecordEvent.choices)
    # The register entry as it stood after the change, with the partner's identifier for it.
    entry = models.JSONField()
    at = models.DateTimeField(default=now)

    class Meta:
        ordering = ["partner", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["partner", "seq"], name="one_outbox_record_per_seq")
        ]

    def __str__(self) -> str:
        return f"{self.partner_id}#{self.seq} {self.event}"


class ReceivedBatch(AppendOnlyModel):
    """Every batch accepted from a partner, by its id: the same id again is a replay."""

    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="batches")
    jti = models.CharField(max_length=64, unique=True)
    first_seq = models.PositiveBigIntegerField()
    last_seq = models.PositiveBigIntegerField()
    applied = models.PositiveIntegerField()
    issued_at = models.DateTimeField()
    received_at = models.DateTimeField(default=now)

    class Meta:
        ordering = ["id"]


class PartnerAEO(models.Model):
    """A partner's AEO as the partner last sent it: it keeps the partner's own identifiers."""

    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="aeos")
    aeo_number = models.CharField(_("AEO number"), max_length=64)
    tin = models.CharField(_("TIN"), max_length=64, blank=True)
    # The identifier we use for this AEO in our declarations (the partner converts it).
    our_id = models.CharField(_("identifier here"), max_length=64, blank=True)
    name = models.CharField(_("name"), max_length=300)
    address = models.TextField(_("address"), blank=True)
    aeo_type = models.CharField(_("AEO type"), max_length=200)
    status = models.CharField(_("status"), max_length=16)
    consent_withdrawn = models.BooleanField(default=False)
    valid_from = models.DateField(null=True, blank=True)
    valid_to = models.DateField(null=True, blank=True)
    seq = models.PositiveBigIntegerField()
    received_at = models.DateTimeField(default=now)

    class Meta:
        ordering = ["partner", "name", "aeo_number"]
        constraints = [
            models.UniqueConstraint(
                fields=["partner", "aeo_number"], name="one_partner_aeo_per_number"
            )
        ]
        # Verification looks a party up by any of its ids: each through an index of its own
        # (the unique constraint's index, partner first, does not serve a number alone).
        indexes = [
            models.Index(fields=["aeo_number"], name="partner_aeo_by_number"),
            models.Index(fields=["tin"], name="partner_aeo_by_tin"),
            models.Index(fields=["our_id"], name="partner_aeo_by_our_id"),
        ]
        verbose_name = _("partner AEO")
        verbose_name_plural = _("partner AEOs")

    def __str__(self) -> str:
        return f"{self.partner_id} {self.aeo_number}"


class PartnerAEOEvent(AppendOnlyModel):
    """Each record a partner sent, once: the partner's AEOs' status history as received."""

    partner = models.ForeignKey(Partner, on_delete=models.PROTECT, related_name="+")
    aeo = models.ForeignKey(PartnerAEO, on_delete=models.PROTECT, related_name="events")
    seq = models.PositiveBigIntegerField()
    event = models.CharField(max_length=24)
    status = models.CharField(max_length=16)
    entry = models.JSONField()
    received_at = models.DateTimeField(default=now)

    class Meta:
        ordering = ["seq"]
        constraints = [
            models.UniqueConstraint(fields=["partner", "seq"], name="one_partner_record_per_seq")
        ]
