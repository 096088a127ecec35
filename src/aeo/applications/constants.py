from django.db import models
from django.utils.translation import gettext_lazy as _


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


# The one map of allowed moves. Accepting an application starts its examination (and the clock).
TRANSITIONS: dict[str, frozenset[str]] = {
    State.DRAFT: frozenset({State.SUBMITTED, State.WITHDRAWN}),
    State.SUBMITTED: frozenset({State.UNDER_EXAMINATION, State.RETURNED, State.WITHDRAWN}),
    State.RETURNED: frozenset({State.SUBMITTED, State.WITHDRAWN}),
    State.UNDER_EXAMINATION: frozenset({State.PAUSED, State.VALIDATED, State.WITHDRAWN}),
    State.PAUSED: frozenset(
        {State.UNDER_EXAMINATION, State.VALIDATED, State.WITHDRAWN, State.LAPSED}
    ),
    State.VALIDATED: frozenset({State.PAUSED, State.AUTHORIZED, State.REFUSED, State.WITHDRAWN}),
    State.AUTHORIZED: frozenset(),
    State.REFUSED: frozenset(),
    State.WITHDRAWN: frozenset(),
    State.LAPSED: frozenset(),
}
FINAL_STATES = frozenset(s for s, moves in TRANSITIONS.items() if not moves)
# States in which the statutory clock runs or is paused.
CLOCK_STATES = frozenset({State.UNDER_EXAMINATION, State.PAUSED, State.VALIDATED})


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
    HELD = "held", _("Held")
    CLOSED = "closed", _("Closed")


# Days before the due date from which an application counts as "due soon" on dashboards.
DUE_SOON_BUSINESS_DAYS = 10
