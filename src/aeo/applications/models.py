from datetime import date

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aeo.applications.constants import (
    CLOCK_STATES,
    DUE_SOON_BUSINESS_DAYS,
    ApplicationEventType,
    ConsultationEventType,
    ConsultationStatus,
    State,
    Track,
)
from aeo.core.clock import ClockReading, ClockState, Pause, clock_state, read_clock
from aeo.core.db import partial_condition
from aeo.core.models import AppendOnlyModel, ChoiceLabels, HistoryEvent
from aeo.core.now import now, today
from aeo.registry.constants import OperatorRole


class Consultation(ChoiceLabels):
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
        _("status"),
        max_length=12,
        choices=ConsultationStatus.choices,
        default=ConsultationStatus.REQUESTED,
    )
    account_manager = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consultations",
    )
    scheduled_for = models.DateTimeField(_("meeting"), null=True, blank=True)
    outcome = models.TextField(_("outcome"), blank=True)
    version = models.PositiveIntegerField(default=1, help_text="Optimistic-locking counter.")
    created_at = models.DateTimeField(default=now)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return self.subject


def bucket(name: str, on: date) -> Q:
    """One of the dashboard's buckets (`URGENCY`) on day `on` among running clocks, as a
    condition on the stored clock (see `Application.clock_state`): exact on any day on which
    the stored state is current (every event that changes a clock stores it, the daily tick
    the paused ones). An overdue application counts as overdue even while paused."""
    overdue = Q(clock_overdue_from__lte=on)
    soon = Q(clock_due_soon_from__lte=on)
    paused = Q(clock_paused=True)
    conditions = {
        "overdue": overdue,
        "due_soon": ~overdue & ~paused & soon,
        "paused": ~overdue & paused,
        "on_track": ~overdue & ~paused & ~soon,
    }
    return conditions[name]


def urgency(name: str, on: date) -> Q:
    """Applications whose clock runs and is in bucket `name` on day `on`."""
    return _RUNNING & bucket(name, on)


# The dashboard's buckets, most urgent first.
URGENCY = ("overdue", "due_soon", "paused", "on_track")
# Running clocks and the queue awaiting acceptance: each a partial index's condition, and the
# same as queries must state it for SQLite to use that index.
_CLOCKED, _RUNNING = partial_condition("state", sorted(CLOCK_STATES))
_AWAITING, AWAITING = partial_condition("state", [State.SUBMITTED])
# The due date, then what `bucket` reads.
_BUCKET_FIELDS = ["clock_due_on", "clock_overdue_from", "clock_due_soon_from", "clock_paused"]


class ApplicationQuerySet(models.QuerySet["Application"]):
    def clocked(self) -> "ApplicationQuerySet":
        return self.filter(_RUNNING)

    def urgency(self, name: str, on: date) -> "ApplicationQuerySet":
        """Bucket `name` on day `on`, soonest due first (an index serves the order)."""
        return self.filter(urgency(name, on)).order_by("clock_due_on", "pk")


