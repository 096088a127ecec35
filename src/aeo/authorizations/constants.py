"""AEO types, authorization states and the one map of allowed status transitions."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from aeo.core.workflow import Move, Workflow
from aeo.registry.constants import OperatorRole


class AEOType(models.TextChoices):
    """The kind of AEO, by the operator's role in the supply chain; also the AEO-number infix."""

    IMPORTER = "IMP", _("AEO Importer")
    EXPORTER = "EXP", _("AEO Exporter")
    CUSTOMS_BROKER = "BRK", _("AEO Customs Broker")
    WAREHOUSE_OPERATOR = "WHS", _("AEO Warehouse Operator")
    LOGISTICS_OPERATOR = "LOG", _("AEO Logistics Operator")
    MANUFACTURER = "MFR", _("AEO Manufacturer")


# Every operator role maps to exactly one AEO type; the roles that move goods for others
# (carriers, forwarders, handlers, couriers, agents, platforms) share the logistics type.
ROLE_TO_TYPE: dict[str, AEOType] = {
    OperatorRole.IMPORTER: AEOType.IMPORTER,
    OperatorRole.EXPORTER: AEOType.EXPORTER,
    OperatorRole.CUSTOMS_BROKER: AEOType.CUSTOMS_BROKER,
    OperatorRole.WAREHOUSE_OPERATOR: AEOType.WAREHOUSE_OPERATOR,
    OperatorRole.MANUFACTURER: AEOType.MANUFACTURER,
    OperatorRole.LOGISTICS_OPERATOR: AEOType.LOGISTICS_OPERATOR,
    OperatorRole.FREIGHT_FORWARDER: AEOType.LOGISTICS_OPERATOR,
    OperatorRole.ROAD_CARRIER: AEOType.LOGISTICS_OPERATOR,
    OperatorRole.SEA_CARRIER: AEOType.LOGISTICS_OPERATOR,
    OperatorRole.AIR_CARRIER: AEOType.LOGISTICS_OPERATOR,
    OperatorRole.GROUND_HANDLER: AEOType.LOGISTICS_OPERATOR,
    OperatorRole.TERMINAL_OPERATOR: AEOType.LOGISTICS_OPERATOR,
    OperatorRole.COURIER: AEOType.LOGISTICS_OPERATOR,
    OperatorRole.SHIPPING_AGENT: AEOType.LOGISTICS_OPERATOR,
    OperatorRole.ECOMMERCE_PLATFORM: AEOType.LOGISTICS_OPERATOR,
}


class AuthorizationStatus(models.TextChoices):
    ACTIVE = "active", _("Active")
    SUSPENDED = "suspended", _("Suspended")
    REVOKED = "revoked", _("Revoked")
    EXPIRED = "expired", _("Expired")
    SURRENDERED = "surrendered", _("Surrendered")


class AuthorizationEventType(models.TextChoices):
    ISSUED = "issued", _("Issued")
    SUSPENDED = "suspended", _("Suspended")
    REINSTATED = "reinstated", _("Reinstated")
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
        _E.REINSTATED: Move(
            frozenset({_S.SUSPENDED}), frozenset({_S.ACTIVE}), "authorizations.reinstate"
        ),
        _E.REVOKED: Move(_HELD, frozenset({_S.REVOKED}), "authorizations.revoke"),
        _E.SURRENDERED: Move(_HELD, frozenset({_S.SURRENDERED}), "authorizations.surrender"),
        # Expiry follows the calendar: only the system (the expiry task, no actor) expires.
        _E.EXPIRED: Move(_HELD, frozenset({_S.EXPIRED}), "authorizations.expire"),
    },
)
# The event that leads to each status (each status is entered by one event).
EVENT_INTO = {next(iter(m.targets)): event for event, m in WORKFLOW.moves.items()}

# States in which the operator still holds the authorization: at most one per operator and
# type, and the ones the expiry task closes when their validity has run out.
CURRENT_STATUSES = _HELD
