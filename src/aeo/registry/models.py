from django.db import models
from django.db.models.functions import Coalesce
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from aeo.core.models import ChoiceLabels
from aeo.core.now import now
from aeo.registry.constants import DEFAULT_SME_EMPLOYEE_CAP, OfficeKind, OperatorRole


class Economy(models.Model):
    """A customs territory with its AEO programme facts and business-day calendar."""

    code = models.CharField(_("code"), max_length=2, primary_key=True)
    name = models.CharField(_("name"), max_length=100)
    programme_name = models.CharField(_("AEO programme"), max_length=150, blank=True)
    programme_launch_year = models.PositiveSmallIntegerField(
        _("programme launched"), null=True, blank=True
    )
    validity_years = models.PositiveSmallIntegerField(
        _("validity (years)"),
        null=True,
        blank=True,
        help_text=_("Empty: authorizations are valid indefinitely."),
    )
    sme_employee_cap = models.PositiveIntegerField(
        _("SME employee cap"),
        null=True,
        blank=True,
        help_text=_("Empty: the IFC definition (fewer than 300 employees) applies."),
    )
    calendar_code = models.CharField(
        _("holiday calendar"),
        max_length=8,
        blank=True,
        help_text=_("Code in the holidays package; empty: weekends only."),
    )
    apec_member = models.BooleanField(_("APEC member"), default=True)
    # The statutory clock: the common 90 + 30 business-day rule, and a shorter SME track.
    decision_business_days = models.PositiveSmallIntegerField(
        _("decision target (business days)"), default=90
    )
    extension_business_days = models.PositiveSmallIntegerField(
        _("extension (business days)"), default=30
    )
    sme_decision_business_days = models.PositiveSmallIntegerField(
        _("SME expedited target (business days)"), default=60
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("economy")
        verbose_name_plural = _("economies")

    def __str__(self) -> str:
        return self.name

    @property
    def effective_sme_cap(self) -> int:
        return self.sme_employee_cap or DEFAULT_SME_EMPLOYEE_CAP

    @property
    def validity_label(self) -> str:
        if self.validity_years is None:
            return str(_("Indefinite"))
        return str(_("%(n)d years") % {"n": self.validity_years})


class AEOType(models.Model):
    """A type of AEO as an economy's programme defines it (reference data, per economy).

    `code` is the infix of the AEO numbers of the type (JP-IMP-000001); `roles` are the
    operator roles that may hold it. A role no type of the economy admits cannot be authorized.
    """

    economy = models.ForeignKey(
        Economy, on_delete=models.PROTECT, related_name="aeo_types", verbose_name=_("economy")
    )
    code = models.CharField(_("code"), max_length=3)
    name_en = models.CharField(_("name (English)"), max_length=100)
    name_ja = models.CharField(_("name (Japanese)"), max_length=100, blank=True)
    roles = models.JSONField(_("operator roles that may hold it"), default=list)
    position = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["economy", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["economy", "code"], name="unique_aeo_type_code")
        ]
        verbose_name = _("AEO type")
        verbose_name_plural = _("AEO types")

    def __str__(self) -> str:
        return self.name

    @property
    def name(self) -> str:
        """The name in the active language (English where no Japanese name is given)."""
        if (get_language() or "").startswith("ja") and self.name_ja:
            return self.name_ja
        return self.name_en

    @property
    def role_labels(self) -> list[str]:
        return [str(OperatorRole(code).label) for code in self.roles]


class CustomsOffice(ChoiceLabels):
    economy = models.ForeignKey(Economy, on_delete=models.PROTECT, related_name="offices")
    code = models.CharField(_("code"), max_length=20)
    name = models.CharField(_("name"), max_length=150)  # in English
    name_ja = models.CharField(_("name (Japanese)"), max_length=150, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=OfficeKind.choices)
    has_aeo_unit = models.BooleanField(_("has an AEO unit"), default=False)

    class Meta:
        ordering = ["economy", "kind", "name"]
        constraints = [
            models.UniqueConstraint(fields=["economy", "code"], name="unique_office_code")
        ]
        verbose_name = _("customs office")
        verbose_name_plural = _("customs offices")

    def __str__(self) -> str:
        return self.localized_name

    @property
    def localized_name(self) -> str:
        """The name in the active language (English where no Japanese name is given), as
        `AEOType.name` gives its own; `name` stays the English name that lists sort by."""
        if (get_language() or "").startswith("ja") and self.name_ja:
            return self.name_ja
        return self.name

    @property
    def is_aeo_center(self) -> bool:
        return self.kind == OfficeKind.AEO_CENTER

    def acts_for(self, office_id: int | None) -> bool:
        """The one unit rule: an official posted here acts for the AEO unit of `office_id`
        when it is this office, or for every unit from the AEO Center."""
        return self.is_aeo_center or (office_id is not None and office_id == self.pk)

    def holds(self, operator: "Operator") -> bool:
        """`acts_for` the unit of the operator's region (read only when it decides)."""
        if self.is_aeo_center:
            return True
        region = operator.region if operator.region_id is not None else None
        return region is not None and self.acts_for(region.office_id)


