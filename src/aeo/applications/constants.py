from django.db import models
from django.utils.translation import gettext_lazy as _

from aeo.core.workflow import Condition, Move, Workflow


class State(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    RETURNED = "returned", _("Returned as incomplete")
    UNDER_EXAMINATION = "under_examination", _("Under examination")
    PAUSED = "paused", _("Paused: information requested")
    VALIDATED = "validated", _("Validation visit recorded")
    AUTHORIZED = "authorized", _("Authorized")
    REFUSED = "refused", _("Refused")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    LAPSED = "lapsed", _("Lapsed")


class ApplicationEventType(models.TextChoices):
    """What can happen to an application: its history's event types."""

    CREATED = "created", _("Created")
    SUBMITTED = "submitted", _("Submitted")
    ACCEPTED = "accepted", _("Accepted for examination")
    RETURNED = "returned", _("Returned as incomplete")
    INFORMATION_REQUESTED = "information_requested", _("Information requested")
    INFORMATION_PROVIDED = "information_provided", _("Information provided")
    VISIT_RECORDED = "validation_visit_recorded", _("Validation visit recorded")
    DEADLINE_EXTENDED = "deadline_extended", _("Deadline extended")
    AUTHORIZED = "decided_authorized", _("Authorized")
    REFUSED = "decided_refused", _("Refused")
    WITHDRAWN = "withdrawn", _("Withdrawn")
    LAPSED = "lapsed", _("Lapsed")


# States in which the statutory clock runs or is paused.
CLOCK_STATES = frozenset({State.UNDER_EXAMINATION, State.PAUSED, State.VALIDATED})
OPEN_STATES = frozenset({State.DRAFT, State.SUBMITTED, State.RETURNED, *CLOCK_STATES})

NOT_EXTENDED = Condition(
    "already_extended",
    _("The deadline has already been extended once."),
    lambda application: not application.extended,
)
WAITING_FOR_INFORMATION = Condition(
    "not_waiting",
    _("This application is not waiting for information."),
    lambda application: application.pauses.filter(ended_on__isnull=True).count() == 1,
)
APPLY, EXAMINE = "applications.apply", "applications.examine"

WORKFLOW = Workflow(
    name="application",
    states=State,
    events=ApplicationEventType,
    state_field="state",
    openings=frozenset({ApplicationEventType.CREATED}),
    moves={
        ApplicationEventType.SUBMITTED: Move(
            frozenset({State.DRAFT, State.RETURNED}), frozenset({State.SUBMITTED}), APPLY
        ),
        ApplicationEventType.ACCEPTED: Move(
            frozenset({State.SUBMITTED}), frozenset({State.UNDER_EXAMINATION}), EXAMINE
        ),
        ApplicationEventType.RETURNED: Move(
            frozenset({State.SUBMITTED}), frozenset({State.RETURNED}), EXAMINE
        ),
        ApplicationEventType.INFORMATION_REQUESTED: Move(
            frozenset({State.UNDER_EXAMINATION, State.VALIDATED}),
            frozenset({State.PAUSED}),
            EXAMINE,
        ),
        # The examination resumes where it was paused.
        ApplicationEventType.INFORMATION_PROVIDED: Move(
            frozenset({State.PAUSED}),
            frozenset({State.UNDER_EXAMINATION, State.VALIDATED}),
            APPLY,
            (WAITING_FOR_INFORMATION,),
            illegal=_("This application is not waiting for information."),
        ),
        ApplicationEventType.VISIT_RECORDED: Move(
            frozenset({State.UNDER_EXAMINATION}),
            frozenset({State.VALIDATED}),
            EXAMINE,
            illegal=_("A visit is recorded on an application under examination."),
        ),
        ApplicationEventType.DEADLINE_EXTENDED: Move(
            CLOCK_STATES,
            frozenset(),
            EXAMINE,
            (NOT_EXTENDED,),
            illegal=_("Only an application under examination can be extended."),
        ),
        ApplicationEventType.AUTHORIZED: Move(
            frozenset({State.VALIDATED}),
            frozenset({State.AUTHORIZED}),
            EXAMINE,
            illegal=_("Record the validation visit before deciding."),
        ),
        ApplicationEventType.REFUSED: Move(
            frozenset({State.VALIDATED}),
            frozenset({State.REFUSED}),
            EXAMINE,
            illegal=_("Record the validation visit before deciding."),
        ),
        ApplicationEventType.WITHDRAWN: Move(OPEN_STATES, frozenset({State.WITHDRAWN}), APPLY),
        # Only the daily task (no actor) lapses a pause whose respond-by date has passed.
        ApplicationEventType.LAPSED: Move(
            frozenset({State.PAUSED}),
            frozenset({State.LAPSED}),
            "applications.lapse",
            (WAITING_FOR_INFORMATION,),
        ),
    },
)
FINAL_STATES = frozenset(State.values) - OPEN_STATES


class Track(models.TextChoices):
    STANDARD = "standard", _("Standard")
    SME_EXPEDITED = "sme_expedited", _("SME expedited")


class Outcome(models.TextChoices):
    AUTHORIZED = "authorized", _("Authorize")
    REFUSED = "refused", _("Refuse")


class RefusalReason(models.TextChoices):
    """Why applications are refused, coded so that the reasons can be studied."""

    COMPLIANCE_RECORD = "compliance_record", _("Compliance record insufficient")
    OPERATIONAL_ABILITY = "operational_ability", _("Ability to conduct operations not shown")
    SECURITY = "security", _("Cargo, conveyance or premises security insufficient")
    COMPLIANCE_PROGRAMME = "compliance_programme", _("Compliance programme insufficient")
    FINANCIAL_INTEGRITY = "financial_integrity", _("Financial integrity not shown")
    INTERNAL_AUDIT = "internal_audit", _("Internal audit arrangements insufficient")
    TRAINING = "training", _("Education and training insufficient")
    INFORMATION_NOT_PROVIDED = "information_not_provided", _("Requested information not provided")
    OTHER = "other", _("Other (see text)")


class ConsultationStatus(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    SCHEDULED = "scheduled", _("Scheduled")
    HELD = "held", _("Held")
    CLOSED = "closed", _("Closed")


class ConsultationEventType(models.TextChoices):
    REQUESTED = "requested", _("Requested")
    SCHEDULED = "scheduled", _("Scheduled")
    HELD = "held", _("Held")
    CLOSED = "closed", _("Closed")


CONSULTATION_WORKFLOW = Workflow(
    name="consultation",
    states=ConsultationStatus,
    events=ConsultationEventType,
    openings=frozenset({ConsultationEventType.REQUESTED}),
    moves={
        # Rescheduling is scheduling again.
        ConsultationEventType.SCHEDULED: Move(
            frozenset({ConsultationStatus.REQUESTED, ConsultationStatus.SCHEDULED}),
            frozenset({ConsultationStatus.SCHEDULED}),
            "applications.handle_consultation",
        ),
        ConsultationEventType.HELD: Move(
            frozenset({ConsultationStatus.SCHEDULED}),
            frozenset({ConsultationStatus.HELD}),
            "applications.handle_consultation",
        ),
        # Closed after it was held, or without meeting (e.g. answered by phone, or cancelled).
        ConsultationEventType.CLOSED: Move(
            frozenset(
                {
                    ConsultationStatus.REQUESTED,
                    ConsultationStatus.SCHEDULED,
                    ConsultationStatus.HELD,
                }
            ),
            frozenset({ConsultationStatus.CLOSED}),
            "applications.handle_consultation",
        ),
    },
)


# Days before the due date from which an application counts as "due soon" on dashboards.
DUE_SOON_BUSINESS_DAYS = 10
