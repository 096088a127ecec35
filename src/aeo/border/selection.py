"""Selectivity on the platform's data: settings and criteria as `selectivity` inputs, the
parties' AEO and MRA benefits, and the explanation recorded with every lane."""

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import numpy as np
from django.utils import timezone

from aeo.border import aeo_benefits, arrangements, selectivity
from aeo.border.constants import PartnerStatus
from aeo.border.models import Criterion, SelectivitySettings
from aeo.border.selectivity import LANES, MILLI, Choice, Item, Policy, Rule
from aeo.border.selectors import active_criteria

# Until a policy officer sets an office's rates: the study's typical mix (70/22/8 %).
DEFAULT_POLICY = {"expected_paper_pct": 22, "expected_exam_pct": 8, "random_pct": 2}
MAX_SEED = 2**63 - 1


def new_seed() -> int:
    return secrets.randbelow(MAX_SEED)


def policy_of(s: SelectivitySettings | None) -> Policy:
    if s is None:
        return Policy(
            expected_paper=DEFAULT_POLICY["expected_paper_pct"] / 100,
            expected_exam=DEFAULT_POLICY["expected_exam_pct"] / 100,
            random_rate=DEFAULT_POLICY["random_pct"] / 100,
            top_up_paper=0.2,
            top_up_exam=0.06,
        )
    return Policy(
        expected_paper=float(s.expected_paper_pct) / 100,
        expected_exam=float(s.expected_exam_pct) / 100,
        random_rate=float(s.random_pct) / 100,
        paper_score=s.paper_score,
        exam_score=s.exam_score,
        top_up_paper=s.top_up_paper,
        top_up_exam=s.top_up_exam,
    )


class Policies:
    """The settings that apply to each office and direction: its own, else the default."""

    def __init__(self) -> None:
        rows = list(SelectivitySettings.objects.all())
        self.own = {(s.office_id, s.direction): s for s in rows}
        self.default = {s.direction: s for s in rows if s.office_id is None}

    def settings(self, office_id: int, direction: str) -> SelectivitySettings | None:
        return self.own.get((office_id, direction)) or self.default.get(direction)

    def policy(self, office_id: int, direction: str) -> Policy:
        return policy_of(self.settings(office_id, direction))


def rule_of(c: Criterion) -> Rule:
    return Rule(
        code=c.code,
        lane=LANES.index(c.lane) if c.lane else 0,
        score=c.score,
        office=c.office.code if c.office is not None else "",
        direction=c.direction,
        transport_mode=c.transport_mode,
        hs_prefixes=tuple(c.hs_prefixes),
        origins=frozenset(c.origins),
        partner_economy=c.partner_economy,
        party_tin=c.party_tin,
        min_value=float(c.min_value) if c.min_value is not None else None,
        max_value=float(c.max_value) if c.max_value is not None else None,
        valid_from=c.valid_from,
        valid_to=c.valid_to,
    )


@dataclass
class Rules:
    criteria: list[Criterion]
    rules: list[Rule]

    @classmethod
    def load(cls) -> "Rules":
        criteria = active_criteria()
        return cls(criteria, [rule_of(c) for c in criteria])


@dataclass(frozen=True)
class Party:
    """What selectivity knows of a declaration's parties when it selects."""

    benefit: aeo_benefits.Modifier | None
    source: str  # "aeo", "mra" or ""
    importer_aeo: bool
    partner_status: str
    holder_tin: str = ""  # our AEO whose catalogue benefit applies
    arrangement: str = ""  # the MRA under which a partner's AEO gets its benefit


def local_date(value: Any) -> date:
    return timezone.localdate(value)


def parties(rows: Sequence[dict[str, Any]]) -> list[Party]:
    """The benefit each declaration's parties give it on its lodgment day: our AEOs' from the
    benefits catalogue (read once), the partner's AEO status through the MRA exchange under an
    arrangement in force. The more favourable one applies (the lower random factor), not both."""
    catalogue = aeo_benefits.Catalogue()
    days = [local_date(r["lodged_at"]) for r in rows]
    held_types = aeo_benefits.held_types(rows, days)
    with_partner = [r for r in rows if r.get("partner_aeo_id")]
    statuses = arrangements.partner_statuses(
        (r["partner_economy"].upper(), r["partner_aeo_id"]) for r in with_partner
    )
    by_partner = {a.partner: a for a in arrangements.arrangements() if a.applies}
    found = []
    for r, day, held in zip(rows, days, held_types, strict=True):
        aeo, holder = aeo_benefits.aeo_modifier(catalogue, r, held, day)
        partner_status = ""
        mra, under = None, ""
        if r.get("partner_aeo_id"):
            partner_status = statuses[(r["partner_economy"].upper(), r["partner_aeo_id"])]
            arrangement = by_partner.get(r["partner_economy"].upper())
            if (
                partner_status == PartnerStatus.VALID
                and arrangement is not None
                and arrangement.in_force(day)
                and r["direction"] in arrangement.directions
                and (best := aeo_benefits.most_favourable(arrangement.reductions, day))
            ):
                mra, under = aeo_benefits.modifier_of(best), arrangement.title
        if aeo is not None and (mra is None or aeo.random_factor <= mra.random_factor):
            party = Party(aeo, "aeo", bool(held["trader"]), partner_status, holder)
        elif mra is not None:
            party = Party(mra, "mra", bool(held["trader"]), partner_status, arrangement=under)
        else:
            party = Party(None, "", bool(held["trader"]), partner_status)
        found.append(party)
    return found