class Application(ChoiceLabels):
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
    state = models.CharField(max_length=20, choices=State.choices, default=State.DRAFT)
    track = models.CharField(max_length=16, choices=Track.choices, default=Track.STANDARD)
    accepted_on = models.DateField(null=True, blank=True)
    # The statutory clock's parameters, frozen from the economy's settings at acceptance: a
    # later change of those settings does not move a running deadline.
    clock_calendar = models.CharField(max_length=8, blank=True)
    clock_business_days = models.PositiveSmallIntegerField(null=True, blank=True)
    clock_extension_days = models.PositiveSmallIntegerField(null=True, blank=True)
    extended = models.BooleanField(default=False)
    # The clock as last stored (`clock_state`): by every event that changes it, and daily.
    clock_read_on = models.DateField(null=True, blank=True)
    clock_elapsed = models.PositiveSmallIntegerField(null=True, blank=True)
    clock_due_on = models.DateField(null=True, blank=True)
    clock_paused = models.BooleanField(default=False)
    clock_due_soon_from = models.DateField(null=True, blank=True)
    clock_overdue_from = models.DateField(null=True, blank=True)
    refusal_reasons = models.JSONField(default=list, blank=True)
    decision_text = models.TextField(blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1, help_text="Optimistic-locking counter.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    created_at = models.DateTimeField(default=now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = ApplicationQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        indexes = [
            # Lists newest first, all of them or one unit's, ties broken by id (as `rows_at`
            # and the keyset pages order them).
            models.Index(fields=["created_at", "id"], name="application_by_created"),
            models.Index(fields=["office", "created_at", "id"], name="application_office_created"),
            # Applications awaiting acceptance, oldest first (the dashboard's queue and count),
            # all of them or one unit's (without it, SQLite counted a unit's 132 by reading its
            # 5,283 applications). Partial: one on the state would be SQLite's choice for the
            # clock's buckets.
            models.Index(fields=["updated_at"], condition=_AWAITING, name="application_awaiting"),
            models.Index(
                fields=["office", "updated_at"],
                condition=_AWAITING,
                name="application_office_awaiting",
            ),
            # Running clocks newest first: the lists filtered by urgency (overdue) in list order.
            models.Index(
                fields=["created_at", "id"], condition=_CLOCKED, name="application_running_created"
            ),
            # Running clocks soonest due first, with what `bucket` reads: a dashboard's counts
            # and first rows read the index alone.
            models.Index(fields=_BUCKET_FIELDS, condition=_CLOCKED, name="application_due"),
            models.Index(
                fields=["office", *_BUCKET_FIELDS],
                condition=_CLOCKED,
                name="application_office_due",
            ),
        ]

    def __str__(self) -> str:
        return f"AEO application #{self.pk} ({self.operator.legal_name})"

    def clock_parameters(self) -> dict[str, object]:
        """The clock's parameters as the economy sets them now (frozen at acceptance)."""
        economy = self.operator.economy
        return {
            "clock_calendar": economy.calendar_code,
            "clock_business_days": (
                economy.sme_decision_business_days
                if self.track == Track.SME_EXPEDITED
                else economy.decision_business_days
            ),
            "clock_extension_days": economy.extension_business_days,
        }

    @property
    def check_sheet(self) -> "SubmittedCheckSheet | None":
        """The latest check-sheet copy submitted with the application (what the examiner sees)."""
        copies = list(self.check_sheets.all())
        return copies[-1] if copies else None

    @property
    def role_labels(self) -> list[str]:
        return [str(OperatorRole(code).label) for code in self.roles]

    @property
    def target_business_days(self) -> int | None:
        if self.clock_business_days is None:
            return None
        return self.clock_business_days + (self.clock_extension_days or 0) * self.extended

    def clock(self, on: date | None = None) -> ClockReading | None:
        """The statutory clock, from acceptance until closing (None before acceptance)."""
        target = self.target_business_days
        if self.accepted_on is None or target is None:
            return None
        end = timezone.localdate(self.closed_at) if self.closed_at else None
        pauses = [Pause(p.started_on, p.ended_on) for p in self.pauses.all()]
        return read_clock(
            calendar=self.clock_calendar,
            started=self.accepted_on,
            target=target,
            pauses=pauses,
            today=end or on or today(),
        )

    def clock_state(self, on: date | None = None) -> ClockState | None:
        """The clock to store (None before acceptance): read as of `on` (today), or as of
        the closing day once closed."""
        target = self.target_business_days
        if self.accepted_on is None or target is None:
            return None
        end = timezone.localdate(self.closed_at) if self.closed_at else None
        return clock_state(
            calendar=self.clock_calendar,
            started=self.accepted_on,
            target=target,
            pauses=[Pause(p.started_on, p.ended_on) for p in self.pauses.all()],
            today=end or on or today(),
            soon=DUE_SOON_BUSINESS_DAYS,
            running=self.state in CLOCK_STATES,
        )

    def current_clock(self, on: date | None = None) -> ClockReading | None:
        """The clock as of `on` (today): from the stored state when it was stored that day
        (the daily tick stores every running clock), else recomputed (`clock`)."""
        on = on or today()
        target = self.target_business_days
        if self.clock_read_on != on or self.clock_elapsed is None or target is None:
            return self.clock(on)
        assert self.clock_due_on is not None
        return ClockReading(
            target_business_days=target,
            elapsed_business_days=self.clock_elapsed,
            remaining_business_days=max(0, target - self.clock_elapsed),
            due_date=self.clock_due_on,
            paused=self.clock_paused,
            overdue=self.clock_elapsed > target,
        )

    def stored_clock(self, on: date | None = None) -> dict[str, object]:
        """The `clock_*` column values for `clock_state(on)`."""
        state = self.clock_state(on)
        if state is None:
            return dict.fromkeys(STORED_CLOCK, None) | {"clock_paused": False}
        return {
            "clock_read_on": state.read_on,
            "clock_elapsed": state.elapsed_business_days,
            "clock_due_on": state.due_date,
            "clock_paused": state.paused,
            "clock_due_soon_from": state.due_soon_from,
            "clock_overdue_from": state.overdue_from,
        }


STORED_CLOCK = (
    "clock_read_on",
    "clock_elapsed",
    "clock_due_on",
    "clock_paused",
    "clock_due_soon_from",
    "clock_overdue_from",
)


class ConsultationEvent(HistoryEvent):
    states = ConsultationStatus
    consultation = models.ForeignKey(Consultation, on_delete=models.PROTECT, related_name="events")
    event = models.CharField(_("event"), max_length=40, choices=ConsultationEventType.choices)

    class Meta(HistoryEvent.Meta):
        pass


class ApplicationEvent(HistoryEvent):
    """Append-only history: every move, with actor, time and comment."""

    states = State
    application = models.ForeignKey(Application, on_delete=models.PROTECT, related_name="events")
    event = models.CharField(_("event"), max_length=40, choices=ApplicationEventType.choices)

    class Meta(HistoryEvent.Meta):
        pass


class SubmittedCheckSheet(AppendOnlyModel):
    """An immutable copy of the check sheet, frozen at each submission or response.

    Version 1 is the first submission; a resubmission after a return or a response to a
    request for information adds the next. The examiner sees the latest; history shows which
    one existed when, and `answer_changes` what changed between two.
    """

    application = models.ForeignKey(
        Application, on_delete=models.PROTECT, related_name="check_sheets"
    )
    number = models.PositiveSmallIntegerField(_("version"))
    content = models.JSONField(_("check sheet as submitted"))
    frozen_at = models.DateTimeField(_("frozen at"), default=now)

    class Meta:
        ordering = ["application", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "number"], name="one_check_sheet_per_version"
            )
        ]

    def __str__(self) -> str:
        return f"Check sheet v{self.number} of application #{self.application_id}"


class ClockPause(ChoiceLabels):
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
    recorded_at = models.DateTimeField(default=now)

    class Meta:
        ordering = ["visited_on", "id"]

    def __str__(self) -> str:
        return f"Validation visit on {self.visited_on}"
