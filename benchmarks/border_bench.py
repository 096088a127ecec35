"""Selectivity, intake and the TRS on the platform's declarations, each beside the
straightforward alternative, with ratios.

    python benchmarks/border_bench.py                          # everything, default sizes
    python benchmarks/border_bench.py --only lanes --lanes 1000000
    python benchmarks/border_bench.py --only intake --intake 100000 --naive 5000
    python benchmarks/border_bench.py --only trs --trs 5000000

- lanes: `choose_batch` over numpy columns against `choose_loop` (one declaration at a time in
  plain Python, the same criteria and draws), 1,000,000 declarations, 20 criteria, 9 offices ×
  2 directions; the lanes must be identical. Target: >= 100,000 a second and >= 20x the loop.
- intake: `import_declarations` of an NDJSON body (parsing, row-by-row validation, lanes,
  chunked inserts) on SQLite and PostgreSQL, against the naive loop (validate, select, one
  `Declaration.objects.create` per row) on a smaller number of rows; declarations a second.
- trs: `compare` of 5,000,000 declarations stored in PostgreSQL (the platform's export query
  streamed to Parquet, then the engine) against `compare` on that Parquet file (DuckDB).

Each database part runs in its own subprocess on its own database (SQLite under
var/bench/border/, PostgreSQL `border_bench` on BENCH_POSTGRES, default
postgres://postgres@127.0.0.1:5432); timings exclude module imports and migrations.
"""

import argparse
import json
import os
import random
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var" / "bench" / "border"
POSTGRES = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
OFFICES = [
    "HAKODATE",
    "TOKYO",
    "YOKOHAMA",
    "NAGOYA",
    "OSAKA",
    "KOBE",
    "MOJI",
    "NAGASAKI",
    "OKINAWA",
]
PARTNERS = ["CN", "US", "TW", "KR", "DE", "VN", "TH", "AU", "SG"]
HS = ["090111", "847130", "610910", "851762", "300490", "220421", "870323", "940360", "392690"]


# --- lanes (no Django) -----------------------------------------------------------------------


def _rules():
    from aeo.border import selectivity as s

    rules = []
    for i, prefix in enumerate(["090111", "847130", "61091", "851762", "300490", "2204", "8703"]):
        origin = PARTNERS[i]
        rules.append(s.Rule(f"HS{i}", score=30, hs_prefixes=(prefix,), origins=frozenset({origin})))
    for i, origin in enumerate(["CN", "VN", "TH"]):
        rules.append(s.Rule(f"OR{i}", score=20, origins=frozenset({origin}), transport_mode="air"))
    for i, office in enumerate(OFFICES[:5]):
        rules.append(s.Rule(f"OF{i}", lane=s.PAPER, office=office, hs_prefixes=("9403",)))
    rules += [
        s.Rule("HIGH", score=50, min_value=80_000.0),
        s.Rule("DRUG", lane=s.EXAM, hs_prefixes=("300490",), origins=frozenset({"IN"})),
        s.Rule("PARTY", lane=s.EXAM, party_tin="T17"),
        s.Rule("EXP", score=40, direction="export", partner_economy="KR"),
        s.Rule("OLD", lane=s.EXAM, valid_to=date(2020, 1, 1)),
    ]
    return rules


