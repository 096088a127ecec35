from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from aeo.border.constants import (
    DeclarationEventType,
    DeclarationStatus,
    Direction,
    ExaminationResult,
    ImportStatus,
    Lane,
    PartnerStatus,
    TransportMode,
)
from aeo.core.models import ChoiceLabels, HistoryEvent
from aeo.core.now import now

PERCENT = [MinValueValidator(0), MaxValueValidator(100)]


class DeclarationImport(ChoiceLabels):
    """One intake call or uploaded file: its counts, its refused rows, and its progress.

    The declarations it stored point to it; its audit event covers them all (a bulk intake
    writes no history row per declaration: their history starts with the first move).
    """

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("started"), default=now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    source = models.CharField(_("source"), max_length=16)  # "api", "upload", "demo"
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    file = models.FileField(upload_to="declaration-imports/", blank=True)
    update_existing = models.BooleanField(_("update declarations already lodged"), default=False)
    status = models.CharField(
        _("status"), max_length=16, choices=ImportStatus.choices, default=ImportStatus.QUEUED
    )
    total_bytes = models.PositiveBigIntegerField(default=0)
    read_bytes = models.PositiveBigIntegerField(default=0)
    rows = models.PositiveIntegerField(_("rows read"), default=0)
    created = models.PositiveIntegerField(_("declarations created"), default=0)
    updated = models.PositiveIntegerField(_("declarations updated"), default=0)
    rejected = models.PositiveIntegerField(_("rows refused"), default=0)
    # The first refused rows: [{"line", "field", "code", "message"}]
    errors = models.JSONField(default=list, blank=True)
    failure = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("declaration import")
        verbose_name_plural = _("declaration imports")

    def __str__(self) -> str:
        return f"{self.source} {self.created_at:%Y-%m-%d %H:%M} ({self.rows})"

    @property
    def progress_pct(self) -> int:
        if self.status == ImportStatus.DONE:
            return 100
        return int(self.read_bytes * 100 / self.total_bytes) if self.total_bytes else 0


class Declaration(ChoiceLabels):
    """An import or export declaration with the times the Time Release Study measures.

    Goods lines are kept as JSON (`[{"hs_code", "origin", "value"}]`): they are read with their
    declaration, by selectivity and by the officer, never on their own.
    """

    number = models.CharField(_("declaration number"), max_length=35, unique=True)
    office = models.ForeignKey(
        "registry.CustomsOffice",
        on_delete=models.PROTECT,
        related_name="declarations",
        verbose_name=_("office"),
    )
    direction = models.CharField(_("direction"), max_length=6, choices=Direction.choices)
    transport_mode = models.CharField(
        _("transport mode"), max_length=4, choices=TransportMode.choices
    )
    declarant_tin = models.CharField(_("declarant or broker (TIN)"), max_length=20, blank=True)
    declarant = models.ForeignKey(
        "registry.Operator",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("declarant or broker"),
    )
    trader_tin = models.CharField(_("importer or exporter (TIN)"), max_length=20)
    trader = models.ForeignKey(
        "registry.Operator",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="declarations",
        verbose_name=_("importer or exporter"),
    )
    partner_economy = models.CharField(_("partner economy"), max_length=2)
    partner_name = models.CharField(_("consignor or consignee abroad"), max_length=200, blank=True)
    partner_aeo_id = models.CharField(_("partner's AEO id"), max_length=40, blank=True)
    lines = models.JSONField(_("goods lines"), default=list)
    total_value = models.DecimalField(_("value"), max_digits=16, decimal_places=2, default=0)
    arrived_at = models.DateTimeField(_("arrival"), null=True, blank=True)
    lodged_at = models.DateTimeField(_("lodgment"))
    released_at = models.DateTimeField(_("release"), null=True, blank=True)
    delivered_at = models.DateTimeField(_("delivery"), null=True, blank=True)

    status = models.CharField(
        _("status"),
        max_length=10,
        choices=DeclarationStatus.choices,
        default=DeclarationStatus.LODGED,
    )
    version = models.PositiveIntegerField(default=1)
    lane = models.CharField(_("lane"), max_length=5, choices=Lane.choices, blank=True)
    # Why: {"criteria": [...], "random": {...}, "top_up": {...}, "benefit": {...}, ...}
    lane_reason = models.JSONField(_("why this lane"), default=dict, blank=True)
    lane_seed = models.BigIntegerField(_("selection seed"), null=True, blank=True)
    lane_assigned_at = models.DateTimeField(null=True, blank=True)
    importer_aeo = models.BooleanField(_("AEO trader when selected"), default=False)
    partner_status = models.CharField(
        _("partner AEO status when selected"),
        max_length=8,
        choices=PartnerStatus.choices,
        blank=True,
    )
    examination_result = models.CharField(
        _("examination result"), max_length=16, choices=ExaminationResult.choices, blank=True
    )
    examination_note = models.TextField(_("examination note"), blank=True)
    oga_required = models.BooleanField(_("an agency must clear the goods"), default=False)
    oga_agency = models.CharField(_("agency"), max_length=100, blank=True)
    oga_cleared_at = models.DateTimeField(_("cleared by the agency"), null=True, blank=True)
    joint_inspection_requested = models.BooleanField(_("joint inspection requested"), default=False)
    source = models.ForeignKey(
        DeclarationImport,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="declarations",
    )

    class Meta:
        ordering = ["-lodged_at", "-id"]
        indexes = [
            models.Index(
                fields=["office", "status", "lane", "-lodged_at"], name="declaration_queue"
            ),
            models.Index(fields=["trader", "-lodged_at"], name="declaration_by_trader"),
            models.Index(fields=["partner_economy", "lodged_at"], name="declaration_by_partner"),
        ]
        verbose_name = _("declaration")
        verbose_name_plural = _("declarations")

    def __str__(self) -> str:
        return self.number