class Region(models.Model):
    """A subdivision of an economy (a prefecture in Japan), routed to one regional office."""

    economy = models.ForeignKey(Economy, on_delete=models.PROTECT, related_name="regions")
    code = models.CharField(_("code"), max_length=10)
    name = models.CharField(_("name"), max_length=100)
    office = models.ForeignKey(
        CustomsOffice, on_delete=models.PROTECT, related_name="regions", verbose_name=_("office")
    )

    class Meta:
        ordering = ["economy", "code"]
        constraints = [
            models.UniqueConstraint(fields=["economy", "code"], name="unique_region_code")
        ]

    def __str__(self) -> str:
        return self.name


class OperatorQuerySet(models.QuerySet["Operator"]):
    def with_sme(self) -> "OperatorQuerySet":
        """Annotate `sme_cap`; SME status itself is derived, never stored."""
        return self.annotate(
            sme_cap=Coalesce("economy__sme_employee_cap", models.Value(DEFAULT_SME_EMPLOYEE_CAP))
        )

    def smes(self) -> "OperatorQuerySet":
        return self.with_sme().filter(employee_count__lte=models.F("sme_cap"))

    def non_smes(self) -> "OperatorQuerySet":
        return self.with_sme().filter(employee_count__gt=models.F("sme_cap"))


class Operator(models.Model):
    """A legal entity in the supply chain, identified by its TIN within its economy."""

    economy = models.ForeignKey(
        Economy, on_delete=models.PROTECT, related_name="operators", verbose_name=_("economy")
    )
    tin = models.CharField(_("TIN"), max_length=20)
    legal_name = models.CharField(_("legal name"), max_length=200)
    address = models.TextField(_("address"), blank=True)
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="operators",
        verbose_name=_("region"),
    )
    employee_count = models.PositiveIntegerField(_("employees"))
    established_on = models.DateField(
        _("established on"),
        null=True,
        blank=True,
        help_text=_("Operators established less than three years ago are closely monitored."),
    )
    email = models.EmailField(_("contact e-mail"), blank=True)
    created_at = models.DateTimeField(default=now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = OperatorQuerySet.as_manager()

    class Meta:
        ordering = ["legal_name"]
        constraints = [
            models.UniqueConstraint(fields=["economy", "tin"], name="unique_tin_per_economy")
        ]
        # The registry's order with its tie-break: a page of it (and the ids a deep page
        # skips) reads the index, not a sort of every operator.
        indexes = [models.Index(fields=["legal_name", "id"], name="operator_by_name")]
        verbose_name = _("operator")
        verbose_name_plural = _("operators")

    def __str__(self) -> str:
        return f"{self.legal_name} ({self.tin})"

    @property
    def is_sme(self) -> bool:
        return self.employee_count <= self.economy.effective_sme_cap

    @property
    def role_codes(self) -> list[str]:
        return sorted(r.role for r in self.roles.all())

    @property
    def role_labels(self) -> list[str]:
        return [str(OperatorRole(code).label) for code in self.role_codes]

    @property
    def office(self) -> CustomsOffice | None:
        return self.region.office if self.region else None


class OperatorRoleAssignment(ChoiceLabels):
    operator = models.ForeignKey(Operator, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(_("role"), max_length=32, choices=OperatorRole.choices)

    class Meta:
        ordering = ["role"]
        constraints = [
            models.UniqueConstraint(fields=["operator", "role"], name="unique_operator_role")
        ]

    def __str__(self) -> str:
        return self.get_role_display()