def _columns(n: int, seed: int = 1):
    """n declarations as columns (as a day's batch is read from the database), 1-3 lines each."""
    from aeo.border import selectivity as s

    rng = np.random.default_rng(seed)
    vocabulary: dict[str, int] = {}

    def codes(texts: list[str]) -> np.ndarray:
        return np.array([vocabulary.setdefault(t, len(vocabulary)) for t in texts], dtype=np.int32)

    office_codes = codes(OFFICES)
    mode_codes = codes(["sea", "air", "road", "rail", "post"])
    partner_codes = codes(PARTNERS + ["IN"])
    tins = codes([f"T{i}" for i in range(5000)])
    lines = rng.integers(1, 4, n)
    line_declaration = np.repeat(np.arange(n), lines)
    hs = np.array([s.hs_number(h) for h in HS + ["940360", "300490"]], dtype=np.int64)
    c = s.Columns(
        vocabulary=vocabulary,
        office=office_codes[rng.integers(0, len(OFFICES), n)],
        direction=rng.integers(0, 2, n).astype(np.int8),
        transport_mode=mode_codes[rng.choice(5, n, p=[0.5, 0.35, 0.1, 0.03, 0.02])],
        trader_tin=tins[rng.integers(0, len(tins), n)],
        declarant_tin=tins[rng.integers(0, len(tins), n)],
        partner_economy=partner_codes[rng.integers(0, len(partner_codes), n)],
        value=rng.lognormal(9, 1.2, n),
        day=np.full(n, s.day_number(date(2026, 3, 2)), dtype=np.int32),
        random_milli=np.where(rng.random(n) < 0.3, 250, 1000).astype(np.int64),
        top_up_milli=np.where(rng.random(n) < 0.3, 200, 1000).astype(np.int64),
        line_declaration=line_declaration,
        line_hs=hs[rng.integers(0, len(hs), len(line_declaration))],
        line_origin=partner_codes[rng.integers(0, len(partner_codes), len(line_declaration))],
    )
    seeds = rng.integers(0, 2**63 - 1, n, dtype=np.int64)
    groups = (c.office.astype(np.int64) * 2 + c.direction).astype(np.int64)
    return c, seeds, groups


def _items(c) -> list:
    from aeo.border import selectivity as s

    text = {v: k for k, v in c.vocabulary.items()}
    lines: list[list[tuple[str, str]]] = [[] for _ in range(len(c))]
    flat = (c.line_declaration.tolist(), c.line_hs.tolist(), c.line_origin.tolist())
    for d, h, o in zip(*flat, strict=True):
        lines[d].append((f"{h:010d}", text[o]))
    on = date(2026, 3, 2)
    return [
        s.Item(
            number="",
            office=text[o],
            direction=s.DIRECTIONS[d],
            transport_mode=text[m],
            trader_tin=text[t],
            declarant_tin=text[dt],
            partner_economy=text[p],
            value=v,
            on=on,
            lines=tuple(ls),
            random_milli=rm,
            top_up_milli=tm,
        )
        for o, d, m, t, dt, p, v, ls, rm, tm in zip(
            c.office.tolist(),
            c.direction.tolist(),
            c.transport_mode.tolist(),
            c.trader_tin.tolist(),
            c.declarant_tin.tolist(),
            c.partner_economy.tolist(),
            c.value.tolist(),
            lines,
            c.random_milli.tolist(),
            c.top_up_milli.tolist(),
            strict=True,
        )
    ]


def bench_lanes(n: int) -> dict[str, Any]:
    from aeo.border import selectivity as s

    rules = _rules()
    policies = [s.Policy(0.22, 0.08, 0.02) for _ in range(len(OFFICES) * 2)]
    c, seeds, groups = _columns(n)
    items = _items(c)
    start = time.perf_counter()
    batch = s.choose_batch(c, seeds, rules, policies, groups)
    batch_s = time.perf_counter() - start
    start = time.perf_counter()
    loop, rates = s.choose_loop(items, seeds.tolist(), rules, policies, groups.tolist())
    loop_s = time.perf_counter() - start
    same = batch.rates == rates and batch.lane.tolist() == [x.lane for x in loop]
    shares = np.bincount(batch.lane, minlength=3) / n
    return {
        "rows": n,
        "batch_s": batch_s,
        "loop_s": loop_s,
        "identical": same,
        "shares": [round(float(x), 4) for x in shares],
    }


# --- intake and TRS (Django, one database per subprocess) -------------------------------------


def _create_postgres_database() -> None:
    """`border_bench` on BENCH_POSTGRES, made if missing (psycopg, outside a transaction)."""
    import psycopg

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as db:
        if not db.execute("SELECT 1 FROM pg_database WHERE datname = 'border_bench'").fetchone():
            db.execute("CREATE DATABASE border_bench")