def item_of(row: dict[str, Any], office_code: str, party: Party) -> Item:
    benefit = party.benefit
    return Item(
        number=row["number"],
        office=office_code,
        direction=row["direction"],
        transport_mode=row["transport_mode"],
        trader_tin=row["trader_tin"],
        declarant_tin=row.get("declarant_tin", ""),
        partner_economy=row["partner_economy"],
        value=float(row["total_value"]),
        on=local_date(row["lodged_at"]),
        lines=tuple((line["hs_code"], line["origin"]) for line in row["lines"]),
        random_milli=round(benefit.random_factor * MILLI) if benefit else MILLI,
        top_up_milli=round(benefit.top_up_factor * MILLI) if benefit else MILLI,
    )


def group_index(keys: Sequence[tuple[int, str]]) -> tuple[list[tuple[int, str]], np.ndarray]:
    """The distinct (office id, direction) keys and each row's index among them."""
    distinct = list(dict.fromkeys(keys))
    where = {k: i for i, k in enumerate(distinct)}
    return distinct, np.array([where[k] for k in keys], dtype=np.int64)


def explain(
    choice: Choice, seed: int, rules: Rules, party: Party, policy: Policy
) -> dict[str, Any]:
    """Why the lane: stored with the declaration, shown to the officer and the trader."""
    if choice.criteria_lane:
        decided = "criteria"
    elif choice.random_hit:
        decided = "random"
    elif choice.top_up_lane:
        decided = "top_up"
    else:
        decided = "none"
    benefit = party.benefit
    return {
        "lane": LANES[choice.lane],
        "decided_by": decided,
        "seed": seed,
        "criteria": [
            {
                "code": rules.criteria[i].code,
                "description": rules.criteria[i].description,
                "lane": rules.criteria[i].lane,
                "score": rules.criteria[i].score,
                "instructions": rules.criteria[i].instructions,
            }
            for i in choice.hits
        ],
        "score": choice.score,
        "thresholds": {"paper": policy.paper_score, "exam": policy.exam_score},
        "random": {
            "draw": round(choice.random_draw, 6),
            "rate": round(choice.random_rate, 6),
            "hit": choice.random_hit,
        },
        "top_up": {
            "draw": round(choice.top_up_draw, 6),
            "exam": round(choice.top_up_exam, 6),
            "paper": round(choice.top_up_paper, 6),
            "lane": LANES[choice.top_up_lane] if choice.top_up_lane else None,
        },
        "benefit": (
            {
                "code": benefit.code,
                "id": benefit.benefit_id,
                "title_en": benefit.title_en,
                "title_ja": benefit.title_ja,
                "source": party.source,
                "arrangement": party.arrangement,
                "random_factor": benefit.random_factor,
                "top_up_factor": benefit.top_up_factor,
            }
            if benefit
            else None
        ),
        "partner_status": party.partner_status,
    }


def select_one(row: dict[str, Any], office_id: int, office_code: str, seed: int | None = None):
    """One declaration's lane with the stored top-up rates: (lane, reason, seed, party)."""
    policies, rules = Policies(), Rules.load()
    (party,) = parties([row])
    seed = new_seed() if seed is None else seed
    policy = policies.policy(office_id, row["direction"])
    choice = selectivity.choose(item_of(row, office_code, party), seed, rules.rules, policy)
    return LANES[choice.lane], explain(choice, seed, rules, party, policy), seed, party


def select_many(
    rows: Sequence[dict[str, Any]],
    offices: Sequence[tuple[int, str]],
    *,
    batch: bool,
    policies: Policies | None = None,
    rules: Rules | None = None,
) -> tuple[
    list[tuple[str, dict[str, Any], int, Party]], dict[tuple[int, str], tuple[float, float]]
]:
    """Lanes for many declarations at once. `batch`: the top-up rates come from these rows
    (a day's batch; returned per office and direction); otherwise the stored rates (intake),
    so that each lane is the one `select_one` gives."""
    policies = policies or Policies()
    rules = rules or Rules.load()
    found = parties(rows)
    items = [item_of(r, code, p) for r, (_, code), p in zip(rows, offices, found, strict=True)]
    keys = [(office_id, r["direction"]) for r, (office_id, _) in zip(rows, offices, strict=True)]
    distinct, groups = group_index(keys)
    group_policies = [policies.policy(*k) for k in distinct]
    seeds = np.array([new_seed() for _ in rows], dtype=np.int64)
    columns = selectivity.columns(items)
    if batch:
        chosen = selectivity.choose_batch(columns, seeds, rules.rules, group_policies, groups)
        rates = dict(zip(distinct, chosen.rates, strict=True))
    else:
        chosen = selectivity.choose_batch(
            columns, seeds, rules.rules, group_policies, groups, fixed_rates=True
        )
        rates = {}
    out = []
    for i, party in enumerate(found):
        choice = chosen.choice(i)
        seed = int(seeds[i])
        policy = group_policies[int(groups[i])]
        out.append((LANES[choice.lane], explain(choice, seed, rules, party, policy), seed, party))
    return out, rates
