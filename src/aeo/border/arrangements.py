"""What the border takes from the MRA app: the arrangements (their entry into force, state and
monitoring clause) and the partners' answer on a partner AEO, as the status exchange left it.

The answer maps to a lane's `PartnerStatus`: an active AEO of the partner is valid, even when
the partner's data are stale (an outage never takes a benefit away); suspended, revoked, expired
or surrendered is not an AEO; an id the partner never sent (or whose consent was withdrawn) is
unknown. Only a valid AEO under an arrangement in force gets the MRA benefit: the most
favourable of the arrangement's benefits here that reduce examination (`reductions`).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date

from aeo.benefits.models import Benefit
from aeo.border.aeo_benefits import reduces_examination
from aeo.border.constants import PartnerStatus
from aeo.mra import selectors as mra_selectors
from aeo.mra.constants import MRAStatus, VerifiedStatus

# The stages' target where an arrangement's clause sets none: at least 10 % faster.
DEFAULT_TARGETS = {1: -10.0, 2: -10.0}


@dataclass(frozen=True)
class Arrangement:
    partner: str  # the partner economy's ISO code
    entry_into_force: date
    title: str = ""
    applies: bool = True  # in force now (not suspended or terminated)
    directions: tuple[str, ...] = ("import",)  # the goods whose partner AEOs get the benefit
    # The monitoring clause: the rate of change of the mean release time each stage must reach.
    targets: dict[int, float] = field(default_factory=lambda: dict(DEFAULT_TARGETS))
    # Our catalogue's benefits of reduced examination that the partner's AEOs get here.
    reductions: tuple[Benefit, ...] = ()

    def in_force(self, on: date) -> bool:
        return self.applies and on >= self.entry_into_force


def arrangements() -> list[Arrangement]:
    """One entry per partner economy of every arrangement that has entered into force."""
    found = []
    for mra in mra_selectors.arrangements_with_entry_into_force():
        assert mra.in_force_from is not None  # the selector's filter
        targets = {
            i.stage: i.target_change_pct
            for i in mra.indicators.all()
            if i.stage is not None and i.target_change_pct is not None
        }
        for economy in mra.partners.all():
            found.append(
                Arrangement(
                    partner=economy.code,
                    entry_into_force=mra.in_force_from,
                    title=mra.title,
                    applies=mra.status == MRAStatus.IN_FORCE,
                    targets=targets or dict(DEFAULT_TARGETS),
                    reductions=tuple(b for b in mra.benefits_here.all() if reduces_examination(b)),
                )
            )
    return found


def arrangement_with(partner: str) -> Arrangement | None:
    """The arrangement with `partner` that applies now, else the latest that entered into force."""
    mine = [a for a in arrangements() if a.partner == partner.upper()]
    return next((a for a in mine if a.applies), mine[-1] if mine else None)


def _status(answer: mra_selectors.AEOStatus) -> str:
    if answer.status == VerifiedStatus.ACTIVE:
        return PartnerStatus.VALID
    if answer.status == VerifiedStatus.UNKNOWN:
        return PartnerStatus.UNKNOWN
    return PartnerStatus.NOT_AEO


def partner_statuses(pairs: Iterable[tuple[str, str]]) -> dict[tuple[str, str], str]:
    """`PartnerStatus` of each (economy, partner AEO id), in a few queries for any number."""
    return {key: _status(answer) for key, answer in mra_selectors.partner_statuses(pairs).items()}


def partner_aeo_status(economy_code: str, partner_id: str) -> str:
    key = (economy_code.upper(), partner_id)
    return partner_statuses([key])[key]
