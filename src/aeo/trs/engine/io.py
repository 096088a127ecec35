"""Reading the declarations file (CSV or Parquet, by extension) and checking its columns."""

from pathlib import Path
from typing import Any

import ibis
import ibis.expr.types as ir
import pyarrow as pa
from ibis.backends import BaseBackend
from ibis.expr.types.relations import CachedTable

from .backends import csv_options
from .errors import InputError, TrsError, first_line
from .schema import COLUMNS

FORMATS = (".csv", ".parquet")


def read_declarations(con: BaseBackend, path: str | Path) -> ibis.Table:
    """The file's declarations as an Ibis table of the input columns (nothing is loaded yet)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in FORMATS:
        raise InputError(f"{path}: unknown input format {suffix!r}; expected .csv or .parquet")
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    try:
        if suffix == ".csv":
            table = con.read_csv(str(path.resolve()), **csv_options(con))
        else:
            table = con.read_parquet(str(path.resolve()))
    except Exception as exc:  # every backend has its own error classes
        raise InputError(f"{path}: cannot read the file ({first_line(exc)})") from exc
    missing = [column for column in COLUMNS if column not in table.columns]
    if missing:
        raise InputError(f"{path}: missing column(s): {', '.join(missing)}")
    return table.select(*COLUMNS)


def execute(expr: ibis.Expr) -> list[dict[str, Any]]:
    """Run an expression and return its rows; backend failures become a TrsError."""
    try:
        return expr.to_pyarrow().to_pylist()
    except Exception as exc:
        raise TrsError(f"the query failed: {first_line(exc)}") from exc


def execute_table(expr: ibis.Expr) -> pa.Table:
    """Run an expression and return its result as an Arrow table."""
    try:
        return expr.to_pyarrow()
    except Exception as exc:
        raise TrsError(f"the query failed: {first_line(exc)}") from exc


def execute_columns(expr: ibis.Expr) -> dict[str, list[Any]]:
    """Run an expression and return its columns (cheaper than rows for many rows)."""
    try:
        return expr.to_pyarrow().to_pydict()
    except Exception as exc:
        raise TrsError(f"the query failed: {first_line(exc)}") from exc


def cache(table: ir.Table) -> CachedTable:
    """The table computed now and kept by the backend (DuckDB spills it to disk past its memory
    limit) until released: use it as `with cache(t) as kept:`. Failures become a TrsError."""
    try:
        return table.cache()  # type: ignore[return-value]  # a CachedTable, typed as Table
    except Exception as exc:
        raise TrsError(f"the query failed: {first_line(exc)}") from exc


def estimate_rows(path: str | Path) -> int | None:
    """The rows of a declarations file: exact for Parquet (its footer), estimated for CSV (its
    size over the length of its first lines); None if unknown. Only plans use it."""
    path = Path(path)
    try:
        if path.suffix.lower() == ".parquet":
            import pyarrow.parquet as pq

            return int(pq.ParquetFile(path).metadata.num_rows)
        with path.open("rb") as f:
            head = f.read(1 << 16)
        lines = head.count(b"\n")
        return int(path.stat().st_size / (len(head) / lines)) if lines > 1 else None
    except Exception:  # a plan without it is slower, never wrong
        return None
