"""Words of the HTML report and its charts, in English and Japanese.

The text, JSON and CSV outputs keep the study's English and the input's codes (they are read by
programs as much as by people); the HTML report is read by people, so it names things in words,
in the reader's language. Japanese follows Japan Customs' usage: 輸入申告 (import declaration),
許可 (release), 簡易審査扱い / 書類審査扱い / 検査扱い (区分1/2/3, the green, yellow and red lanes).
"""

from typing import Any

LANGUAGES = ("en", "ja")

_WORDS: dict[str, dict[str, str]] = {
    "compare_title": {
        "en": "Release times of {importing}'s imports from {partner}",
        "ja": "{partner}から{importing}への輸入貨物の所要時間",
    },
    "compare_subtitle": {
        "en": "{consignors}; before ({before}) and after ({after}) the AEO MRA's entry into force",
        "ja": "{consignors}、AEO相互承認取決めの発効前（{before}）と発効後（{after}）",
    },
    "aeo_consignors": {"en": "AEO consignors", "ja": "荷送人がAEO事業者の貨物"},
    "all_consignors": {"en": "all consignors", "ja": "すべての荷送人"},
    "report_title": {"en": "Release times per group", "ja": "グループ別の所要時間"},
    "report_scope": {
        "en": "Imports by {importing} from {partner}, {period}; grouped by {by}",
        "ja": "輸入国・地域 {importing}、仕出国・地域 {partner}、{period}、{by}別",
    },
    "any_economy": {"en": "any economy", "ja": "すべて"},
    "whole_period": {"en": "every date in the file", "ja": "全期間"},
    "period_from_to": {"en": "{start} to {end}", "ja": "{start}～{end}"},
    "first_date": {"en": "the first date", "ja": "最初の日"},
    "last_date": {"en": "the last date", "ja": "最後の日"},
    "no_grouping": {"en": "no grouping", "ja": "区分なし"},
    "and": {"en": ", ", "ja": "・"},
    "stage": {"en": "Stage {n}", "ja": "ステージ{n}"},
    "stage_1_span": {"en": "import declaration → release", "ja": "輸入申告 → 許可"},
    "stage_2_span": {"en": "arrival → delivery", "ja": "到着 → 引取り"},
    "before": {"en": "Before the entry into force", "ja": "発効前"},
    "after": {"en": "After the entry into force", "ja": "発効後"},
    "rate": {"en": "Rate of change (%)", "ja": "変化率（%）"},
    "transport_mode": {"en": "Transport mode", "ja": "輸送形態"},
    "declarations": {"en": "Declarations", "ja": "申告件数"},
    "mean": {"en": "Mean", "ja": "平均"},
    "median": {"en": "Median", "ja": "中央値"},
    "p90": {"en": "90th percentile", "ja": "90パーセンタイル"},
    "period": {"en": "Period", "ja": "期間"},
    "no_records": {"en": "No Records", "ja": "記録なし"},
    "mean_times": {"en": "Mean release times", "ja": "平均所要時間"},
    "details": {
        "en": "Declarations, median and 90th percentile",
        "ja": "申告件数・中央値・90パーセンタイル",
    },
    "chart_means_compare": {
        "en": "Mean release time, before and after",
        "ja": "平均所要時間（発効前・発効後）",
    },
    "chart_means_report": {"en": "Mean release time per group", "ja": "グループ別の平均所要時間"},
    "chart_bottleneck": {
        "en": "Where the time goes: mean intervals from arrival to delivery",
        "ja": "時間のかかる区間：到着から引取りまでの各区間の平均",
    },
    "bottleneck_note": {
        "en": "A negative arrival → lodgment (lodged before arrival) is drawn as zero.",
        "ja": "到着前に輸入申告された場合（到着 → 輸入申告がマイナス）は0として描いています。",
    },
    "chart_distribution": {
        "en": "Distribution of release times (share of declarations per duration range)",
        "ja": "所要時間の分布（所要時間の区間ごとの申告件数の割合）",
    },
    "axis_hours": {"en": "Mean time (hours)", "ja": "平均所要時間（時間）"},
    "axis_share": {"en": "Share of declarations (%)", "ja": "申告件数の割合（%）"},
    "axis_range": {"en": "Duration", "ja": "所要時間"},
    "interval": {"en": "Interval", "ja": "区間"},
    "arrival_to_lodgment": {"en": "arrival → lodgment", "ja": "到着 → 輸入申告"},
    "lodgment_to_release": {"en": "lodgment → release", "ja": "輸入申告 → 許可"},
    "release_to_delivery": {"en": "release → delivery", "ja": "許可 → 引取り"},
    "mean_interval": {"en": "Mean interval", "ja": "区間の平均"},
    "clearance_mode": {"en": "Clearance mode", "ja": "審査区分"},
    "share_pct": {"en": "Share (%)", "ja": "割合（%）"},
    "all_declarations": {"en": "all declarations", "ja": "すべての申告"},
    "group": {"en": "Group", "ja": "グループ"},
    "quality": {
        "en": "Data quality (an excluded row is counted under the first reason that applies)",
        "ja": "データ品質（除外した行は、最初に該当した理由で数えています）",
    },
    "rows": {"en": "Rows", "ja": "行数"},
    "in_scope": {"en": "in scope: declarations within the filters", "ja": "対象範囲内の申告"},
    "used": {"en": "used: declarations in the statistics", "ja": "集計に用いた申告"},
    "reason": {"en": "Reason", "ja": "理由"},
    "not_recorded": {"en": "not recorded", "ja": "記録なし"},
    "yes": {"en": "yes", "ja": "はい"},
    "no": {"en": "no", "ja": "いいえ"},
    "importer_aeo": {"en": "importer", "ja": "輸入者"},
    "consignor_aeo": {"en": "consignor", "ja": "荷送人"},
    "partner_economy": {"en": "partner", "ja": "仕出国・地域"},
    "aeo": {"en": "AEO", "ja": "AEO事業者"},
    "non_aeo": {"en": "non-AEO", "ja": "非AEO事業者"},
    "days_unit": {"en": "d", "ja": "日"},
    "hours_unit": {"en": "h", "ja": "時間"},
    "minutes_unit": {"en": "min", "ja": "分"},
    "seconds_unit": {"en": "s", "ja": "秒"},
}

