"""`aeo trs ...`: the management command over the engine."""

import json

import pytest
from django.core.management import CommandError, call_command

from . import table2


def run(*args: str, stderr=None) -> str:
    from io import StringIO

    out = StringIO()
    call_command("trs", *args, stdout=out, stderr=stderr if stderr is not None else StringIO())
    return out.getvalue()


def test_compare_json(table2_csv):
    out = run(
        "compare", "--input", str(table2_csv), "--importing", "TW", "--partner", "JP",
        "--before", table2.BEFORE, "--after", table2.AFTER, "--format", "json",
    )  # fmt: skip
    rows = json.loads(out)["rows"]
    assert [r["rate_of_change_pct"] for r in rows] == list(table2.RATES.values())


def test_report_html_to_a_file(table2_csv, tmp_path):
    target = tmp_path / "report.html"
    from io import StringIO

    said = StringIO()
    run("report", "--input", str(table2_csv), "--by", "transport_mode,clearance_mode",
        "--format", "html", "--output", str(target), "--lang", "ja", stderr=said)  # fmt: skip
    assert target.read_text().startswith("<!doctype html>")
    assert '<html lang="ja">' in target.read_text()
    assert str(target) in said.getvalue()


def test_generate_then_report(tmp_path):
    target = tmp_path / "d.csv"
    run("generate", "--rows", "500", "--out", str(target), "--seed", "1")
    assert "Data quality" in run("report", "--input", str(target))


@pytest.mark.parametrize(
    "args",
    [
        ["report", "--input", "absent.csv"],
        ["report", "--input", "{csv}", "--by", "colour"],
        ["compare", "--input", "{csv}", "--importing", "TW", "--partner", "JP",
         "--before", "2019-05-22:2019-12-31", "--after", "2019-06-01:2019-07-01"],
    ],
)  # fmt: skip
def test_bad_input_exits_with_code_2(table2_csv, args):
    with pytest.raises(CommandError) as error:
        run(*(a.format(csv=table2_csv) for a in args))
    assert error.value.returncode == 2


def test_memory_budget_comes_from_the_environment(table2_csv, monkeypatch):
    from aeo.trs.engine import connect

    monkeypatch.setenv("AEO_TRS_MEMORY_LIMIT", "300MB")
    [(limit,)] = connect().raw_sql("SELECT current_setting('memory_limit')").fetchall()
    assert limit == "286.1 MiB"  # DuckDB's way of saying 300 MB
    monkeypatch.setenv("AEO_TRS_MEMORY_LIMIT", "lots")
    with pytest.raises(CommandError, match="AEO_TRS_MEMORY_LIMIT") as error:
        run("report", "--input", str(table2_csv))
    assert error.value.returncode == 2
