"""Ibis connections the engine runs on: DuckDB (default) or PySpark (optional extra).

Every connection computes in UTC, so that naive timestamps are read as UTC and the date a
declaration belongs to is its UTC date, whatever the machine's time zone.
"""

import os
import sys
import tempfile
import uuid
from typing import Any

import ibis
from ibis.backends import BaseBackend

from .errors import TrsError, first_line

BACKENDS = ("duckdb", "pyspark")
MEMORY_LIMIT = "512MB"  # DuckDB's budget unless AEO_TRS_MEMORY_LIMIT says otherwise (e.g. "4GB")


def duckdb_config() -> dict[str, Any]:
    """A bounded memory budget, past which DuckDB spills to a directory of its own on disk.

    The directory is unique to the connection (DuckDB names its spill files alike, so two
    processes sharing one would overwrite each other's); DuckDB creates it only when it
    spills and removes it when the connection closes. Insertion order is not needed (every
    result is aggregated), and keeping it would hold rows back from spilling.
    """
    return {
        "memory_limit": os.environ.get("AEO_TRS_MEMORY_LIMIT") or MEMORY_LIMIT,
        "temp_directory": os.path.join(tempfile.gettempdir(), f"aeo-trs-{uuid.uuid4().hex}"),
        "preserve_insertion_order": False,
    }


def connect(
    backend: str = "duckdb", *, session: Any = None, threads: int | None = None
) -> BaseBackend:
    """Open an Ibis connection; `session` is an existing SparkSession for the pyspark backend."""
    if backend == "duckdb":
        config = duckdb_config()
        try:
            con = ibis.duckdb.connect(**config, **({"threads": threads} if threads else {}))
        except Exception as exc:  # DuckDB rejects a budget it cannot read, e.g. "lots"
            raise TrsError(
                f"cannot start DuckDB with memory_limit={config['memory_limit']!r} "
                f"(AEO_TRS_MEMORY_LIMIT): {first_line(exc)}"
            ) from exc
        con.raw_sql("SET TimeZone = 'UTC'")
        return con
    if backend == "pyspark":
        session = session or spark_session()
        session.conf.set("spark.sql.session.timeZone", "UTC")
        return ibis.pyspark.connect(session)
    raise TrsError(f"unknown backend {backend!r}; choose one of {', '.join(BACKENDS)}")


def spark_session(master: str = "local[2]") -> Any:
    """A local SparkSession set up for the engine (UTC, quiet, few shuffle partitions)."""
    try:
        from pyspark.sql import SparkSession
    except ImportError as exc:
        raise TrsError(
            "the pyspark backend needs the 'spark' extra: pip install 'aeo[spark]'"
        ) from exc
    # Spark's Python workers (which carry small tables in) must run this very Python.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    session = (
        SparkSession.builder.master(master)
        .appName("aeo-trs")
        .config("spark.sql.session.timeZone", "UTC")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    return session


def csv_options(con: BaseBackend) -> dict[str, Any]:
    """Read every CSV column as text: the engine parses and validates values itself."""
    if con.name == "duckdb":
        return {"all_varchar": True}
    return {"header": True, "inferSchema": False}
