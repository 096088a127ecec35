"""Authorization states, suspension grounds and the one map of status transitions."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from aeo.core.workflow import Move, Workflow


class AuthorizationStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    REVOKED = "revoked", _("Revoked")
    EXPIRED = "expired", _("Expired")
    SURRENDERED = "surrendered", _("Surrendered")


class SuspensionGround(models.TextChoices):
    """Why customs suspends an authorization (the grounds of the EU AEO Guidelines)."""

    FACTS_BEING_ESTABLISHED = "facts", _("Facts being established by customs")
    CONDITIONS_NOT_MET = "conditions", _("Conditions or criteria no longer met")
    HOLDER_REQUEST = "holder_request", _("At the holder's request")


# Grounds under which a suspension ends in revocation when its period to remedy runs out
# without the suspension being lifted. Facts being established end by customs' own finding.
REVOKED_WHEN_PERIOD_ENDS = frozenset(
    {SuspensionGround.CONDITIONS_NOT_MET, SuspensionGround.HOLDER_REQUEST}
)
# A revocation bars a new application by the operator for this many years.
REAPPLICATION_BAR_YEARS = 3


class AuthorizationEventType(models.TextChoices):
    ISSUED = "issued", _("Issued")
    SUSPENDED = "suspended", _("Suspended")
    MEASURES_PLANNED = "measures_planned", _("Measures plan submitted")
    REINSTATED = "reinstated", _("Suspension lifted")
    REVOKED = "revoked", _("Revoked")
    SURRENDERED = "surrendered", _("Surrendered")
    EXPIRED = "expired", _("Expired")


_S, _E = AuthorizationStatus, AuthorizationEventType
_HELD = frozenset({_S.ACTIVE, _S.SUSPENDED})
WORKFLOW = Workflow(
    name="authorization",
    states=AuthorizationStatus,
    events=AuthorizationEventType,
    openings=frozenset({_E.ISSUED}),
    moves={
        _E.SUSPENDED: Move(
            frozenset({_S.ACTIVE}), frozenset({_S.SUSPENDED}), "authorizations.suspend"
        ),
        # The holder's plan of measures to remedy a suspension; the state stays suspended.
        _E.MEASURES_PLANNED: Move(frozenset({_S.SUSPENDED}), perm="authorizations.plan_measures"),
        _E.REINSTATED: Move(
            frozenset({_S.SUSPENDED}), frozenset({_S.ACTIVE}), "authorizations.reinstate"
        ),
        _E.REVOKED: Move(_HELD, frozenset({_S.REVOKED}), "authorizations.revoke"),
        _E.SURRENDERED: Move(_HELD, frozenset({_S.SURRENDERED}), "authorizations.surrender"),
        # Expiry follows the calendar: only the system (the expiry task, no actor) expires.
        _E.EXPIRED: Move(_HELD, frozenset({_S.EXPIRED}), "authorizations.expire"),
    },
)
# States in which the operator still holds the authorization: at most one per operator and
# type, and the ones the expiry task closes when their validity has run out.
CURRENT_STATUSES = _HELD