class DeclarationEvent(HistoryEvent):
    states = DeclarationStatus
    declaration = models.ForeignKey(Declaration, on_delete=models.PROTECT, related_name="events")
    event = models.CharField(_("event"), max_length=32, choices=DeclarationEventType.choices)

    class Meta(HistoryEvent.Meta):
        verbose_name = _("declaration event")
        verbose_name_plural = _("declaration events")


class SelectivitySettings(ChoiceLabels):
    """Expected lane rates, the minimum random rate and score thresholds of one office and
    direction (office empty: every office without settings of its own)."""

    office = models.ForeignKey(
        "registry.CustomsOffice",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("office"),
    )
    direction = models.CharField(_("direction"), max_length=6, choices=Direction.choices)
    expected_paper_pct = models.DecimalField(
        _("expected paper review (%)"), max_digits=5, decimal_places=2, validators=PERCENT
    )
    expected_exam_pct = models.DecimalField(
        _("expected cargo examination (%)"), max_digits=5, decimal_places=2, validators=PERCENT
    )
    random_pct = models.DecimalField(
        _("minimum random examination (%)"), max_digits=5, decimal_places=2, validators=PERCENT
    )
    paper_score = models.PositiveIntegerField(_("score for paper review"), default=50)
    exam_score = models.PositiveIntegerField(_("score for cargo examination"), default=100)
    # Top-up probabilities of the last batch (what one-by-one selection uses until the next).
    top_up_paper = models.FloatField(default=0.0)
    top_up_exam = models.FloatField(default=0.0)
    version = models.PositiveIntegerField(default=1)
    updated_at = models.DateTimeField(default=now)

    class Meta:
        ordering = ["office__code", "direction"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "direction"], name="one_selectivity_per_office_direction"
            ),
            models.UniqueConstraint(
                fields=["direction"],
                condition=models.Q(office__isnull=True),
                name="one_default_selectivity_per_direction",
            ),
        ]
        verbose_name = _("selectivity settings")
        verbose_name_plural = _("selectivity settings")

    def __str__(self) -> str:
        return f"{self.office or '*'} {self.direction}"


class Criterion(ChoiceLabels):
    """A selectivity criterion: conditions on a declaration's fields, with a lane or a score.

    Empty conditions match every declaration. A criterion is retired, never deleted.
    """

    code = models.CharField(_("code"), max_length=30, unique=True)
    description = models.CharField(_("description"), max_length=200)
    office = models.ForeignKey(
        "registry.CustomsOffice",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("office"),
    )
    direction = models.CharField(
        _("direction"), max_length=6, choices=Direction.choices, blank=True
    )
    transport_mode = models.CharField(
        _("transport mode"), max_length=4, choices=TransportMode.choices, blank=True
    )
    hs_prefixes = models.JSONField(_("HS code prefixes"), default=list, blank=True)
    origins = models.JSONField(_("origins"), default=list, blank=True)
    partner_economy = models.CharField(_("partner economy"), max_length=2, blank=True)
    party_tin = models.CharField(_("party (TIN)"), max_length=20, blank=True)
    min_value = models.DecimalField(
        _("value from"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    max_value = models.DecimalField(
        _("value up to"), max_digits=16, decimal_places=2, null=True, blank=True
    )
    lane = models.CharField(_("lane"), max_length=5, choices=Lane.choices, blank=True)
    score = models.PositiveIntegerField(_("score"), default=0)
    instructions = models.TextField(_("instructions for the examining officer"), blank=True)
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=now)
    retired_at = models.DateTimeField(_("retired"), null=True, blank=True)
    retired_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    retired_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("selectivity criterion")
        verbose_name_plural = _("selectivity criteria")

    def __str__(self) -> str:
        return f"{self.code}: {self.description}"


class TrsRun(ChoiceLabels):
    """A Time Release Study run kept with its result: an MRA's monitoring from the platform's
    declarations, or `compare`/`report` on an uploaded file."""

    kind = models.CharField(_("kind"), max_length=16)  # "monitoring", "compare", "report"
    params = models.JSONField(default=dict)
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    file = models.FileField(upload_to="trs-inputs/", blank=True)
    status = models.CharField(
        _("status"), max_length=16, choices=ImportStatus.choices, default=ImportStatus.QUEUED
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    created_at = models.DateTimeField(_("started"), default=now)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    result = models.JSONField(default=dict, blank=True)
    csv = models.TextField(blank=True)
    html = models.TextField(blank=True)
    failure = models.TextField(blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("time release study run")
        verbose_name_plural = _("time release study runs")

    def __str__(self) -> str:
        return f"{self.kind} {self.created_at:%Y-%m-%d %H:%M}"
