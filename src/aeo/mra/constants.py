"""States and maps of the MRA app: arrangements, exchange consent, exchanged record events."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from aeo.core.workflow import Move, Workflow


class MRAStatus(models.TextChoices):
    NEGOTIATING = "negotiating", _("Under negotiation")
    SIGNED = "signed", _("Signed")
    IN_FORCE = "in_force", _("In force")
    SUSPENDED = "suspended", _("Suspended")
    TERMINATED = "terminated", _("Terminated")


class MRAEventType(models.TextChoices):
    OPENED = "opened", _("Negotiations opened")
    SIGNED = "signed", _("Signed")
    ENTERED_INTO_FORCE = "entered_into_force", _("Entered into force")
    SUSPENDED = "suspended", _("Suspended")
    RESUMED = "resumed", _("Resumed")
    TERMINATED = "terminated", _("Terminated")


_M, _ME = MRAStatus, MRAEventType
MRA_WORKFLOW = Workflow(
    name="mra",
    states=MRAStatus,
    events=MRAEventType,
    openings=frozenset({_ME.OPENED}),
    moves={
        _ME.SIGNED: Move(frozenset({_M.NEGOTIATING}), frozenset({_M.SIGNED}), "mra.change_mra"),
        _ME.ENTERED_INTO_FORCE: Move(
            frozenset({_M.SIGNED}), frozenset({_M.IN_FORCE}), "mra.change_mra"
        ),
        _ME.SUSPENDED: Move(frozenset({_M.IN_FORCE}), frozenset({_M.SUSPENDED}), "mra.change_mra"),
        _ME.RESUMED: Move(frozenset({_M.SUSPENDED}), frozenset({_M.IN_FORCE}), "mra.change_mra"),
        _ME.TERMINATED: Move(
            frozenset({_M.NEGOTIATING, _M.SIGNED, _M.IN_FORCE, _M.SUSPENDED}),
            frozenset({_M.TERMINATED}),
            "mra.change_mra",
        ),
    },
)
# The date each event sets on the arrangement (the others are kept in the history's data).
DATE_FIELDS = {
    _ME.SIGNED: "signed_on",
    _ME.ENTERED_INTO_FORCE: "in_force_from",
    _ME.TERMINATED: "terminated_on",
}


class TRSStage(models.IntegerChoices):
    """The Time Release Study's stages a monitoring clause may set a target for."""

    LODGMENT_TO_RELEASE = 1, _("Stage 1: lodgment to release")
    ARRIVAL_TO_DELIVERY = 2, _("Stage 2: arrival to delivery")


class ConsentStatus(models.TextChoices):
    GIVEN = "given", _("Given")
    WITHDRAWN = "withdrawn", _("Withdrawn")


class ConsentEventType(models.TextChoices):
    GIVEN = "given", _("Consent given")
    WITHDRAWN = "withdrawn", _("Consent withdrawn")
    RENEWED = "renewed", _("Consent given again")


_C, _CE = ConsentStatus, ConsentEventType
CONSENT_WORKFLOW = Workflow(
    name="exchange_consent",
    states=ConsentStatus,
    events=ConsentEventType,
    openings=frozenset({_CE.GIVEN}),
    moves={
        _CE.WITHDRAWN: Move(frozenset({_C.GIVEN}), frozenset({_C.WITHDRAWN}), "mra.consent"),
        _CE.RENEWED: Move(frozenset({_C.WITHDRAWN}), frozenset({_C.GIVEN}), "mra.consent"),
    },
)


class IdentifierRule(models.TextChoices):
    """How a partner identifies our AEOs in its declarations (each result is validated)."""

    AEO_NUMBER = "aeo_number", _("Our AEO number as it is")
    TIN = "tin", _("Our TIN as it is")
    CORPORATE_NUMBER_BRANCH = (
        "corporate_branch",
        _("13-digit corporate number and a 4-digit branch (0000)"),
    )
    MRA_CODE = "mra_code", _("MRA code: economy code and AEO number without hyphens")


class RecordEvent(models.TextChoices):
    """What an exchanged record says happened: the register's events and consent."""

    ISSUED = "issued", _("Issued")
    SUSPENDED = "suspended", _("Suspended")
    REINSTATED = "reinstated", _("Suspension lifted")
    REVOKED = "revoked", _("Revoked")
    EXPIRED = "expired", _("Expired")
    SURRENDERED = "surrendered", _("Surrendered")
    DETAILS_CHANGED = "details_changed", _("Name or address confirmed")
    CONSENT_GIVEN = "consent_given", _("Sent in full (consent given or partner added)")
    CONSENT_WITHDRAWN = "consent_withdrawn", _("Consent withdrawn")


# Sent at once; the rest at least daily (`aeo exchange run` from cron, or any immediate send).
IMMEDIATE_EVENTS = frozenset(
    {RecordEvent.SUSPENDED, RecordEvent.REVOKED, RecordEvent.CONSENT_WITHDRAWN}
)


class VerifiedStatus(models.TextChoices):
    """The status `verify_aeo_status` answers for an identifier."""

    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    REVOKED = "revoked", _("Revoked")
    EXPIRED = "expired", _("Expired")
    SURRENDERED = "surrendered", _("Surrendered")
    UNKNOWN = "unknown", _("Unknown")


class Source(models.TextChoices):
    OWN = "own", _("Our register")
    PARTNER = "partner", _("Partner administration")


# At most this many identifiers per verification request, and records per batch.
MAX_VERIFY_IDS = 1000
BATCH_SIZE = 200
# A batch older than this (by its `iat`) is refused as a replay even with a new id.
BATCH_MAX_AGE_SECONDS = 24 * 3600
MESSAGE_TYPE = "aeo-exchange+jws"
