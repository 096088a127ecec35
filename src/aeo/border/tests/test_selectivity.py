"""Lane selection in plain Python: precedence, rates, benefits, and batch = loop."""

import random
from datetime import date

import numpy as np
import pytest

from aeo.border import selectivity as s

POLICY = s.Policy(expected_paper=0.22, expected_exam=0.08, random_rate=0.02)


def item(i: int, **kw) -> s.Item:
    base = dict(
        number=f"D{i}",
        office="TOKYO",
        direction="import",
        transport_mode="sea",
        trader_tin="T1",
        partner_economy="US",
        value=100.0,
        on=date(2026, 1, 5),
        lines=(("847130", "US"),),
    )
    base.update(kw)
    return s.Item(**base)


def sample(n: int, seed: int = 7) -> list[s.Item]:
    rng = random.Random(seed)
    return [
        item(
            i,
            office=rng.choice(["TOKYO", "OSAKA"]),
            direction=rng.choice(["import", "export"]),
            transport_mode=rng.choice(["sea", "air"]),
            trader_tin=f"T{rng.randint(1, 40)}",
            partner_economy=rng.choice(["CN", "US", "TW"]),
            value=rng.random() * 60_000,
            on=date(2026, 1, rng.randint(1, 28)),
            lines=tuple(
                (
                    rng.choice(["090111", "847130", "610910", "0901119000"]),
                    rng.choice(["CN", "US", "BR"]),
                )
                for _ in range(rng.randint(1, 3))
            ),
            random_milli=rng.choice([1000, 250]),
            top_up_milli=rng.choice([1000, 200]),
        )
        for i in range(n)
    ]


RULES = [
    s.Rule("COFFEE", lane=s.EXAM, hs_prefixes=("0901",), origins=frozenset({"BR"})),
    s.Rule("CN-AIR", score=60, partner_economy="CN", transport_mode="air"),
    s.Rule("VALUE", score=50, min_value=50_000.0),
    s.Rule("OSAKA-TEXTILE", lane=s.PAPER, office="OSAKA", hs_prefixes=("61",)),
    s.Rule("OLD", lane=s.EXAM, valid_to=date(2025, 12, 31)),
]


def test_a_criterion_lane_comes_first_whatever_the_draws():
    coffee = item(1, lines=(("090111", "BR"),))
    for seed in range(50):
        choice = s.choose(coffee, seed, RULES, POLICY)
        assert choice.lane == s.EXAM and choice.hits == [0] and not choice.random_hit


def test_scores_add_up_to_the_thresholds():
    both = item(2, partner_economy="CN", transport_mode="air", value=60_000.0)
    one = item(3, partner_economy="CN", transport_mode="air")
    assert s.choose(both, 1, RULES, POLICY).criteria_lane == s.EXAM  # 60 + 50 >= 100
    assert s.choose(one, 1, RULES, POLICY).criteria_lane == s.PAPER  # 60 >= 50


def test_hs_and_origin_hold_on_the_same_line_and_expired_criteria_do_not_count():
    split = item(4, lines=(("090111", "US"), ("847130", "BR")))
    assert s.choose(split, 1, RULES, POLICY).hits == []
    assert s.choose(item(5, on=date(2025, 6, 1)), 1, RULES, POLICY).hits == [4]


def test_the_random_rate_is_met_and_reduced_but_never_zero_for_aeos():
    n = 40_000
    plain = [s.choose(item(i), i, [], POLICY) for i in range(n)]
    aeo = [s.choose(item(i, random_milli=250), i, [], POLICY) for i in range(n)]
    plain_rate = sum(c.random_hit for c in plain) / n
    aeo_rate = sum(c.random_hit for c in aeo) / n
    assert plain_rate == pytest.approx(0.02, abs=0.003)
    assert aeo_rate == pytest.approx(0.005, abs=0.0015)
    assert aeo_rate > 0


def test_a_batch_meets_the_expected_rates_by_top_up():
    items = [item(i, trader_tin=f"T{i % 9}") for i in range(30_000)]
    chosen, rates = s.choose_loop(items, list(range(30_000)), [], [POLICY], [0] * 30_000)
    lanes = np.bincount([c.lane for c in chosen], minlength=3) / len(items)
    assert lanes[s.EXAM] == pytest.approx(0.08, abs=0.006)
    assert lanes[s.PAPER] == pytest.approx(0.22, abs=0.008)
    assert rates[0][0] > 0


def test_the_draws_come_from_the_seed_alone():
    assert s.draws(12345) == s.draws(12345)
    u1, u2 = s.draws_array(np.array([12345, 99], dtype=np.int64))
    assert (float(u1[0]), float(u2[0])) == s.draws(12345)


def test_batch_and_loop_give_identical_lanes_and_explanations():
    items = sample(8000)
    rng = random.Random(3)
    seeds = [rng.randrange(2**63) for _ in items]
    policies = [POLICY, s.Policy(0.1, 0.05, 0.03, paper_score=40)]
    groups = [0 if d.direction == "import" else 1 for d in items]
    loop, rates = s.choose_loop(items, seeds, RULES, policies, groups)
    batch = s.choose_batch(
        s.columns(items), np.array(seeds, dtype=np.int64), RULES, policies, np.array(groups)
    )
    assert batch.rates == rates
    assert [c.lane for c in loop] == batch.lane.tolist()
    assert all(batch.choice(i) == loop[i] for i in range(len(items)))
    assert len(set(batch.lane.tolist())) == 3


def test_fixed_rates_give_what_one_by_one_selection_gives():
    items = sample(500, seed=11)
    policy = s.Policy(0.22, 0.08, 0.02, top_up_paper=0.2, top_up_exam=0.06)
    seeds = list(range(500))
    one = [s.choose(d, seed, RULES, policy) for d, seed in zip(items, seeds, strict=True)]
    batch = s.choose_batch(
        s.columns(items),
        np.array(seeds, dtype=np.int64),
        RULES,
        [policy],
        np.zeros(500, dtype=np.int64),
        fixed_rates=True,
    )
    assert [c.lane for c in one] == batch.lane.tolist()
