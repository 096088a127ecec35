"""The AEO and MRA benefits selectivity applies, until the benefits catalogue (issue #11) lands.

One module, so the switch to `benefits.selectors.benefits_for_operator(...)` at merge touches
nothing else. Keyed by AEO type code (`Authorization.aeo_type`, e.g. "IMP"). A factor scales the
random and the top-up selection rates of a declaration whose party holds the benefit: it is
always above zero (AEOs are examined less, never not at all).
"""

from dataclasses import dataclass
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from aeo.core import audit


@dataclass(frozen=True)
class Benefit:
    code: str
    label: str | Promise
    meaning: str | Promise  # what it means in practice, for the officer and the trader
    random_factor: float
    top_up_factor: float

    def __post_init__(self) -> None:
        if not (0 < self.random_factor <= 1 and 0 < self.top_up_factor <= 1):
            raise ValueError(f"{self.code}: a benefit reduces selection, never to zero")


REDUCED_EXAMINATION_IMPORTER = Benefit(
    "reduced_examination_importer",
    _("Reduced examination (AEO importer)"),
    _("A quarter of the random examination rate and a fifth of the top-up."),
    random_factor=0.25,
    top_up_factor=0.2,
)
REDUCED_EXAMINATION_EXPORTER = Benefit(
    "reduced_examination_exporter",
    _("Reduced examination (AEO exporter)"),
    _("A quarter of the random examination rate and a fifth of the top-up."),
    random_factor=0.25,
    top_up_factor=0.2,
)
MRA_REDUCED_EXAMINATION = Benefit(
    "mra_reduced_examination",
    _("Reduced examination under an MRA (partner's AEO)"),
    _("Half of the random examination rate and of the top-up."),
    random_factor=0.5,
    top_up_factor=0.5,
)

# (direction, AEO type code) -> the benefit the trader's authorization gives at the border.
BY_TYPE: dict[tuple[str, str], Benefit] = {
    ("import", "IMP"): REDUCED_EXAMINATION_IMPORTER,
    ("export", "EXP"): REDUCED_EXAMINATION_EXPORTER,
}
BENEFITS = {b.code: b for b in (*BY_TYPE.values(), MRA_REDUCED_EXAMINATION)}


def aeo_benefit(direction: str, aeo_types: frozenset[str] | set[str]) -> Benefit | None:
    """The benefit of the declaring trader's AEO types for a declaration in `direction`."""
    for (d, code), benefit in BY_TYPE.items():
        if d == direction and code in aeo_types:
            return benefit
    return None


def mra_benefit() -> Benefit:
    """The benefit a partner's AEO gets under an MRA in force whose scope covers the goods."""
    return MRA_REDUCED_EXAMINATION


def record_use(*, actor: Any, declaration: Any, code: str) -> None:
    """A benefit used at the border, for the KPIs: `benefits.record_benefit_use` at merge;
    until then an audit event of the declaration."""
    audit.record(
        actor=actor,
        action="declaration.benefit_used",
        obj=declaration,
        changes={"benefit": [None, code]},
    )
