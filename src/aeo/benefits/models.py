"""Agencies and their officers, the benefits catalogue, its use, MoUs, OGA-proposed criteria and
joint inspections. Every workflow object keeps its history in an append-only table."""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from aeo.benefits.constants import (
    Authority,
    BenefitEventType,
    BenefitStatus,
    Category,
    Commitment,
    InspectionEventType,
    InspectionResult,
    InspectionStatus,
    Mandate,
    MoUEventType,
    MoUStatus,
    ProposalEventType,
    ProposalStatus,
)
from aeo.core.models import AppendOnlyModel, ChoiceLabels, HistoryEvent
from aeo.core.now import now
from aeo.registry.models import Economy, Operator


def _in_language(en: str, ja: str) -> str:
    """The Japanese text when the active language is Japanese and there is one."""
    return ja if ja and (get_language() or "").startswith("ja") else en


def _administering_economy() -> str:
    return settings.AEO_ECONOMY


class Agency(ChoiceLabels):
    """A government agency other than customs (OGA) that takes part in the AEO programme."""

    code = models.SlugField(_("code"), max_length=16, unique=True)
    name_en = models.CharField(_("name (English)"), max_length=200)
    name_ja = models.CharField(_("name (Japanese)"), max_length=200, blank=True)
    mandate = models.CharField(_("mandate"), max_length=24, choices=Mandate.choices)
    contact = models.TextField(_("contact"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    website = models.URLField(_("website"), max_length=300, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("agency")
        verbose_name_plural = _("agencies")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        return _in_language(self.name_en, self.name_ja)


class AgencyMember(models.Model):
    """An OGA officer acts for exactly one agency."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="agency_membership"
    )
    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="members")

    class Meta:
        verbose_name = _("agency member")
        verbose_name_plural = _("agency members")

    def __str__(self) -> str:
        return f"{self.user} → {self.agency.code}"


class Benefit(ChoiceLabels):
    """What a kind of AEO is granted, by customs (no agency) or by an agency."""

    economy = models.ForeignKey(
        Economy,
        on_delete=models.PROTECT,
        related_name="+",
        default=_administering_economy,
        verbose_name=_("economy"),
    )
    title_en = models.CharField(_("title (English)"), max_length=200)
    title_ja = models.CharField(_("title (Japanese)"), max_length=200, blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    description_ja = models.TextField(_("description (Japanese)"), blank=True)
    # Codes of the economy's AEO types (registry.AEOType), e.g. ["IMP", "BRK"].
    aeo_types = models.JSONField(_("AEO types"), default=list)
    agency = models.ForeignKey(
        Agency,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="benefits",
        verbose_name=_("granting agency"),
        help_text=_("Empty: granted by customs."),
    )
    category = models.CharField(_("category"), max_length=24, choices=Category.choices)
    legal_basis = models.CharField(_("legal basis"), max_length=300, blank=True)
    conditions = models.TextField(_("conditions"), blank=True)
    condition_percent = models.DecimalField(
        _("reduction (%)"), max_digits=5, decimal_places=2, null=True, blank=True
    )
    condition_amount = models.PositiveBigIntegerField(
        _("reduction (amount)"), null=True, blank=True
    )
    valid_from = models.DateField(_("valid from"), null=True, blank=True)
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=BenefitStatus.choices, default=BenefitStatus.DRAFT
    )
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=now)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)

    class Meta:
        ordering = ["agency__code", "category", "title_en", "pk"]
        verbose_name = _("benefit")
        verbose_name_plural = _("benefits")

    def __str__(self) -> str:
        return self.title_en

    @property
    def title(self) -> str:
        return _in_language(self.title_en, self.title_ja)

    @property
    def description(self) -> str:
        return _in_language(self.description_en, self.description_ja)

    @property
    def authority(self) -> str:
        return Authority.CUSTOMS if self.agency_id is None else Authority.AGENCY


class BenefitEvent(HistoryEvent):
    states = BenefitStatus
    benefit = models.ForeignKey(Benefit, on_delete=models.PROTECT, related_name="events")
    event = models.CharField(_("event"), max_length=40, choices=BenefitEventType.choices)

    class Meta(HistoryEvent.Meta):
        verbose_name = _("benefit event")
        verbose_name_plural = _("benefit events")


class BenefitUse(AppendOnlyModel):
    """A benefit given to an AEO once: on which declaration or event, by whom (for the KPIs)."""

    benefit = models.ForeignKey(Benefit, on_delete=models.PROTECT, related_name="uses")
    operator = models.ForeignKey(Operator, on_delete=models.PROTECT, related_name="benefit_uses")
    reference = models.CharField(_("declaration or event"), max_length=200)
    note = models.TextField(_("note"), blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    at = models.DateTimeField(_("at"), default=now, db_index=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("benefit use")
        verbose_name_plural = _("benefit uses")

    def __str__(self) -> str:
        return f"{self.benefit_id} → {self.operator_id} ({self.reference})"


class MoU(ChoiceLabels):
    """A memorandum of understanding between customs and an agency."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="mous")
    title = models.CharField(_("title"), max_length=200)
    scope = models.TextField(_("scope"), blank=True)
    commitments = models.JSONField(_("commitments"), default=list)
    document_reference = models.CharField(
        _("document"),
        max_length=500,
        blank=True,
        help_text=_("Where the signed text is kept: an address or a file reference."),
    )
    signed_on = models.DateField(_("signed on"), null=True, blank=True)
    effective_from = models.DateField(_("effective from"), null=True, blank=True)
    terminated_on = models.DateField(_("terminated on"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=MoUStatus.choices, default=MoUStatus.DRAFT
    )
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=now)

    class Meta:
        ordering = ["agency__code", "-created_at", "pk"]
        verbose_name = _("memorandum of understanding")
        verbose_name_plural = _("memoranda of understanding")

    def __str__(self) -> str:
        return self.title

    @property
    def commitment_labels(self) -> list[str]:
        return [str(Commitment(c).label) for c in self.commitments if c in Commitment.values]


class MoUEvent(HistoryEvent):
    states = MoUStatus
    mou = models.ForeignKey(MoU, on_delete=models.PROTECT, related_name="events")
    event = models.CharField(_("event"), max_length=40, choices=MoUEventType.choices)

    class Meta(HistoryEvent.Meta):
        verbose_name = _("MoU event")
        verbose_name_plural = _("MoU events")


class ProposedCriteria(ChoiceLabels):
    """Criteria an agency proposes for its sector; accepted, they enter the next draft version
    of the requirements catalogue (`criterion`), tagged with the agency's code."""

    agency = models.ForeignKey(Agency, on_delete=models.PROTECT, related_name="proposals")
    text_en = models.TextField(_("criterion (English)"))
    text_ja = models.TextField(_("criterion (Japanese)"), blank=True)
    roles = models.JSONField(_("operator roles"), default=list, blank=True)
    hs_prefixes = models.JSONField(_("goods (HS code prefixes)"), default=list, blank=True)
    # The criterion's questions: [{"text_en", "text_ja", "kind"}] (kinds of the requirements).
    questions = models.JSONField(_("questions"), default=list, blank=True)
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=ProposalStatus.choices,
        default=ProposalStatus.PROPOSED,
    )
    version = models.PositiveIntegerField(default=1)
    proposed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=now)
    decision_reason = models.TextField(_("reason for the decision"), blank=True)
    criterion = models.ForeignKey(
        "requirements.Criterion",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("criterion in the requirements"),
    )
    template_number = models.PositiveIntegerField(_("requirements version"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("proposed criteria")
        verbose_name_plural = _("proposed criteria")

    def __str__(self) -> str:
        return f"{self.agency_id}: {self.text_en[:60]}"

    @property
    def text(self) -> str:
        return _in_language(self.text_en, self.text_ja)


class ProposedCriteriaEvent(HistoryEvent):
    states = ProposalStatus
    proposal = models.ForeignKey(ProposedCriteria, on_delete=models.PROTECT, related_name="events")
    event = models.CharField(_("event"), max_length=40, choices=ProposalEventType.choices)

    class Meta(HistoryEvent.Meta):
        verbose_name = _("proposed criteria event")
        verbose_name_plural = _("proposed criteria events")


class JointInspection(ChoiceLabels):
    """Customs and one or more agencies examine an AEO's goods together, once."""

    operator = models.ForeignKey(
        Operator, on_delete=models.PROTECT, related_name="joint_inspections"
    )
    agencies = models.ManyToManyField(Agency, related_name="joint_inspections")
    place = models.CharField(_("place"), max_length=300)
    reference = models.CharField(_("declaration or consignment"), max_length=200, blank=True)
    scheduled_at = models.DateTimeField(_("scheduled at"), null=True, blank=True)
    performed_at = models.DateTimeField(_("performed at"), null=True, blank=True)
    result = models.CharField(
        _("result"), max_length=16, choices=InspectionResult.choices, blank=True
    )
    findings = models.TextField(_("findings"), blank=True)
    minutes_saved = models.PositiveIntegerField(
        _("minutes saved"),
        null=True,
        blank=True,
        help_text=_("Against separate inspections by customs and each agency."),
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=InspectionStatus.choices,
        default=InspectionStatus.REQUESTED,
    )
    version = models.PositiveIntegerField(default=1)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(default=now)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("joint inspection")
        verbose_name_plural = _("joint inspections")

    def __str__(self) -> str:
        return f"{self.operator_id} @ {self.place}"


class JointInspectionEvent(HistoryEvent):
    states = InspectionStatus
    inspection = models.ForeignKey(JointInspection, on_delete=models.PROTECT, related_name="events")
    event = models.CharField(_("event"), max_length=40, choices=InspectionEventType.choices)

    class Meta(HistoryEvent.Meta):
        verbose_name = _("joint inspection event")
        verbose_name_plural = _("joint inspection events")
