"""The partner AEO check and the arrangements in force, until the MRA app (issue #12) lands.

`partner_aeo_status` becomes `mra.selectors.partner_aeo_status(economy_code, partner_id)`; until
then every partner AEO is "unknown" (as the exchange answers during a partner's outage), so no
MRA benefit is applied. The arrangements are reference data here: the entry-into-force date is
also a parameter of the monitoring page, for arrangements not listed.
"""

from dataclasses import dataclass, field
from datetime import date

UNKNOWN = "unknown"


def partner_aeo_status(economy_code: str, partner_id: str) -> str:
    """ "valid", "not_aeo" or "unknown" for the partner's AEO id, as the MRA exchange answers."""
    return UNKNOWN


@dataclass(frozen=True)
class Arrangement:
    partner: str  # the partner economy's ISO code
    entry_into_force: date
    directions: tuple[str, ...] = ("import",)  # the goods whose partner AEOs get the benefit
    # The monitoring clause: the rate of change of the mean release time each stage must reach
    # (e.g. -10.0: at least 10 % faster after the entry into force).
    targets: dict[int, float] = field(default_factory=lambda: {1: -10.0, 2: -10.0})

    def in_force(self, on: date) -> bool:
        return on >= self.entry_into_force


# The APEC study's case (Table 2): the Chinese Taipei-Japan arrangement, in force 2019-05-22.
ARRANGEMENTS: tuple[Arrangement, ...] = (Arrangement("TW", date(2019, 5, 22)),)


def arrangement_with(partner: str) -> Arrangement | None:
    return next((a for a in ARRANGEMENTS if a.partner == partner), None)
