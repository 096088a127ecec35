from datetime import date

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aeo.applications.constants import ConsultationStatus, State, Track
from aeo.core.clock import ClockReading, Pause, read_clock
from aeo.core.models import AppendOnlyModel
from aeo.registry.constants import OperatorRole


class Consultation(models.Model):
    """A prior consultation: the trader talks to the AEO unit before applying."""

    operator = models.ForeignKey(
        "registry.Operator", on_delete=models.PROTECT, related_name="consultations"
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    subject = models.CharField(_("subject"), max_length=200)
    message = models.TextField(_("what would you like to discuss?"), blank=True)
    preferred_date = models.DateField(_("preferred date"), null=True, blank=True)
    status = models.CharField(
        max_length=12, choices=ConsultationStatus.choices, default=ConsultationStatus.REQUESTED
    )
    account_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consultations",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.subject


class Application(models.Model):
    operator = models.ForeignKey(
        "registry.Operator", on_delete=models.PROTECT, related_name="applications"
    )
    office = models.ForeignKey(
        "registry.CustomsOffice",
        on_delete=models.PROTECT,
        related_name="applications",
        help_text=_("The regional AEO unit examining it."),
    )
    self_assessment = models.ForeignKey(
        "requirements.SelfAssessment", on_delete=models.PROTECT, related_name="applications"
    )
    roles = models.JSONField(_("roles applied for"), default=list)
    snapshot = models.JSONField(
        _("self-assessment as submitted"), default=dict, blank=True, editable=False
    )
    state = models.CharField(max_length=20, choices=State.choices, default=State.DRAFT)
    track = models.CharField(max_length=16, choices=Track.choices, default=Track.STANDARD)
    accepted_on = models.DateField(null=True, blank=True)
    extended = models.BooleanField(default=False)
    refusal_reasons = models.JSONField(default=list, blank=True)
    decision_text = models.TextField(blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1, help_text="Optimistic-locking counter.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"AEO application #{self.pk} ({self.operator.legal_name})"

    @property
    def role_labels(self) -> list[str]:
        return [str(OperatorRole(code).label) for code in self.roles]

    @property
    def target_business_days(self) -> int:
        economy = self.operator.economy
        base = (
            economy.sme_decision_business_days
            if self.track == Track.SME_EXPEDITED
            else economy.decision_business_days
        )
        return base + (economy.extension_business_days if self.extended else 0)

    def clock(self, today: date | None = None) -> ClockReading | None:
        """The statutory clock, from acceptance until closing (None before acceptance)."""
        if self.accepted_on is None:
            return None
        end = timezone.localdate(self.closed_at) if self.closed_at else None
        pauses = [Pause(p.started_on, p.ended_on) for p in self.pauses.all()]
        return read_clock(
            calendar=self.operator.economy.calendar_code,
            started=self.accepted_on,
            target=self.target_business_days,
            pauses=pauses,
            today=end or today or timezone.localdate(),
        )


class ApplicationEvent(AppendOnlyModel):
    """Append-only history: every move, with actor, time and comment."""

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="events")
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    action = models.CharField(max_length=40)
    from_state = models.CharField(max_length=20, choices=State.choices, blank=True)
    to_state = models.CharField(max_length=20, choices=State.choices, blank=True)
    comment = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.action} at {self.at:%Y-%m-%d %H:%M}"


class ClockPause(models.Model):
    """Information requested from the trader: the clock stops until the trader responds."""

    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="pauses")
    started_on = models.DateField()
    resume_by = models.DateField(_("respond by"))
    ended_on = models.DateField(null=True, blank=True)
    resume_state = models.CharField(max_length=20, choices=State.choices)
    request = models.TextField(_("information requested"))
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    response = models.TextField(_("response"), blank=True)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ["started_on", "id"]

    def __str__(self) -> str:
        return f"Information requested on {self.started_on}"


class ValidationVisit(models.Model):
    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="visits")
    visited_on = models.DateField(_("visit date"))
    examiner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    findings = models.TextField(_("findings"))
    satisfactory = models.BooleanField(_("requirements met on site"))
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["visited_on", "id"]

    def __str__(self) -> str:
        return f"Validation visit on {self.visited_on}"
