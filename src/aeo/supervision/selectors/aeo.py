"""What an AEO sees of its own authorization and supervision on its home page."""

from dataclasses import dataclass, field
from typing import Any

from aeo.authorizations.constants import CURRENT_STATUSES
from aeo.authorizations.models import Authorization
from aeo.supervision.selectors.contacts import current_account_manager
from aeo.supervision.selectors.monitoring import Obligations, obligations_for
from aeo.supervision.selectors.reports import open_incidents, pending_changes


@dataclass
class AEOOverview:
    authorizations: list[Authorization]
    account_manager: Any
    pending_changes: list
    open_incidents: list
    # Suspended AEO types whose plan of measures the holder still owes.
    plans_due: list[Authorization] = field(default_factory=list)
    # Corrective actions to answer and audits announced.
    obligations: Obligations = field(default_factory=lambda: Obligations([], []))


def aeo_overview(operator) -> AEOOverview:
    held = list(
        Authorization.objects.filter(operator=operator, status__in=sorted(CURRENT_STATUSES))
        .select_related("operator")
        .order_by("aeo_number")
    )
    return AEOOverview(
        authorizations=held,
        account_manager=current_account_manager(operator) if held else None,
        pending_changes=list(pending_changes(operator.change_notifications.all())[:10]),
        open_incidents=list(open_incidents(operator.incidents.all())[:10]),
        plans_due=[a for a in held if a.status == "suspended" and not a.measures_plan],
        obligations=obligations_for(operator),
    )
