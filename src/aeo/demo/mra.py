"""Japan's Mutual Recognition Arrangements, lived through the services at their dates, and the
showcase traders' consent to the exchange.

Years as Japan Customs lists them (China: signed 2018, in force 2019); the days are
illustrative. The European Union and the United Kingdom are not APEC economies: they are
added as partner economies (codes EU and GB) outside the APEC reference data.
"""

from datetime import date
from typing import Any

from aeo.accounts.models import User
from aeo.benefits.constants import BenefitStatus, Category
from aeo.benefits.models import Benefit
from aeo.core.now import travel
from aeo.demo.lifecycle import local_time
from aeo.mra.constants import MRAEventType
from aeo.mra.models import Arrangement
from aeo.mra.services import arrangements, consent
from aeo.registry.models import Economy

NON_APEC_PARTNERS = [("EU", "European Union"), ("GB", "United Kingdom")]
# partner codes, title, signed on, in force from
JAPAN_MRAS: list[tuple[list[str], str, date, date]] = [
    (["NZ"], "Japan–New Zealand AEO MRA", date(2008, 5, 29), date(2008, 5, 29)),
    (["US"], "Japan–United States AEO MRA", date(2009, 6, 26), date(2009, 6, 26)),
    (["EU"], "Japan–EU Mutual Recognition of AEO programmes", date(2010, 6, 24), date(2010, 6, 24)),
    (["CA"], "Japan–Canada AEO MRA", date(2010, 6, 28), date(2010, 6, 28)),
    (["KR"], "Japan–Korea AEO MRA", date(2011, 5, 25), date(2011, 5, 25)),
    (["SG"], "Japan–Singapore AEO MRA", date(2011, 6, 24), date(2011, 6, 24)),
    (["MY"], "Japan–Malaysia AEO MRA", date(2014, 6, 12), date(2014, 6, 12)),
    (["HK"], "Japan–Hong Kong, China AEO MRA", date(2016, 9, 27), date(2016, 9, 27)),
    (["CN"], "Japan–China AEO MRA", date(2018, 10, 26), date(2019, 6, 1)),
    (["TW"], "Japan–Chinese Taipei AEO MRA", date(2018, 11, 28), date(2019, 5, 22)),
    (["AU"], "Japan–Australia AEO MRA", date(2019, 6, 20), date(2019, 6, 20)),
    (["GB"], "Japan–United Kingdom AEO MRA", date(2020, 10, 23), date(2020, 10, 23)),
    (["TH"], "Japan–Thailand AEO MRA", date(2022, 3, 30), date(2022, 3, 30)),
]
JAPAN_SCOPE = [
    ("EXP", "AEO (export security)"),
    ("IMP", "AEO (import)"),
    ("WHS", "AEO (warehouse operator)"),
    ("BRK", "AEO (customs broker)"),
    ("LOG", "AEO (logistics operator)"),
    ("MFR", "AEO (manufacturer)"),
]
ALL_TYPES = [code for code, _name in JAPAN_SCOPE]
# What partners grant Japan's AEOs (title, Japanese title, category, our types).
BENEFITS_ABROAD: list[dict[str, Any]] = [
    {
        "title_en": "Use of the AEO status in the partner's risk assessment",
        "title_ja": "相手国の審査・検査におけるリスク評価へのAEOステータスの反映",
        "category": Category.LOW_INSPECTION,
        "aeo_types": ALL_TYPES,
    },
    {
        "title_en": "Reduced documentary and physical examination",
        "title_ja": "書類審査及び貨物検査の軽減",
        "category": Category.LOW_INSPECTION,
        "aeo_types": ["EXP", "MFR"],
    },
    {
        "title_en": "Priority examination when one is needed",
        "title_ja": "検査が必要な場合の優先的な実施",
        "category": Category.RAPID_RELEASE,
        "aeo_types": ["EXP", "MFR"],
    },
    {
        "title_en": "Priority in resuming trade after a disruption",
        "title_ja": "災害等による混乱後の貿易再開時の優先的な取扱い",
        "category": Category.CRISIS_PRIORITY,
        "aeo_types": ALL_TYPES,
    },
]
BENEFITS_ABROAD_NOTES = (
    "Your goods are treated as a partner AEO's once the partner knows your status (with your "
    "consent to the exchange)."
)
# Our catalogue's benefits that partner AEOs' shipments to Japan are given.
BENEFITS_HERE = [
    "Reduced Customs examination and inspection",
    "Pre-arrival lodgment of import declaration",
]
IDENTIFIER = (
    "Japan's 13-digit corporate number of the AEO (with its 4-digit branch, 0000 for the head "
    "office) or its AEO number, as the partner's rule says; your importer or consignee in the "
    "partner economy quotes it."
)
DECLARATION = (
    "In the partner's import declaration, the field for the foreign exporter's (consignor's) "
    "AEO or MRA identifier; for the EU, the additional information of the consignor (AEO "
    "identifier of the exporter)."
)
INDICATORS: list[dict[str, Any]] = [
    {
        "indicator": "Stage 1 release time of partner AEOs' imports",
        "target": "falls by 20 % within a year of entry into force",
        "stage": 1,
        "target_change_pct": -20.0,
    },
    {
        "indicator": "Stage 2 release time of partner AEOs' imports",
        "target": "falls by 10 % within a year of entry into force",
        "stage": 2,
        "target_change_pct": -10.0,
    },
    {
        "indicator": "Physical examination rate of partner AEOs' imports",
        "target": "at most half of non-AEOs'",
    },
]


def _partners() -> None:
    for code, name in NON_APEC_PARTNERS:
        Economy.objects.get_or_create(code=code, defaults={"name": name, "apec_member": False})


def build_japan_mras() -> None:
    """Japan's arrangements (once) and the large exporter's consent to the exchange."""
    if Arrangement.objects.exists():
        return
    _partners()
    policy = User.objects.get(username="policy")
    here = list(
        Benefit.objects.filter(
            title_en__in=BENEFITS_HERE, status=BenefitStatus.PUBLISHED
        ).values_list("pk", flat=True)
    )
    for codes, title, signed, in_force in JAPAN_MRAS:
        with travel(local_time(signed, 9)):
            mra = arrangements.create_mra(
                actor=policy,
                title=title,
                partners=codes,
                benefits_abroad=BENEFITS_ABROAD,
                benefits_abroad_notes=BENEFITS_ABROAD_NOTES,
                benefits_here=here,
                partner_identifier=IDENTIFIER,
                declaration_field=DECLARATION,
                scope=JAPAN_SCOPE,
                indicators=INDICATORS,
            )
            mra = arrangements.change_mra_status(
                actor=policy, mra=mra, event=MRAEventType.SIGNED, effective_on=signed
            )
        with travel(local_time(in_force, 10)):
            arrangements.change_mra_status(
                actor=policy, mra=mra, event=MRAEventType.ENTERED_INTO_FORCE, effective_on=in_force
            )
    large = User.objects.select_related("operator").get(username="trader.large")
    assert large.operator is not None  # a trader has its operator
    consent.give_consent(actor=large, operator=large.operator)
