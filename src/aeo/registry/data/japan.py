"""Japan Customs' AEO structure (Japan seed): the AEO Center at Tokyo Customs coordinates nine
regional customs, each with an AEO unit; policy sits at the Customs and Tariff Bureau (MOF).

Prefectures route an operator to the regional customs whose jurisdiction covers its head office.
Where a prefecture is split between two customs, it routes to the one with most of it.
"""

# code, name, kind, has AEO unit
OFFICES: list[tuple[str, str, str, bool]] = [
    ("CTB", "Customs and Tariff Bureau, Ministry of Finance", "headquarters", False),
    ("AEOC", "AEO Center (Tokyo Customs)", "aeo_center", True),
    ("HAKODATE", "Hakodate Customs", "regional", True),
    ("TOKYO", "Tokyo Customs", "regional", True),
    ("YOKOHAMA", "Yokohama Customs", "regional", True),
    ("NAGOYA", "Nagoya Customs", "regional", True),
    ("OSAKA", "Osaka Customs", "regional", True),
    ("KOBE", "Kobe Customs", "regional", True),
    ("MOJI", "Moji Customs", "regional", True),
    ("NAGASAKI", "Nagasaki Customs", "regional", True),
    ("OKINAWA", "Okinawa Regional Customs", "regional", True),
]

# Japan Customs' own names of the offices, by code.
OFFICE_NAMES_JA: dict[str, str] = {
    "CTB": "財務省関税局",
    "AEOC": "AEOセンター（東京税関）",
    "HAKODATE": "函館税関",
    "TOKYO": "東京税関",
    "YOKOHAMA": "横浜税関",
    "NAGOYA": "名古屋税関",
    "OSAKA": "大阪税関",
    "KOBE": "神戸税関",
    "MOJI": "門司税関",
    "NAGASAKI": "長崎税関",
    "OKINAWA": "沖縄地区税関",
}

# ISO 3166-2:JP code, prefecture, regional customs code
PREFECTURES: list[tuple[str, str, str]] = [
    ("JP-01", "Hokkaido", "HAKODATE"),
    ("JP-02", "Aomori", "HAKODATE"),
    ("JP-03", "Iwate", "HAKODATE"),
    ("JP-04", "Miyagi", "YOKOHAMA"),
    ("JP-05", "Akita", "HAKODATE"),
    ("JP-06", "Yamagata", "TOKYO"),
    ("JP-07", "Fukushima", "YOKOHAMA"),
    ("JP-08", "Ibaraki", "YOKOHAMA"),
    ("JP-09", "Tochigi", "TOKYO"),
    ("JP-10", "Gunma", "TOKYO"),
    ("JP-11", "Saitama", "TOKYO"),
    ("JP-12", "Chiba", "TOKYO"),
    ("JP-13", "Tokyo", "TOKYO"),
    ("JP-14", "Kanagawa", "YOKOHAMA"),
    ("JP-15", "Niigata", "TOKYO"),
    ("JP-16", "Toyama", "OSAKA"),
    ("JP-17", "Ishikawa", "OSAKA"),
    ("JP-18", "Fukui", "OSAKA"),
    ("JP-19", "Yamanashi", "TOKYO"),
    ("JP-20", "Nagano", "TOKYO"),
    ("JP-21", "Gifu", "NAGOYA"),
    ("JP-22", "Shizuoka", "NAGOYA"),
    ("JP-23", "Aichi", "NAGOYA"),
    ("JP-24", "Mie", "NAGOYA"),
    ("JP-25", "Shiga", "OSAKA"),
    ("JP-26", "Kyoto", "OSAKA"),
    ("JP-27", "Osaka", "OSAKA"),
    ("JP-28", "Hyogo", "KOBE"),
    ("JP-29", "Nara", "OSAKA"),
    ("JP-30", "Wakayama", "OSAKA"),
    ("JP-31", "Tottori", "KOBE"),
    ("JP-32", "Shimane", "KOBE"),
    ("JP-33", "Okayama", "KOBE"),
    ("JP-34", "Hiroshima", "KOBE"),
    ("JP-35", "Yamaguchi", "MOJI"),
    ("JP-36", "Tokushima", "KOBE"),
    ("JP-37", "Kagawa", "KOBE"),
    ("JP-38", "Ehime", "KOBE"),
    ("JP-39", "Kochi", "KOBE"),
    ("JP-40", "Fukuoka", "MOJI"),
    ("JP-41", "Saga", "NAGASAKI"),
    ("JP-42", "Nagasaki", "NAGASAKI"),
    ("JP-43", "Kumamoto", "NAGASAKI"),
    ("JP-44", "Oita", "MOJI"),
    ("JP-45", "Miyazaki", "MOJI"),
    ("JP-46", "Kagoshima", "NAGASAKI"),
    ("JP-47", "Okinawa", "OKINAWA"),
]
