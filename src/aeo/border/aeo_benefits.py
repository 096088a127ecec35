"""The examination modifiers selectivity applies: our AEOs' from the benefits catalogue, partner
AEOs' under an MRA in force; and the record of their use for the KPIs.

An AEO's modifier is the published customs benefit of category "low rate of inspections",
valid on the lodgment day, of an AEO type the party holds that day (active authorization) whose
roles match its part in the declaration: the importer on imports, the exporter on exports, the
declarant when it is our AEO customs broker. Its condition percent (required to publish one) is
the reduction of the random and top-up rates, floored so that an AEO is examined less, never not
at all. A partner's AEO gets the most favourable such benefit of those the arrangement in force
gives partner AEOs (`benefits_here`). The catalogue is read once per batch, the authorizations
once (`benefits.selectors.held_type_spans`).
"""

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.conf import settings
from django.db.models import Q
from django.utils.translation import get_language

from aeo.benefits import selectors as benefit_selectors
from aeo.benefits import services as benefit_services
from aeo.benefits.constants import BenefitStatus, Category
from aeo.benefits.models import Benefit as CatalogueBenefit
from aeo.benefits.models import BenefitUse
from aeo.core import audit
from aeo.registry import selectors as registry_selectors
from aeo.registry.constants import OperatorRole
from aeo.registry.models import Operator

MIN_FACTOR = 0.001  # one thousandth (selectivity's MILLI): reduced, never zero
ROLE_OF = {"import": OperatorRole.IMPORTER, "export": OperatorRole.EXPORTER}


@dataclass(frozen=True)
class Modifier:
    """A catalogue benefit as selectivity applies it."""

    code: str
    title_en: str
    title_ja: str
    random_factor: float
    top_up_factor: float
    benefit_id: int

    def __post_init__(self) -> None:
        if not (0 < self.random_factor <= 1 and 0 < self.top_up_factor <= 1):
            raise ValueError(f"{self.code}: a benefit reduces selection, never to zero")


def factor(percent: Decimal) -> float:
    """The share of the rates left by a reduction of `percent` (never below the floor)."""
    return max(MIN_FACTOR, round(1 - float(percent) / 100, 3))


def share_left(benefit: CatalogueBenefit) -> float:
    """The share of the rates a benefit that `reduces_examination` leaves."""
    assert benefit.condition_percent is not None
    return factor(benefit.condition_percent)


def modifier_of(benefit: CatalogueBenefit) -> Modifier:
    share = share_left(benefit)
    return Modifier(
        f"benefit-{benefit.pk}", benefit.title_en, benefit.title_ja, share, share, benefit.pk
    )


def title(reason_benefit: dict[str, Any]) -> str:
    """A recorded benefit's title in the active language."""
    ja = reason_benefit.get("title_ja") or ""
    return ja if ja and (get_language() or "").startswith("ja") else reason_benefit["title_en"]


def reduces_examination(benefit: CatalogueBenefit) -> bool:
    """A published customs benefit of low rate of inspections with its reduction: what
    selectivity applies."""
    return (
        benefit.status == BenefitStatus.PUBLISHED
        and benefit.category == Category.LOW_INSPECTION
        and benefit.agency_id is None
        and benefit.condition_percent is not None
    )


def most_favourable(benefits: Iterable[CatalogueBenefit], on: date) -> CatalogueBenefit | None:
    """The benefit of `benefits` valid on `on` that reduces the rates the most."""
    fitting = [
        b
        for b in benefits
        if (b.valid_from is None or b.valid_from <= on) and (b.valid_to is None or b.valid_to >= on)
    ]
    return min(fitting, key=share_left, default=None)


