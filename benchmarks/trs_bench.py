"""TRS engine against two hand-written DuckDB queries and pandas, on generated data sets.

    python benchmarks/trs_bench.py                 # 20 million declarations, every data set
    python benchmarks/trs_bench.py --rows 1000000  # a quick run
    python benchmarks/trs_bench.py --rows 10000000,40000000 --only engine --data-sets 50:ms

Data sets (`--data-sets`, share:unit): the share of declarations in scope (TW's imports from
JP: 1 %, 50 %, 100 %) and the unit of the Parquet timestamps (ms, us); ids are text
(`D0000123456`), in no particular order. Each is generated once and cached in var/bench/.

Tasks, both on TW's imports from JP: `report` = per transport mode x clearance mode;
`compare` = AEO consignors, before/after 2019-05-22, per transport mode. Implementations:
`engine`; `sql`, one hand-written DuckDB query with the same quality rules (duplicate ids over
the whole file, every copy excluded; unknown codes; negative and over-60-day stages) and the
same exact medians and 90th percentiles (`quantile_cont`); `sql-norules`, the same query
without the quality rules (the floor: a scan and an aggregate); `pandas`, with the same rules.
Each (data set, task, implementation) runs in its own subprocess, so peak RSS (VmHWM) is its
own. The engine, `sql` and pandas must agree (counts exactly, times to 1e-9 relative) or the
run fails; `sql-norules` counts every declaration, so it is timed, not compared.
"""

import argparse
import importlib.util
import json
import math
import os
import resource
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))


