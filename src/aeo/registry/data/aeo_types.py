"""The AEO types of each economy's programme, loaded idempotently by data migrations.

Another economy's types are added by a migration that calls `add_aeo_types` with its own list
(historical model, economy code, rows); an economy with no types yet authorizes no one.
"""

from typing import Any

# code (the AEO-number infix), English name, Japanese name, operator roles that may hold it
AEOTypeRow = tuple[str, str, str, list[str]]

# Japan Customs' six types. The bonded transporter (特定保税運送者) is for the operators that
# carry or forward goods under customs control; ground handlers, terminal operators, shipping
# agents and e-commerce platforms are not a type of their own in Japan's programme.
JAPAN: list[AEOTypeRow] = [
    ("IMP", "Authorized Importer", "特例輸入者", ["importer"]),
    ("EXP", "Authorized Exporter", "特定輸出者", ["exporter"]),
    ("WHS", "Authorized Warehouse Operator", "特定保税承認者", ["warehouse_operator"]),
    ("BRK", "AEO Customs Broker", "認定通関業者", ["customs_broker"]),
    (
        "LOG",
        "AEO Logistics Operator",
        "特定保税運送者",
        [
            "logistics_operator",
            "freight_forwarder",
            "road_carrier",
            "sea_carrier",
            "air_carrier",
            "courier",
        ],
    ),
    ("MFR", "Authorized Manufacturer", "認定製造者", ["manufacturer"]),
]

# Chinese Taipei's AEO-S (安全認證優質企業) categories, for the second administration of the demo.
CHINESE_TAIPEI: list[AEOTypeRow] = [
    ("IMP", "AEO-S Importer", "AEO-S輸入者", ["importer"]),
    ("EXP", "AEO-S Exporter", "AEO-S輸出者", ["exporter"]),
    ("BRK", "AEO-S Customs Broker", "AEO-S通関業者", ["customs_broker"]),
    ("WHS", "AEO-S Bonded Warehouse Operator", "AEO-S保税蔵置場業者", ["warehouse_operator"]),
    (
        "LOG",
        "AEO-S Carrier and Forwarder",
        "AEO-S運送業者・フォワーダー",
        ["logistics_operator", "freight_forwarder", "sea_carrier", "air_carrier", "courier"],
    ),
    ("MFR", "AEO-S Manufacturer", "AEO-S製造者", ["manufacturer"]),
]

BY_ECONOMY: dict[str, list[AEOTypeRow]] = {"JP": JAPAN, "TW": CHINESE_TAIPEI}


def add_all(aeo_type_model: Any) -> None:
    """Every economy's types listed here (the test suite's reference data)."""
    for economy_code, rows in BY_ECONOMY.items():
        add_aeo_types(aeo_type_model, economy_code, rows)


def add_aeo_types(aeo_type_model: Any, economy_code: str, rows: list[AEOTypeRow]) -> None:
    """Create or update the economy's types from `rows`, in their order."""
    for position, (code, name_en, name_ja, roles) in enumerate(rows, start=1):
        aeo_type_model.objects.update_or_create(
            economy_id=economy_code,
            code=code,
            defaults={"name_en": name_en, "name_ja": name_ja, "roles": roles, "position": position},
        )
