import shutil
from pathlib import Path

import pytest

from aeo.trs.engine import Period, generate

from . import table2


@pytest.fixture(scope="session")
def table2_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return table2.write_csv(tmp_path_factory.mktemp("table2") / "table2.csv")


@pytest.fixture(scope="session")
def periods() -> dict[str, Period]:
    return {"before": Period.parse(table2.BEFORE), "after": Period.parse(table2.AFTER)}


@pytest.fixture(scope="session")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """20,000 generated declarations, written in four chunks."""
    out = tmp_path_factory.mktemp("synthetic") / "declarations.parquet"
    return generate(out, 20_000, seed=7, chunk_rows=5_000, dirty_rate=0.01)


@pytest.fixture(scope="session")
def spark():
    """One local SparkSession for all Spark tests; skipped only if pyspark or Java is missing."""
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("Java is not installed")
    from aeo.trs.engine import spark_session

    session = spark_session()
    yield session
    session.stop()