def _schema() -> ModuleType:
    """The engine's code lists and bounds (data, not logic), loaded by themselves: importing them
    through the package would load Ibis into the SQL and pandas workers and inflate their peak."""
    path = ROOT / "src" / "aeo" / "trs" / "engine" / "schema.py"
    spec = importlib.util.spec_from_file_location("trs_bench_schema", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


schema = _schema()
CLEARANCE_MODES, ECONOMIES, REASONS = schema.CLEARANCE_MODES, schema.ECONOMIES, schema.REASONS
MAX_STAGE_SECONDS, TRANSPORT_MODES = schema.MAX_STAGE_SECONDS, schema.TRANSPORT_MODES

IMPLEMENTATIONS = ("engine", "sql", "sql-norules", "pandas")
DATA_SETS = "1:ms,50:ms,50:us,100:us"  # share of the file in scope (%): timestamp unit
TASKS = ("report", "compare")
BEFORE = (date(2018, 10, 12), date(2019, 5, 21))
AFTER = (date(2019, 5, 22), date(2019, 12, 31))
STATS = ("count", "mean", "median", "p90")
Figures = dict[str, Any]
Results = dict[tuple[str, str], dict[str, Any]]  # (task, implementation) -> its run


# ---------------------------------------------------------------- engine


def engine(task: str, path: Path) -> Figures:
    from aeo.trs.engine import Period, compare, report

    if task == "report":
        r = report(
            path,
            importing="TW",
            partner="JP",
            by=("transport_mode", "clearance_mode"),
            show_progress=False,
        )
        groups = {
            "/".join(str(v) for v in g.key.values()): {
                "declarations": g.declarations,
                **{f"clearance_{m}": n for m, n in g.clearance.items()},
                **{
                    f"s{s}_{k}": getattr(g.stages[s], f"{k}_s" if k != "count" else k)
                    for s in (1, 2)
                    for k in STATS
                },
                **{f"{name}_mean": i.mean_s for name, i in g.intervals.items()},
            }
            for g in r.groups
        }
        return {"groups": groups, "quality": _quality(r.quality.rows, r.quality.excluded)}
    c = compare(
        path,
        importing="TW",
        partner="JP",
        before=Period(*BEFORE),
        after=Period(*AFTER),
        show_progress=False,
    )
    groups: dict[str, dict[str, Any]] = {}
    for row in c.rows:
        for period in ("before", "after"):
            s = getattr(row, period)
            if s.count:
                groups.setdefault(f"{period}/{row.transport_mode}", {}).update(
                    {
                        f"s{row.stage}_{k}": getattr(s, f"{k}_s" if k != "count" else k)
                        for k in STATS
                    }
                )
    return {"groups": groups, "quality": _quality(c.quality.rows, c.quality.excluded)}


def _quality(rows: int, excluded: dict[str, int]) -> dict[str, int]:
    return {"rows": rows, **{r: n for r, n in excluded.items() if n}}


# ---------------------------------------------------------------- hand-written DuckDB SQL


def _in(values: Any) -> str:
    return ", ".join(f"'{v}'" for v in sorted(values))


def _sql(task: str, path: Path, rules: bool = True) -> str:
    """One query. With `rules`, the ids that occur more than once in the whole file are found
    by a group-by (cheaper than a window over the ids) and every copy is excluded."""
    reasons = ",\n".join(f"  count(*) FILTER (reason = '{r}') AS dq_{r}" for r in REASONS)
    pair = "importing_economy = 'TW' AND partner_economy = 'JP'"
    if task == "report":
        keys, scope, selected = "transport_mode, clearance_mode", pair, "reason IS NULL"
        extra = ",\n".join(
            [f"  count(*) FILTER (reason IS NULL AND clearance_mode = '{m}') AS clearance_{m}"
             for m in CLEARANCE_MODES]
            + [f"  avg({c}) FILTER (reason IS NULL) AS {c}_mean"
               for c in ("arrival_to_lodgment", "lodgment_to_release", "release_to_delivery")]
        ) + ",\n  count(*) FILTER (reason IS NULL) AS declarations,"  # fmt: skip
    else:
        keys, scope = "period, transport_mode", f"{pair} AND period IS NOT NULL"
        selected, extra = "reason IS NULL AND consignor_aeo", ""
    if rules:
        # the code lists as tables: `x IN (SELECT ...)` is a hash probe, where `x IN (249
        # constants)` compares with each of them (30 times slower)
        duplicates = f"""economy AS (SELECT unnest([{_in(ECONOMIES)}]) AS code),
transport AS (SELECT unnest([{_in(TRANSPORT_MODES)}]) AS code),
clearance AS (SELECT unnest([{_in(CLEARANCE_MODES)}]) AS code),
dup AS (
  SELECT declaration_id, true AS duplicate FROM read_parquet('{path}')
  GROUP BY declaration_id HAVING count(*) > 1
), """
        joined = f"read_parquet('{path}') LEFT JOIN dup USING (declaration_id)"
        reason = f"""CASE
      WHEN declaration_id IS NULL THEN 'missing_id'
      WHEN duplicate THEN 'duplicate_id'
      WHEN importing_economy NOT IN (SELECT code FROM economy) OR importing_economy IS NULL
        OR partner_economy NOT IN (SELECT code FROM economy) OR partner_economy IS NULL
        THEN 'unknown_economy'
      WHEN transport_mode NOT IN (SELECT code FROM transport) OR transport_mode IS NULL
        THEN 'unknown_transport_mode'
      WHEN clearance_mode NOT IN (SELECT code FROM clearance) OR clearance_mode IS NULL
        THEN 'unknown_clearance_mode'
      WHEN s1 < 0 THEN 'stage1_negative'
      WHEN s2 < 0 THEN 'stage2_negative'
      WHEN s1 > {MAX_STAGE_SECONDS} THEN 'stage1_too_long'
      WHEN s2 > {MAX_STAGE_SECONDS} THEN 'stage2_too_long'
    END"""
    else:
        duplicates, joined, reason = "", f"read_parquet('{path}')", "NULL::VARCHAR"
    return f"""
WITH {duplicates}d AS (
  SELECT *,
    (epoch_us(released_at) - epoch_us(lodged_at)) / 1e6 AS s1,
    (epoch_us(delivered_at) - epoch_us(arrived_at)) / 1e6 AS s2,
    (epoch_us(lodged_at) - epoch_us(arrived_at)) / 1e6 AS arrival_to_lodgment,
    (epoch_us(delivered_at) - epoch_us(released_at)) / 1e6 AS release_to_delivery,
    CASE
      WHEN coalesce(lodged_at, arrived_at)::DATE BETWEEN DATE '{BEFORE[0]}' AND DATE '{BEFORE[1]}'
      THEN 'before'
      WHEN coalesce(lodged_at, arrived_at)::DATE BETWEEN DATE '{AFTER[0]}' AND DATE '{AFTER[1]}'
      THEN 'after'
    END AS period
  FROM {joined}
), r AS (
  SELECT *, s1 AS lodgment_to_release, {reason} AS reason
  FROM d WHERE {scope}
)
SELECT {keys},
  count(*) AS dq_rows,
{reasons},{extra}
  count(s1) FILTER ({selected}) AS s1_count,
  avg(s1) FILTER ({selected}) AS s1_mean,
  quantile_cont(s1, [0.5, 0.9]) FILTER ({selected}) AS s1_q,
  count(s2) FILTER ({selected}) AS s2_count,
  avg(s2) FILTER ({selected}) AS s2_mean,
  quantile_cont(s2, [0.5, 0.9]) FILTER ({selected}) AS s2_q
FROM r
GROUP BY ALL
"""


def sql(task: str, path: Path, rules: bool = True) -> Figures:
    import duckdb

    con = duckdb.connect()
    con.execute("SET TimeZone = 'UTC'")
    cursor = con.execute(_sql(task, path, rules))
    names = [d[0] for d in cursor.description]
    rows = [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
    return _from_rows(task, rows)


def sql_norules(task: str, path: Path) -> Figures:
    return sql(task, path, rules=False)


def _from_rows(task: str, rows: list[dict[str, Any]]) -> Figures:
    """Figures from one row per group holding dq_*, s*_count/mean/q (and report extras)."""
    quality = {"rows": sum(r["dq_rows"] for r in rows)}
    for reason in REASONS:
        if n := sum(r[f"dq_{reason}"] for r in rows):
            quality[reason] = n
    groups = {}
    for r in rows:
        figures = {}
        for s in (1, 2):
            q = r[f"s{s}_q"] or [None, None]
            figures |= {f"s{s}_count": r[f"s{s}_count"], f"s{s}_mean": r[f"s{s}_mean"],
                        f"s{s}_median": q[0], f"s{s}_p90": q[1]}  # fmt: skip
        if task == "report":
            if not r["declarations"]:
                continue
            figures |= {k: v for k, v in r.items() if k.startswith("clearance_")}
            figures |= {k: v for k, v in r.items() if k.endswith("_mean") and k[1] != "1"}
            figures["declarations"] = r["declarations"]
            key = f"{r['transport_mode']}/{r['clearance_mode']}"
        else:
            if not (r["s1_count"] or r["s2_count"]):
                continue
            key = f"{r['period']}/{r['transport_mode']}"
        groups[key] = {k: v for k, v in figures.items() if k not in ("s1_mean", "s2_mean")} | {
            "s1_mean": r["s1_mean"],
            "s2_mean": r["s2_mean"],
        }
    return {"groups": groups, "quality": quality}


# ---------------------------------------------------------------- pandas


def pandas(task: str, path: Path) -> Figures:
    import numpy as np
    import pyarrow.parquet as pq

    # the ids of the whole file, for the duplicate check; the rest of the pair's rows only
    all_ids = pq.read_table(path, columns=["declaration_id"]).column(0).to_pandas()
    counts = all_ids.value_counts()
    repeated = counts.index[counts.to_numpy() > 1]
    del all_ids, counts
    pair = [("importing_economy", "=", "TW"), ("partner_economy", "=", "JP")]
    df = pq.read_table(path, filters=pair).to_pandas()

    def seconds(start: str, end: str) -> Any:
        return (df[end].dt.as_unit("us") - df[start].dt.as_unit("us")).dt.total_seconds()

    df["s1"], df["s2"] = seconds("lodged_at", "released_at"), seconds("arrived_at", "delivered_at")
    df["arrival_to_lodgment"] = seconds("arrived_at", "lodged_at")
    df["release_to_delivery"] = seconds("released_at", "delivered_at")
    df["lodgment_to_release"] = df["s1"]
    ids = df["declaration_id"]
    known = list(ECONOMIES)
    conditions = {
        "missing_id": ids.isna(),
        "duplicate_id": ids.isin(repeated) & ids.notna(),
        "unknown_economy": ~(df.importing_economy.isin(known) & df.partner_economy.isin(known)),
        "unknown_transport_mode": ~df.transport_mode.isin(TRANSPORT_MODES),
        "unknown_clearance_mode": ~df.clearance_mode.isin(CLEARANCE_MODES),
        "stage1_negative": df.s1 < 0,
        "stage2_negative": df.s2 < 0,
        "stage1_too_long": df.s1 > MAX_STAGE_SECONDS,
        "stage2_too_long": df.s2 > MAX_STAGE_SECONDS,
    }
    masks = [c.fillna(False).to_numpy(dtype=bool) for c in conditions.values()]
    df["reason"] = np.select(masks, list(conditions), default="")
    if task == "compare":
        day = df.lodged_at.fillna(df.arrived_at).dt.date
        df["period"] = np.select(
            [day.between(*BEFORE).to_numpy(bool), day.between(*AFTER).to_numpy(bool)],
            ["before", "after"],
            default="",
        )
        df = df[df.period.ne("")]
        keys = ["period", "transport_mode"]
        chosen = df[df.reason.eq("") & df.consignor_aeo.fillna(False).astype(bool)]
    else:
        keys = ["transport_mode", "clearance_mode"]
        chosen = df[df.reason.eq("")]
    quality = df.groupby([*keys, "reason"], dropna=False).size()
    stats = chosen.groupby(keys, dropna=False)
    found: dict[tuple, dict[str, Any]] = {}
    for s in ("s1", "s2"):
        g = stats[s]
        parts = {"count": g.count(), "mean": g.mean(), "q5": g.quantile(0.5), "q9": g.quantile(0.9)}
        for key in parts["count"].index:
            row = found.setdefault(key, {})
            row[f"{s}_count"] = int(parts["count"][key])
            has = row[f"{s}_count"] > 0
            row[f"{s}_mean"] = float(parts["mean"][key]) if has else None
            row[f"{s}_q"] = [float(parts["q5"][key]), float(parts["q9"][key])] if has else None
    if task == "report":
        sizes = stats.size()
        lanes = chosen.groupby([*keys, "clearance_mode"]).size()
        means = stats[["arrival_to_lodgment", "lodgment_to_release", "release_to_delivery"]].mean()
        for key, row in found.items():
            row["declarations"] = int(sizes[key])
            for m in CLEARANCE_MODES:
                row[f"clearance_{m}"] = int(lanes.get((*key, m), 0))
            for c, v in means.loc[key].items():
                row[f"{c}_mean"] = None if v != v else float(v)
    rows = []
    for key in {k[:-1] for k in quality.index}:
        row = dict(zip(keys, key, strict=True)) | found.get(key, {"declarations": 0})
        for stage in ("s1", "s2"):
            row |= {f"{stage}_{k}": v for k, v in (("count", 0), ("mean", None), ("q", None))
                    if f"{stage}_{k}" not in row}  # fmt: skip
        row["dq_rows"] = int(sum(n for k, n in quality.items() if k[:-1] == key))
        row |= {f"dq_{r}": int(quality.get((*key, r), 0)) for r in REASONS}
        rows.append(row)
    return _from_rows(task, rows)


# ---------------------------------------------------------------- driver


def worker(impl: str, task: str, path: Path) -> None:
    """Time one implementation; its imports are done first, they are not computation (for the
    engine, also the modules Ibis imports on first use: its DuckDB backend, and pandas for its
    result types)."""
    modules = {
        "engine": ["aeo.trs.engine", "ibis.backends.duckdb", "ibis.backends.duckdb.converter"],
        "sql": ["duckdb"],
        "sql-norules": ["duckdb"],
    }
    for module in modules.get(impl, ["pandas"]):
        __import__(module)
    run = {"engine": engine, "sql": sql, "sql-norules": sql_norules, "pandas": pandas}[impl]
    start, cpu = time.perf_counter(), time.process_time()
    figures = run(task, path)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_mb": peak_mb(), "figures": figures}))


def peak_mb() -> float:
    """This process's peak resident memory, in MB.

    Linux's VmHWM, not `ru_maxrss`: the latter carries over the parent's peak into a spawned
    child, so every worker would seem to use at least what the driver did (about 500 MB after
    generating a million rows)."""
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:  # not Linux: ru_maxrss (kilobytes on Linux, bytes on macOS)
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    kilobytes = next(line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:"))
    return int(kilobytes) / 1024


def agree(a: Figures, b: Figures) -> list[str]:
    problems = []
    if a["quality"] != b["quality"]:
        problems.append(f"data quality differs: {a['quality']} != {b['quality']}")
    if set(a["groups"]) != set(b["groups"]):
        problems.append(f"groups differ: {sorted(a['groups'])} != {sorted(b['groups'])}")
    for key in set(a["groups"]) & set(b["groups"]):
        for name, x in a["groups"][key].items():
            y = b["groups"][key].get(name)
            if x is None or y is None:
                same = x is y
            else:
                same = math.isclose(x, y, rel_tol=1e-9, abs_tol=1e-6)
            if not same:
                problems.append(f"{key} {name}: {x} != {y}")
    return problems


def measure(path: Path, only: list[str], repeat: int, env: dict[str, str]) -> Results:
    """Run every (task, implementation) on `path`, `repeat` times: the fastest time, the
    highest peak."""
    results: Results = {}
    for _ in range(repeat):
        for task in TASKS:
            for impl in only:  # interleaved, so load changes hit every implementation
                out = subprocess.run(
                    [sys.executable, __file__, "--data", str(path), "--worker", impl, task],
                    check=True,
                    capture_output=True,
                    text=True,
                    env=env,
                ).stdout
                r = json.loads(out.strip().splitlines()[-1])
                print(f"  {task:8} {impl:11} {r['seconds']:8.2f} s  cpu {r['cpu']:8.2f} s  "
                      f"peak {r['peak_mb']:8.0f} MB  load {load()}", file=sys.stderr)  # fmt: skip
                best = results.setdefault((task, impl), r)
                best["seconds"] = min(best["seconds"], r["seconds"])
                best["cpu"] = min(best["cpu"], r["cpu"])
                best["peak_mb"] = max(best["peak_mb"], r["peak_mb"])
    return results


def load() -> str:
    """The host's load averages (1, 5, 15 minutes): on a shared host, every time needs it."""
    try:
        return " ".join(f"{x:.2f}" for x in os.getloadavg())
    except OSError:
        return "?"


def print_times(label: str, results: Results) -> bool:
    """One line per task: each implementation's time and peak, and the ratios; False if the
    engine, `sql` and pandas do not agree."""
    agreed = True
    for task in TASKS:
        found = {impl: r for (t, impl), r in results.items() if t == task}
        if not found:
            continue
        quality = next(iter(found.values()))["figures"]["quality"]["rows"]
        cells = [f"{label:14}", f"{task:8}", f"{quality:>11,}"]
        for impl in IMPLEMENTATIONS:
            r = found.get(impl)
            cell = f"{r['seconds']:7.2f} s {r['cpu']:6.1f} c {r['peak_mb']:5.0f} MB" if r else ""
            cells.append(f"{cell:24}")
        base = found.get("engine")

        for measure in ("seconds", "cpu"):
            for a, b in (("engine", "sql"), ("engine", "sql-norules"), ("pandas", "engine")):
                both = a in found and b in found
                cells.append(f"{found[a][measure] / found[b][measure]:7.2f}" if both else " " * 7)
        print(" ".join(cells))
        for impl in ("sql", "pandas"):
            if base and impl in found:
                problems = agree(base["figures"], found[impl]["figures"])
                for problem in problems[:10]:
                    print(f"  DISAGREE engine vs {impl}: {problem}")
                agreed &= not problems
    return agreed


def print_header() -> None:
    names = " ".join(f"{impl:>24}" for impl in IMPLEMENTATIONS)
    ratios = " ".join(f"{name:>7}" for name in ("e/sql", "e/norul", "pd/e"))
    print(f"\n{'data set':14} {'task':8} {'in scope':>11} {names} {ratios} {ratios.upper()}")


def print_memory(by_rows: dict[int, dict[str, Results]]) -> None:
    """Peak memory of each implementation against the number of declarations."""
    sizes = sorted(by_rows)
    print(f"\npeak MB by rows (rows x{sizes[-1] / sizes[0]:g}); last column: the peak at the "
          "most rows over the peak at the fewest")  # fmt: skip
    print(f"{'data set':14} {'task':8} {'impl':11} " + " ".join(f"{n:>11,}" for n in sizes)
          + f"{'growth':>9}")  # fmt: skip
    for label, results in by_rows[sizes[0]].items():
        for key in results:
            peaks = [by_rows[n][label][key]["peak_mb"] for n in sizes]
            print(f"{label:14} {key[0]:8} {key[1]:11} " + " ".join(f"{p:11.0f}" for p in peaks)
                  + f"{peaks[-1] / peaks[0]:9.2f}")  # fmt: skip


def _sizes(text: str) -> list[int]:
    return [int(part.replace("_", "")) for part in text.split(",")]


def _data_sets(text: str) -> list[tuple[float, str]]:
    """ "1:ms,50:us" as [(0.01, "ms"), (0.5, "us")]."""
    found = []
    for part in text.split(","):
        share, _, unit = part.partition(":")
        if unit not in ("ms", "us") or not 0 < float(share) <= 100:
            raise argparse.ArgumentTypeError(f"{part!r}: expected SHARE:UNIT, e.g. 50:ms")
        found.append((float(share) / 100, unit))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--rows",
        type=_sizes,
        default=[20_000_000],
        help="declarations; several, comma-separated, to compare peak memory across sizes",
    )
    parser.add_argument(
        "--data-sets",
        type=_data_sets,
        default=_data_sets(DATA_SETS),
        help=f"share of the file in scope (%%) and timestamp unit, default {DATA_SETS}",
    )
    parser.add_argument("--data", type=Path, help="Parquet file (one size only)")
    parser.add_argument("--only", choices=IMPLEMENTATIONS, nargs="*", default=list(IMPLEMENTATIONS))
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs per measurement, the fastest kept (noisy hosts)"
    )
    parser.add_argument(
        "--memory-limit", help="the engine's DuckDB budget (AEO_TRS_MEMORY_LIMIT), e.g. 256MB"
    )
    parser.add_argument("--worker", nargs=2, metavar=("IMPL", "TASK"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(*args.worker, args.data)
        return
    if args.data and len(args.rows) > 1:
        parser.error("--data takes one size of --rows")
    from aeo.trs.engine import generate
    from aeo.trs.engine.backends import MEMORY_LIMIT

    env = dict(os.environ)
    if args.memory_limit:
        env["AEO_TRS_MEMORY_LIMIT"] = args.memory_limit
    print(f"engine budget: {env.get('AEO_TRS_MEMORY_LIMIT') or MEMORY_LIMIT}", file=sys.stderr)
    agreed = True
    by_rows: dict[int, dict[str, Results]] = {}
    lines: list[tuple[str, Results]] = []
    for rows in args.rows:
        for share, unit in [(0.0, "")] if args.data else args.data_sets:
            label = f"{rows / 1e6:g}M {share:.0%} {unit}" if not args.data else args.data.name
            path = args.data or ROOT / "var" / "bench" / f"trs_{rows}_{share:g}_{unit}.parquet"
            if not path.exists():
                print(f"generating {label} into {path} …", file=sys.stderr)
                start = time.perf_counter()
                generate(path, rows, pair_share=share, unit=unit)
                print(f"generated in {time.perf_counter() - start:.1f} s", file=sys.stderr)
            print(f"{label} (load {load()})", file=sys.stderr)
            results = measure(path, args.only, args.repeat, env)
            by_rows.setdefault(rows, {})[label.split(" ", 1)[-1]] = results
            lines.append((label, results))
    print("wall time (s), CPU seconds (c) and peak (MB) per implementation; e/sql = engine / "
          "same-rules query, e/norul = engine / query without rules, pd/e = pandas / engine, "
          "by wall time, then (upper case) by CPU seconds, steadier on a shared host; "
          f"load average at the end: {load()}")  # fmt: skip
    print_header()
    for label, results in lines:
        agreed &= print_times(label, results)
    if len(by_rows) > 1:
        print_memory(by_rows)
    print("engine, sql and pandas agree" if agreed else "IMPLEMENTATIONS DISAGREE")
    sys.exit(0 if agreed else 1)


if __name__ == "__main__":
    main()