class Catalogue:
    """The published customs benefits of low rate of inspections (one query), and the types
    whose roles match each part a party plays."""

    def __init__(self, economy: str | None = None) -> None:
        self.economy = economy or settings.AEO_ECONOMY
        self.benefits = [
            b
            for b in CatalogueBenefit.objects.filter(
                economy_id=self.economy, category=Category.LOW_INSPECTION
            ).order_by("pk")
            if reduces_examination(b)
        ]
        types = registry_selectors.aeo_types(self.economy)
        self.types_of_role: dict[str, set[str]] = {
            role: {t.code for t in types if role in t.roles}
            for role in (*ROLE_OF.values(), OperatorRole.CUSTOMS_BROKER)
        }

    def best(self, held: set[str], role: str, on: date) -> CatalogueBenefit | None:
        """The most favourable benefit of the `held` types that admit `role`, valid on `on`."""
        codes = held & self.types_of_role.get(role, set())
        return most_favourable((b for b in self.benefits if codes & set(b.aeo_types)), on)


def held_types(rows: Sequence[dict[str, Any]], days: Sequence[date]) -> list[dict[str, set]]:
    """Per row, the AEO types its trader and declarant hold on its day (one query in all)."""
    tins = {r["trader_tin"] for r in rows} | {r.get("declarant_tin") or "" for r in rows}
    spans = benefit_selectors.held_type_spans(settings.AEO_ECONOMY, tins - {""})

    def on(tin: str, day: date) -> set[str]:
        return {
            code
            for code, start, end in spans.get(tin, ())
            if start <= day and (end is None or end >= day)
        }

    return [
        {"trader": on(r["trader_tin"], day), "declarant": on(r.get("declarant_tin") or "", day)}
        for r, day in zip(rows, days, strict=True)
    ]


def aeo_modifier(
    catalogue: Catalogue, row: dict[str, Any], held: dict[str, set], on: date
) -> tuple[Modifier | None, str]:
    """The modifier our AEO parties give the declaration, and the TIN of the one holding it."""
    found = []
    role = ROLE_OF.get(row["direction"])
    if role is not None and (b := catalogue.best(held["trader"], role, on)):
        found.append((b, row["trader_tin"]))
    declarant = row.get("declarant_tin") or ""
    broker = catalogue.best(held["declarant"], OperatorRole.CUSTOMS_BROKER, on)
    if declarant and declarant != row["trader_tin"] and broker is not None:
        found.append((broker, declarant))
    if not found:
        return None, ""
    benefit, tin = min(found, key=lambda pair: share_left(pair[0]))
    return modifier_of(benefit), tin


def record_use(
    *, actor: Any, benefit_id: int, operator_id: int, number: str, on: date | None
) -> None:
    """One declaration's benefit, once (re-assignment counts it no second time); the reference
    is the declaration's number."""
    if BenefitUse.objects.filter(benefit_id=benefit_id, reference=number).exists():
        return
    benefit = CatalogueBenefit.objects.get(pk=benefit_id)
    benefit_services.record_benefit_use(
        actor=None,
        benefit=benefit,
        operator=Operator.objects.get(pk=operator_id),
        reference=number,
        note=_used_note(actor),
        on=on,
    )


def _used_note(actor: Any) -> str:
    by = getattr(actor, "username", "") or "system"
    return f"Lane assignment ({by})"


def record_uses(*, actor: Any, uses: Iterable[tuple[int, int, str]], obj: Any) -> int:
    """A batch's benefits (benefit id, operator id, declaration number), each declaration's once:
    the ones not yet recorded in one insert, one audit event on `obj` (the batch's office or
    import) for the batch."""
    wanted = {(b, o, n) for b, o, n in uses}
    if not wanted:
        return 0
    known = set(
        BenefitUse.objects.filter(
            Q(reference__in={r for _b, _o, r in wanted}),
            benefit_id__in={b for b, _o, _r in wanted},
        ).values_list("benefit_id", "reference")
    )
    note = _used_note(actor)
    fresh = [
        BenefitUse(benefit_id=b, operator_id=o, reference=r, note=note)
        for b, o, r in sorted(wanted)
        if (b, r) not in known
    ]
    BenefitUse.objects.bulk_create(fresh)
    if fresh:
        audit.record(
            actor=actor,
            action="benefit.used_in_batch",
            obj=obj,
            changes={"benefit_uses": [None, len(fresh)]},
        )
    return len(fresh)
