"""Lane selection as customs administrations run it (ASYCUDA's selectivity), in plain Python.

Order: criteria first (a lane, or a score summed over the criteria hit and compared with the
office's thresholds), then a random draw against the minimum random rate, then a top-up
towards the expected lane rates. An AEO or MRA benefit scales the random and top-up rates by
its factors (above zero: reduced, never zero); a criterion hit stands for everyone.

Every declaration has a seed, recorded with its lane; its two draws come from the seed alone
(splitmix64), so the lane can be computed again from what is stored. `choose` selects one
declaration (at intake, and the straightforward loop a benchmark compares with); `choose_batch`
selects a day's declarations at once over numpy columns, with identical lanes: the top-up
rates of a batch are computed from the batch itself, per office and direction, so that the
expected rates are met there; one declaration uses the rates of the last batch.

No Django here: the services convert rows to these inputs.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

import numpy as np
import numpy.typing as npt

LANES = ("free", "paper", "exam")  # index = severity
FREE, PAPER, EXAM = 0, 1, 2
DIRECTIONS = ("import", "export")
HS_DIGITS = 10  # HS codes are compared padded with zeros to 10 digits
MILLI = 1000  # benefit factors are whole thousandths, so that sums are exact in every path

_M64 = (1 << 64) - 1
_GOLDEN = 0x9E3779B97F4A7C15
_EPOCH = date(1970, 1, 1)


def splitmix64(x: int) -> int:
    x = (x + _GOLDEN) & _M64
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _M64
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _M64
    return x ^ (x >> 31)


def draws(seed: int) -> tuple[float, float]:
    """The random and the top-up draw of a declaration, each uniform in [0, 1)."""
    first = splitmix64(seed)
    return (first >> 11) * 2.0**-53, (splitmix64(first) >> 11) * 2.0**-53


def _splitmix64_array(x: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    with np.errstate(over="ignore"):
        x = x + np.uint64(_GOLDEN)
        x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


def draws_array(seeds: npt.NDArray[np.int64]) -> tuple[np.ndarray, np.ndarray]:
    first = _splitmix64_array(seeds.astype(np.uint64))
    second = _splitmix64_array(first)
    scale = 2.0**-53
    return (first >> np.uint64(11)).astype(np.float64) * scale, (second >> np.uint64(11)).astype(
        np.float64
    ) * scale


def hs_number(code: str) -> int:
    return int(code.ljust(HS_DIGITS, "0")[:HS_DIGITS])


def day_number(on: date) -> int:
    return (on - _EPOCH).days


@dataclass(frozen=True, slots=True)
class Rule:
    """One criterion's conditions and effect; an empty condition matches every declaration.

    HS prefixes and origins must hold on the same goods line."""

    code: str
    lane: int = FREE  # FREE: none, the score counts
    score: int = 0
    office: str = ""
    direction: str = ""
    transport_mode: str = ""
    hs_prefixes: tuple[str, ...] = ()
    origins: frozenset[str] = frozenset()
    partner_economy: str = ""
    party_tin: str = ""
    min_value: float | None = None
    max_value: float | None = None
    valid_from: date | None = None
    valid_to: date | None = None

    def matches(self, d: "Item") -> bool:
        if self.office and d.office != self.office:
            return False
        if self.direction and d.direction != self.direction:
            return False
        if self.transport_mode and d.transport_mode != self.transport_mode:
            return False
        if self.partner_economy and d.partner_economy != self.partner_economy:
            return False
        if self.party_tin and self.party_tin not in (d.trader_tin, d.declarant_tin):
            return False
        if self.min_value is not None and d.value < self.min_value:
            return False
        if self.max_value is not None and d.value > self.max_value:
            return False
        if self.valid_from is not None and d.on < self.valid_from:
            return False
        if self.valid_to is not None and d.on > self.valid_to:
            return False
        if self.hs_prefixes or self.origins:
            return any(self._line(hs, origin) for hs, origin in d.lines)
        return True

    def _line(self, hs: str, origin: str) -> bool:
        if self.origins and origin not in self.origins:
            return False
        padded = hs.ljust(HS_DIGITS, "0")
        return not self.hs_prefixes or any(padded.startswith(p) for p in self.hs_prefixes)


@dataclass(frozen=True)
class Policy:
    """The selectivity settings of one office and direction, as fractions."""

    expected_paper: float
    expected_exam: float
    random_rate: float
    paper_score: int = 50
    exam_score: int = 100
    top_up_paper: float = 0.0
    top_up_exam: float = 0.0


@dataclass(frozen=True, slots=True)
class Item:
    number: str
    office: str
    direction: str
    transport_mode: str
    trader_tin: str
    partner_economy: str
    value: float
    on: date
    lines: tuple[tuple[str, str], ...] = ()  # (HS code, origin)
    declarant_tin: str = ""
    random_milli: int = MILLI  # the benefit's factors in thousandths (MILLI: no benefit)
    top_up_milli: int = MILLI


@dataclass(slots=True)
class Choice:
    """A lane and why: every field is recorded with the declaration."""

    lane: int
    hits: list[int]  # indexes of the rules hit
    score: int
    criteria_lane: int
    random_draw: float
    random_rate: float
    random_hit: bool
    top_up_draw: float
    top_up_exam: float  # the declaration's thresholds (after its benefit)
    top_up_paper: float
    top_up_lane: int = FREE


def criteria_lane(lane: int, score: int, policy: Policy) -> int:
    by_score = EXAM if score >= policy.exam_score else PAPER if score >= policy.paper_score else 0
    return max(lane, by_score)


def random_rate(policy: Policy, random_milli: int) -> float:
    return policy.random_rate * random_milli / MILLI


def _first_pass(item: Item, seed: int, rules: Sequence[Rule], policy: Policy) -> Choice:
    hits = [i for i, rule in enumerate(rules) if rule.matches(item)]
    lane = max((rules[i].lane for i in hits), default=FREE)
    score = sum(rules[i].score for i in hits)
    by_criteria = criteria_lane(lane, score, policy) if hits else FREE
    u1, u2 = draws(seed)
    rate = random_rate(policy, item.random_milli)
    random_hit = by_criteria == FREE and u1 < rate
    chosen = by_criteria if by_criteria else EXAM if random_hit else FREE
    return Choice(chosen, hits, score, by_criteria, u1, rate, random_hit, u2, 0.0, 0.0)


def _top_up(choice: Choice, exam: float, paper: float, top_up_milli: int) -> Choice:
    choice.top_up_exam = exam * top_up_milli / MILLI
    choice.top_up_paper = paper * top_up_milli / MILLI
    if choice.lane == FREE:
        if choice.top_up_draw < choice.top_up_exam:
            choice.lane = choice.top_up_lane = EXAM
        elif choice.top_up_draw < choice.top_up_exam + choice.top_up_paper:
            choice.lane = choice.top_up_lane = PAPER
    return choice


def choose(item: Item, seed: int, rules: Sequence[Rule], policy: Policy) -> Choice:
    """One declaration's lane, with the top-up rates of the policy (the last batch's)."""
    choice = _first_pass(item, seed, rules, policy)
    return _top_up(choice, policy.top_up_exam, policy.top_up_paper, item.top_up_milli)


def top_up_rates(
    policy: Policy, count: int, exam: int, paper: int, free_weight_milli: int
) -> tuple[float, float]:
    """The top-up probabilities (before a benefit's factor) that bring a group of `count`
    declarations, `exam` and `paper` of them already in those lanes, to the expected rates;
    `free_weight_milli` is the sum of the top-up factors of those still free."""
    if free_weight_milli <= 0:
        return 0.0, 0.0
    weight = free_weight_milli / MILLI
    need_exam = max(0.0, policy.expected_exam * count - exam)
    need_paper = max(0.0, policy.expected_paper * count - paper)
    q_exam = min(1.0, need_exam / weight)
    q_paper = min(1.0 - q_exam, need_paper / weight)
    return q_exam, q_paper


def choose_loop(
    items: Sequence[Item],
    seeds: Sequence[int],
    rules: Sequence[Rule],
    policies: Sequence[Policy],
    groups: Sequence[int],
) -> tuple[list[Choice], list[tuple[float, float]]]:
    """A batch one declaration at a time (what `choose_batch` computes at once): criteria and
    random for each, the top-up rates of each group, then the top-up. Also the rates."""
    first = [
        _first_pass(item, seed, rules, policies[g])
        for item, seed, g in zip(items, seeds, groups, strict=True)
    ]
    counts = [[0, 0, 0, 0] for _ in policies]  # count, exam, paper, free weight
    for item, choice, g in zip(items, first, groups, strict=True):
        c = counts[g]
        c[0] += 1
        if choice.lane == EXAM:
            c[1] += 1
        elif choice.lane == PAPER:
            c[2] += 1
        else:
            c[3] += item.top_up_milli
    rates = [top_up_rates(p, *c) for p, c in zip(policies, counts, strict=True)]
    chosen = [
        _top_up(choice, *rates[g], item.top_up_milli)
        for item, choice, g in zip(items, first, groups, strict=True)
    ]
    return chosen, rates


@dataclass
class Columns:
    """A batch as columns. Text is coded as integers against `vocabulary` (offices, TINs,
    economies, transport modes share it); lines are flat, sorted by their declaration."""

    vocabulary: dict[str, int]
    office: np.ndarray  # int32 codes
    direction: np.ndarray  # int8: index in DIRECTIONS
    transport_mode: np.ndarray
    trader_tin: np.ndarray
    declarant_tin: np.ndarray
    partner_economy: np.ndarray
    value: np.ndarray  # float64
    day: np.ndarray  # int32: days since 1970-01-01
    random_milli: np.ndarray  # int64
    top_up_milli: np.ndarray
    line_declaration: np.ndarray  # int64: row of the declaration
    line_hs: np.ndarray  # int64: HS code padded to 10 digits
    line_origin: np.ndarray  # int32 codes

    def __len__(self) -> int:
        return len(self.office)

    def code(self, text: str) -> int:
        return self.vocabulary.get(text, -1)


def columns(items: Sequence[Item]) -> Columns:
    """The columns of `items` (a convenience for tests and small batches)."""
    vocabulary: dict[str, int] = {}

    def code(text: str) -> int:
        return vocabulary.setdefault(text, len(vocabulary))

    line_rows = [(i, hs, origin) for i, d in enumerate(items) for hs, origin in d.lines]
    return Columns(
        vocabulary=vocabulary,
        office=np.array([code(d.office) for d in items], dtype=np.int32),
        direction=np.array([DIRECTIONS.index(d.direction) for d in items], dtype=np.int8),
        transport_mode=np.array([code(d.transport_mode) for d in items], dtype=np.int32),
        trader_tin=np.array([code(d.trader_tin) for d in items], dtype=np.int32),
        declarant_tin=np.array([code(d.declarant_tin) for d in items], dtype=np.int32),
        partner_economy=np.array([code(d.partner_economy) for d in items], dtype=np.int32),
        value=np.array([d.value for d in items], dtype=np.float64),
        day=np.array([day_number(d.on) for d in items], dtype=np.int32),
        random_milli=np.array([d.random_milli for d in items], dtype=np.int64),
        top_up_milli=np.array([d.top_up_milli for d in items], dtype=np.int64),
        line_declaration=np.array([r[0] for r in line_rows], dtype=np.int64),
        line_hs=np.array([hs_number(r[1]) for r in line_rows], dtype=np.int64),
        line_origin=np.array([code(r[2]) for r in line_rows], dtype=np.int32),
    )


def _rule_mask(rule: Rule, c: Columns) -> np.ndarray:
    n = len(c)
    mask = np.ones(n, dtype=bool)
    for attribute, text in (
        ("office", rule.office),
        ("transport_mode", rule.transport_mode),
        ("partner_economy", rule.partner_economy),
    ):
        if text:
            mask &= getattr(c, attribute) == c.code(text)
    if rule.direction:
        mask &= c.direction == DIRECTIONS.index(rule.direction)
    if rule.party_tin:
        party = c.code(rule.party_tin)
        mask &= (c.trader_tin == party) | (c.declarant_tin == party)
    if rule.min_value is not None:
        mask &= c.value >= rule.min_value
    if rule.max_value is not None:
        mask &= c.value <= rule.max_value
    if rule.valid_from is not None:
        mask &= c.day >= day_number(rule.valid_from)
    if rule.valid_to is not None:
        mask &= c.day <= day_number(rule.valid_to)
    if rule.hs_prefixes or rule.origins:
        lines = np.ones(len(c.line_hs), dtype=bool)
        if rule.origins:
            codes = [c.code(o) for o in rule.origins]
            lines &= np.isin(c.line_origin, np.array(codes, dtype=np.int32))
        if rule.hs_prefixes:
            hs = np.zeros(len(c.line_hs), dtype=bool)
            for prefix in rule.hs_prefixes:
                divisor = 10 ** (HS_DIGITS - len(prefix))
                hs |= c.line_hs // divisor == int(prefix)
            lines &= hs
        mask &= np.bincount(c.line_declaration[lines], minlength=n).astype(bool)
    return mask


@dataclass
class BatchChoice:
    lane: np.ndarray  # int8
    hits: np.ndarray  # bool, rules × declarations
    score: np.ndarray
    criteria_lane: np.ndarray
    random_draw: np.ndarray
    random_rate: np.ndarray
    random_hit: np.ndarray
    top_up_draw: np.ndarray
    top_up_exam: np.ndarray
    top_up_paper: np.ndarray
    top_up_lane: np.ndarray
    rates: list[tuple[float, float]] = field(default_factory=list)  # per group

    def choice(self, i: int) -> Choice:
        return Choice(
            lane=int(self.lane[i]),
            hits=[int(r) for r in np.flatnonzero(self.hits[:, i])] if len(self.hits) else [],
            score=int(self.score[i]),
            criteria_lane=int(self.criteria_lane[i]),
            random_draw=float(self.random_draw[i]),
            random_rate=float(self.random_rate[i]),
            random_hit=bool(self.random_hit[i]),
            top_up_draw=float(self.top_up_draw[i]),
            top_up_exam=float(self.top_up_exam[i]),
            top_up_paper=float(self.top_up_paper[i]),
            top_up_lane=int(self.top_up_lane[i]),
        )


def choose_batch(
    c: Columns,
    seeds: np.ndarray,
    rules: Sequence[Rule],
    policies: Sequence[Policy],
    groups: np.ndarray,
    *,
    fixed_rates: bool = False,
) -> BatchChoice:
    """`choose_loop` over columns: the same lanes, draws and rates, computed at once.
    `fixed_rates`: the policies' own top-up rates, as `choose` uses them, for every row."""
    n = len(c)
    hits = np.zeros((len(rules), n), dtype=bool)
    lane = np.zeros(n, dtype=np.int8)
    score = np.zeros(n, dtype=np.int64)
    for r, rule in enumerate(rules):
        mask = _rule_mask(rule, c)
        hits[r] = mask
        if rule.lane:
            lane = np.maximum(lane, np.where(mask, np.int8(rule.lane), np.int8(0)))
        if rule.score:
            score += mask * rule.score
    paper_score = np.array([p.paper_score for p in policies], dtype=np.int64)[groups]
    exam_score = np.array([p.exam_score for p in policies], dtype=np.int64)[groups]
    by_score = np.where(score >= exam_score, EXAM, np.where(score >= paper_score, PAPER, FREE))
    any_hit = hits.any(axis=0) if len(rules) else np.zeros(n, dtype=bool)
    by_criteria = np.where(any_hit, np.maximum(lane, by_score), FREE).astype(np.int8)
    u1, u2 = draws_array(seeds)
    base_rate = np.array([p.random_rate for p in policies], dtype=np.float64)[groups]
    rate = base_rate * c.random_milli / MILLI
    random_hit = (by_criteria == FREE) & (u1 < rate)
    chosen = np.where(by_criteria > 0, by_criteria, np.where(random_hit, EXAM, FREE))
    free = chosen == FREE
    g = len(policies)
    counts = np.bincount(groups, minlength=g)
    exam = np.bincount(groups[chosen == EXAM], minlength=g)
    paper = np.bincount(groups[chosen == PAPER], minlength=g)
    weight = np.bincount(groups[free], weights=c.top_up_milli[free], minlength=g)
    rates = [
        (p.top_up_exam, p.top_up_paper)
        if fixed_rates
        else top_up_rates(p, int(counts[i]), int(exam[i]), int(paper[i]), int(round(weight[i])))
        for i, p in enumerate(policies)
    ]
    q_exam = np.array([r[0] for r in rates], dtype=np.float64)[groups] * c.top_up_milli / MILLI
    q_paper = np.array([r[1] for r in rates], dtype=np.float64)[groups] * c.top_up_milli / MILLI
    top_exam = free & (u2 < q_exam)
    top_paper = free & ~top_exam & (u2 < q_exam + q_paper)
    top_up_lane = np.where(top_exam, EXAM, np.where(top_paper, PAPER, FREE)).astype(np.int8)
    final = np.where(free, top_up_lane, chosen).astype(np.int8)
    return BatchChoice(
        final,
        hits,
        score,
        by_criteria,
        u1,
        rate,
        random_hit,
        u2,
        q_exam,
        q_paper,
        top_up_lane,
        rates,
    )
