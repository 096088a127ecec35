"""Formats: durations as the study prints them; every format carries data quality."""

import csv
import io
import json
import re

import pytest

from aeo.trs.engine import Comparison, compare, render, report
from aeo.trs.engine.text import duration


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (44246.3, "0 days 12 hours 17 min. 26.3 sec."),
        (109602.1, "1 day 6 hours 26 min. 42.1 sec."),
        (59.96, "0 days 0 hours 1 min. 0.0 sec."),
        (-5400, "-0 days 1 hour 30 min. 0.0 sec."),
        (None, "No Records"),
    ],
)
def test_duration(seconds, text):
    assert duration(seconds) == text


@pytest.fixture(scope="module")
def results(table2_csv, periods):
    return [
        compare(table2_csv, importing="TW", partner="JP", distributions=True, **periods),
        report(table2_csv, by=("transport_mode", "consignor_aeo"), distributions=True),
    ]


@pytest.mark.parametrize("fmt", ["text", "json", "csv", "html"])
def test_every_format_has_the_data_quality_section(results, fmt):
    for result in results:
        out = render(result, fmt)
        assert "duplicate_id" in out and "stage2_too_long" in out


def test_csv_has_statistics_then_data_quality(results):
    for result in results:
        stats, quality = render(result, "csv").split("\n\n")
        assert len(list(csv.reader(io.StringIO(stats)))) > 1
        rows = {r[0]: r[1] for r in csv.DictReader(io.StringIO(quality)).reader}
        assert rows["duplicate_id"] == "2"


def test_report_json_groups(results):
    doc = json.loads(render(results[1], "json"))
    group = doc["groups"][0]
    assert group["key"] == {"transport_mode": "sea", "consignor_aeo": True}
    assert set(group["intervals"]) == {
        "arrival_to_lodgment",
        "lodgment_to_release",
        "release_to_delivery",
    }
    assert sum(group["clearance_share_pct"].values()) == pytest.approx(100, abs=0.02)


def test_html_is_one_self_contained_file_with_charts(results):
    for result in results:
        page = render(result, "html")
        assert page.count("<svg") >= 3
        assert not re.search(r"<script|<link|src=|url\(", page)
        assert not re.findall(r"https?://(?!www\.w3\.org/2000/svg)", page)


def test_html_comparison_leads_with_the_study_table(results):
    comparison = next(r for r in results if isinstance(r, Comparison))
    page = render(comparison, "html")
    assert page.index("<h2>Mean release times</h2>") < page.index("<svg")
    assert page.index("<svg") < page.index("<h2>Data quality")


def test_html_names_groups_in_words_in_english_and_japanese(results):
    report_result = results[1]
    en, ja = (render(report_result, "html", lang) for lang in ("en", "ja"))
    assert '<html lang="en">' in en and '<html lang="ja">' in ja
    assert "transport_mode=" not in en and "consignor_aeo=" not in en
    assert "Sea cargo · consignor: AEO" in en and "Sea cargo · consignor: non-AEO" in en
    assert "海上貨物・荷送人：AEO事業者" in ja and "海上貨物・荷送人：非AEO事業者" in ja
    assert "ステージ1（輸入申告 → 許可）" in ja and "90パーセンタイル" in ja
    assert "90th percentile" in en and "90th percentile" not in ja


def test_html_charts_are_vega_lite_drawn_with_axes(results):
    from aeo.trs.engine import charts

    comparison, report_result = results
    spec = charts.compare_means(comparison, 1, "ja")
    assert spec["$schema"].startswith("https://vega.github.io/schema/vega-lite/")
    assert spec["layer"][0]["encoding"]["x"]["title"] == "平均所要時間（時間）"
    rows = [*spec.get("data", {}).get("values", []), *(r for d in spec.get("datasets", {}).values()
                                                       for r in d)]  # fmt: skip
    assert any(row.get("mode") == "海上貨物" for row in rows)
    page = render(report_result, "html", "ja")
    # the axis titles are drawn in the SVG, not only in the specification
    assert "平均所要時間（時間）" in page and "申告件数の割合（%）" in page and "所要時間" in page
    assert 'class="mark-group role-axis"' in page or "role-axis" in page


def test_html_language_must_be_known(results):
    from aeo.trs.engine import TrsError

    with pytest.raises(TrsError, match="unknown language"):
        render(results[0], "html", "fr")