_MODES = {
    "sea": {"en": "Sea cargo", "ja": "海上貨物"},
    "air": {"en": "Air cargo", "ja": "航空貨物"},
    "road": {"en": "Road cargo", "ja": "陸路貨物"},
    "rail": {"en": "Rail cargo", "ja": "鉄道貨物"},
    "post": {"en": "Postal items", "ja": "郵便物"},
}
_LANES = {
    "free": {"en": "Free from Paper and Cargo Examination", "ja": "簡易審査扱い（区分1）"},
    "paper": {"en": "Paper Review", "ja": "書類審査扱い（区分2）"},
    "exam": {"en": "Cargo Examination", "ja": "検査扱い（区分3）"},
}
_SHORT_LANES = {  # in group names, where the full names would crowd the labels
    "free": {"en": "green lane (free)", "ja": "区分1（簡易審査）"},
    "paper": {"en": "yellow lane (paper review)", "ja": "区分2（書類審査）"},
    "exam": {"en": "red lane (examination)", "ja": "区分3（検査）"},
}
_REASONS = {
    "missing_id": {"en": "declaration id is empty", "ja": "申告番号が空"},
    "duplicate_id": {
        "en": "declaration id occurs more than once in the file (all copies excluded)",
        "ja": "申告番号がファイル内で重複（すべての重複行を除外）",
    },
    "unknown_economy": {
        "en": "importing or partner economy is not an ISO 3166 alpha-2 code",
        "ja": "輸入国・地域または仕出国・地域がISO 3166の2文字コードでない",
    },
    "unknown_transport_mode": {"en": "unknown transport mode", "ja": "輸送形態のコードが不明"},
    "unknown_clearance_mode": {"en": "unknown clearance mode", "ja": "審査区分のコードが不明"},
    "invalid_boolean": {
        "en": "an AEO flag is not true/false/1/0",
        "ja": "AEOの区分が true/false/1/0 でない",
    },
    "invalid_timestamp": {"en": "a timestamp is not ISO 8601", "ja": "日時がISO 8601形式でない"},
    "stage1_negative": {"en": "release before lodgment", "ja": "許可が輸入申告より前"},
    "stage2_negative": {"en": "delivery before arrival", "ja": "引取りが到着より前"},
    "stage1_too_long": {"en": "Stage 1 longer than 60 days", "ja": "ステージ1が60日を超える"},
    "stage2_too_long": {"en": "Stage 2 longer than 60 days", "ja": "ステージ2が60日を超える"},
}


def word(key: str, lang: str, **values: Any) -> str:
    return _WORDS[key][lang].format(**values)


def mode(code: str, lang: str) -> str:
    return _MODES[code][lang] if code in _MODES else code


def lane(code: str, lang: str) -> str:
    return _LANES[code][lang] if code in _LANES else code


def reason(code: str, lang: str) -> str:
    return _REASONS[code][lang]


def stage(n: int, lang: str) -> str:
    """`Stage 1 (import declaration → release)`."""
    span = word(f"stage_{n}_span", lang)
    return f"{word('stage', lang, n=n)}（{span}）" if lang == "ja" else f"Stage {n} ({span})"


def value(column: str, v: Any, lang: str) -> str:
    """A group key's value in words: `Sea cargo`, `importer: AEO`, `partner: JP`."""
    if v is None:
        text = word("not_recorded", lang)
    elif column == "transport_mode":
        return mode(v, lang)
    elif column == "clearance_mode":
        return _SHORT_LANES[v][lang] if v in _SHORT_LANES else v
    elif isinstance(v, bool):
        text = word("aeo" if v else "non_aeo", lang)
    else:
        text = str(v)
    colon = "：" if lang == "ja" else ": "
    return f"{word(column, lang) if column in _WORDS else column}{colon}{text}"


def group(key: dict[str, Any], lang: str) -> str:
    """A group's label: its key's values in words, or "all declarations"."""
    parts = [value(column, v, lang) for column, v in key.items()]
    return (" · " if lang == "en" else "・").join(parts) or word("all_declarations", lang)


def duration(seconds: float | None, lang: str) -> str:
    """`12 h 17 min 26.3 s` / `12時間17分26.3秒`, days when over a day; No Records for None."""
    if seconds is None:
        return word("no_records", lang)
    from .stats import round_s

    rounded = round_s(seconds) or 0.0
    sign, tenths = ("-" if rounded < 0 else ""), round(abs(rounded) * 10)
    minutes, tenths = divmod(tenths, 600)
    hours, minutes = divmod(minutes, 60)
    days, hours = divmod(hours, 24)
    units = [word(f"{u}_unit", lang) for u in ("days", "hours", "minutes", "seconds")]
    parts = [(days, units[0])] if days else []
    parts += [(hours, units[1]), (minutes, units[2])]
    gap = "" if lang == "ja" else " "
    text = gap.join(f"{n}{gap}{u}" for n, u in parts)
    return f"{sign}{text}{gap}{tenths // 10}.{tenths % 10}{gap}{units[3]}"