def _django(database: str) -> None:
    if database == "postgresql":
        _create_postgres_database()
    env = {"sqlite": {}, "postgresql": {"DATABASE_URL": f"{POSTGRES}/border_bench"}}[database]
    os.environ.update(env, AEO_DEMO="1", DJANGO_SETTINGS_MODULE="aeo.settings")
    os.environ["AEO_VAR_DIR"] = str(VAR / database)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def _rows(n: int, seed: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    base = datetime(2026, 3, 2, tzinfo=UTC)
    rows = []
    for i in range(n):
        lodged = base + timedelta(seconds=rng.randint(0, 86_000))
        rows.append(
            {
                "number": f"B{seed}-{i:09d}",
                "office": rng.choice(OFFICES),
                "direction": rng.choice(["import", "export"]),
                "transport_mode": rng.choice(["sea", "air"]),
                "trader_tin": f"{rng.randint(1, 9999):013d}",
                "partner_economy": rng.choice(PARTNERS),
                "partner_aeo_id": "P1" if rng.random() < 0.3 else "",
                "lines": [
                    {"hs_code": rng.choice(HS), "origin": rng.choice(PARTNERS), "value": "125.50"}
                    for _ in range(rng.randint(1, 3))
                ],
                "arrived_at": (lodged - timedelta(hours=3)).isoformat(),
                "lodged_at": lodged.isoformat(),
            }
        )
    return rows


def bench_intake(database: str, n: int, naive: int) -> dict[str, Any]:
    _django(database)
    from aeo.benefits.models import Benefit
    from aeo.border import selection, services
    from aeo.border.intake import read_rows, validate
    from aeo.border.models import Declaration, DeclarationImport
    from aeo.registry.models import CustomsOffice

    Declaration.objects.all().delete()
    DeclarationImport.objects.all().delete()
    # The catalogue the lanes read: a published "reduced examination" of importers and exporters.
    Benefit.objects.get_or_create(
        title_en="Reduced examination (benchmark)",
        defaults={
            "aeo_types": ["IMP", "EXP"],
            "category": "low_inspection",
            "condition_percent": 75,
            "status": "published",
        },
    )
    body = [(json.dumps(r) + "\n").encode() for r in _rows(n, 1)]
    start = time.perf_counter()
    job = services.import_declarations(actor=None, rows=read_rows(iter(body), "ndjson"))
    bulk_s = time.perf_counter() - start
    assert job.created == n, job.errors[:3]
    offices = {o.code: o for o in CustomsOffice.objects.filter(economy_id="JP")}
    rows = _rows(naive, 2)
    start = time.perf_counter()
    for i, data in enumerate(rows):  # the loop one would write first
        values = validate(json.loads(json.dumps(data)), i).values  # type: ignore[union-attr]
        office = offices[values.pop("office")]
        lane, reason, seed, party = selection.select_one(values, office.pk, office.code)
        Declaration.objects.create(
            office=office,
            **{k: v for k, v in values.items()},
            oga_required=bool(values["oga_agency"]),
            lane=lane,
            lane_reason=reason,
            lane_seed=seed,
            status="selected",
        )
    naive_s = time.perf_counter() - start
    return {
        "database": database,
        "rows": n,
        "bulk_s": bulk_s,
        "naive_rows": naive,
        "naive_s": naive_s,
    }


def bench_trs(n: int) -> dict[str, Any]:
    os.environ["AEO_ECONOMY"] = "TW"  # the generator's declarations are TW's imports
    _django("postgresql")
    import pyarrow.parquet as pq
    from django.db import connection

    from aeo.border import trs_source
    from aeo.border.models import Declaration
    from aeo.registry.models import CustomsOffice
    from aeo.trs.engine import Period, as_dict, compare, generate

    source = VAR / f"generated-{n}.parquet"
    if not source.exists():
        generate(source, n, seed=3, dirty_rate=0.0, pair_share=0.5, unit="us")
    if Declaration.objects.count() != n:
        Declaration.objects.all().delete()
        office = CustomsOffice.objects.first().pk
        columns = (
            "number, office_id, direction, transport_mode, declarant_tin, trader_tin, "
            "partner_economy, partner_name, partner_aeo_id, lines, total_value, arrived_at, "
            "lodged_at, released_at, delivered_at, status, version, lane, lane_reason, "
            "importer_aeo, partner_status, examination_result, examination_note, "
            "oga_required, oga_agency, joint_inspection_requested"
        )
        with (
            connection.cursor() as cursor,
            cursor.connection.cursor().copy(
                f"COPY border_declaration ({columns}) FROM STDIN"
            ) as copy,
        ):
            for batch in pq.ParquetFile(source).iter_batches(200_000):
                for r in batch.to_pylist():
                    copy.write_row(
                        (
                            r["declaration_id"],
                            office,
                            "import",
                            r["transport_mode"],
                            "",
                            "T",
                            r["partner_economy"],
                            "",
                            "AEO" if r["consignor_aeo"] else "",
                            "[]",
                            0,
                            r["arrived_at"],
                            r["lodged_at"] or r["arrived_at"],
                            r["released_at"],
                            r["delivered_at"],
                            "released",
                            1,
                            r["clearance_mode"],
                            "{}",
                            bool(r["importer_aeo"]),
                            "",
                            "",
                            "",
                            False,
                            "",
                            False,
                        )
                    )
    before, after = Period.parse("2018-10-12:2019-05-21"), Period.parse("2019-05-22:2019-12-31")
    export = VAR / "export.parquet"
    start = time.perf_counter()
    trs_source.export_parquet(trs_source.in_scope("JP", before.start, after.end), export)
    export_s = time.perf_counter() - start
    from_db = compare(export, importing="TW", partner="JP", before=before, after=after)
    db_s = time.perf_counter() - start
    start = time.perf_counter()
    from_file = compare(export, importing="TW", partner="JP", before=before, after=after)
    file_s = time.perf_counter() - start
    assert as_dict(from_db) == as_dict(from_file)
    in_scope = pq.ParquetFile(export).metadata.num_rows
    return {"rows": n, "in_scope": in_scope, "db_s": db_s, "export_s": export_s, "file_s": file_s}


def _worker(args: list[str]) -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, __file__, "--worker", *args],
        env=dict(os.environ, PYTHONPATH=str(ROOT / "src")),
        capture_output=True,
        text=True,
        check=False,
    )
    if out.returncode:
        raise SystemExit(out.stderr[-3000:])
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="*", default=["lanes", "intake", "trs"])
    parser.add_argument("--lanes", type=int, default=1_000_000)
    parser.add_argument("--intake", type=int, default=100_000)
    parser.add_argument("--naive", type=int, default=5_000)
    parser.add_argument("--trs", type=int, default=5_000_000)
    parser.add_argument("--databases", nargs="*", default=["sqlite", "postgresql"])
    parser.add_argument("--worker", nargs="*")
    args = parser.parse_args()
    VAR.mkdir(parents=True, exist_ok=True)
    if args.worker:
        kind, *rest = args.worker
        result = (
            bench_intake(rest[0], int(rest[1]), int(rest[2]))
            if kind == "intake"
            else bench_trs(int(rest[0]))
        )
        print(json.dumps(result))
        return
    failed = False
    if "lanes" in args.only:
        sys.path.insert(0, str(ROOT / "src"))
        r = bench_lanes(args.lanes)
        per_s = r["rows"] / r["batch_s"]
        ratio = r["loop_s"] / r["batch_s"]
        print(
            f"lanes  {r['rows']:,} declarations: batch {r['batch_s']:.2f} s ({per_s:,.0f}/s), "
            f"loop {r['loop_s']:.2f} s ({r['rows'] / r['loop_s']:,.0f}/s), loop/batch "
            f"{ratio:.1f}x, identical lanes: {r['identical']}, shares free/paper/exam {r['shares']}"
        )
        failed |= not r["identical"] or per_s < 100_000 or ratio < 20
    if "intake" in args.only:
        for database in args.databases:
            r = _worker(["intake", database, str(args.intake), str(args.naive)])
            bulk, naive = r["rows"] / r["bulk_s"], r["naive_rows"] / r["naive_s"]
            print(
                f"intake {database}: {r['rows']:,} rows in {r['bulk_s']:.1f} s ({bulk:,.0f}/s); "
                f"naive ORM loop {r['naive_rows']:,} rows in {r['naive_s']:.1f} s "
                f"({naive:,.0f}/s); bulk/naive {bulk / naive:.1f}x"
            )
    if "trs" in args.only:
        r = _worker(["trs", str(args.trs)])
        print(
            f"trs    compare of {r['rows']:,} declarations ({r['in_scope']:,} in the periods): "
            f"from PostgreSQL {r['db_s']:.1f} s (export {r['export_s']:.1f} s), from the "
            f"Parquet export (DuckDB) {r['file_s']:.1f} s; ratio {r['db_s'] / r['file_s']:.1f}x"
        )
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
