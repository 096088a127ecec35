"""The second administration of the demo: Chinese Taipei (TW), a few AEOs with 8-digit
unified business numbers as TINs, its officials, and its arrangement with Japan.

Chinese Taipei's AEO types are reference data (registry/data/aeo_types.py).
"""

from datetime import date, timedelta

from aeo.accounts import services as account_services
from aeo.accounts.constants import Role
from aeo.accounts.models import User
from aeo.authorizations import services as authorization_services
from aeo.benefits.constants import Category
from aeo.core.now import today, travel
from aeo.demo.lifecycle import local_time
from aeo.mra.constants import MRAEventType
from aeo.mra.models import Arrangement
from aeo.mra.services import arrangements, consent
from aeo.registry import services as registry_services
from aeo.registry.constants import OfficeKind, OperatorRole
from aeo.registry.models import CustomsOffice, Economy, Operator

# The arrangement's scope: our types, as Japan recognizes them.
SCOPE_WITH_JAPAN = [
    ("IMP", "Authorized Importer (特例輸入者)"),
    ("EXP", "Authorized Exporter (特定輸出者)"),
    ("BRK", "AEO Customs Broker (認定通関業者)"),
    ("MFR", "Authorized Manufacturer (認定製造者)"),
]
# What Japan grants Chinese Taipei's AEOs.
BENEFITS_IN_JAPAN = [
    {
        "title_en": "Reduced examination of your goods in Japan",
        "title_ja": "日本における貨物検査の軽減",
        "category": Category.LOW_INSPECTION,
        "aeo_types": ["EXP", "MFR"],
    },
    {
        "title_en": "Priority clearance in Japan",
        "title_ja": "日本における優先的な通関",
        "category": Category.RAPID_RELEASE,
        "aeo_types": ["EXP", "MFR"],
    },
]
OPERATORS: list[tuple[str, str, list[str], bool]] = [
    ("24536806", "Formosa Precision Machinery Co., Ltd.", [OperatorRole.EXPORTER], True),
    ("12345676", "Taipei Semiconductor Trading Co., Ltd.", [OperatorRole.IMPORTER], True),
    ("80325071", "Kaohsiung Harbour Brokerage Co., Ltd.", [OperatorRole.CUSTOMS_BROKER], True),
    ("53212539", "Hsinchu Components Manufacturing Co., Ltd.", [OperatorRole.MANUFACTURER], False),
]
STAFF = [
    ("examiner", Role.EXAMINER, "Mei-Ling", "Chen"),
    ("policy", Role.POLICY_OFFICER, "Chih-Hao", "Lin"),
    ("border", Role.BORDER_OFFICER, "Yu-Ting", "Wang"),
    ("oga", Role.OGA_OFFICER, "Wei", "Huang"),
]


def build_taipei(password: str) -> list[tuple[str, str, str]]:
    """Create the TW demo once; returns (username, role label, detail) for the sign-in list."""
    taipei = Economy.objects.get(code="TW")
    office, _ = CustomsOffice.objects.get_or_create(
        economy=taipei,
        code="TW-AEOC",
        defaults={
            "name": "AEO Center, Customs Administration",
            "kind": OfficeKind.AEO_CENTER,
            "has_aeo_unit": True,
        },
    )
    logins = []
    for username, role, first, last in STAFF:
        if not User.objects.filter(username=username).exists():
            account_services.create_user(
                actor=None,
                username=username,
                role=role,
                password=password,
                office=office,
                first_name=first,
                last_name=last,
                email=f"{username}@customs.tw.example",
            )
        logins.append((username, str(Role(role).label), str(office)))
    start = today() - timedelta(days=400)
    for tin, name, roles, consents in OPERATORS:
        operator = Operator.objects.filter(economy=taipei, tin=tin).first()
        if operator is None:
            operator = registry_services.create_operator(
                actor=None,
                economy=taipei,
                tin=tin,
                legal_name=name,
                employee_count=180,
                roles=roles,
                address=f"{tin[-3:]} Zhongshan Road, Taipei",
                reason="demo data",
            )
            with travel(local_time(start, 10)):
                authorization_services.issue_authorizations(
                    actor=None, operator=operator, roles=roles
                )
            if consents:
                consent.give_consent(actor=None, operator=operator)
    trader = "trader.tw"
    if not User.objects.filter(username=trader).exists():
        account_services.create_user(
            actor=None,
            username=trader,
            role=Role.TRADER,
            password=password,
            operator=Operator.objects.get(economy=taipei, tin=OPERATORS[0][0]),
        )
    logins.append((trader, str(Role.TRADER.label), OPERATORS[0][1]))
    if not User.objects.filter(username="partner.jp").exists():
        account_services.create_user(
            actor=None,
            username="partner.jp",
            role=Role.PARTNER_CUSTOMS,
            password=None,
            first_name="Japan",
            last_name="Customs",
        )
    if not Arrangement.objects.exists():
        policy = User.objects.get(username="policy")
        signed = date(2018, 11, 28)
        with travel(local_time(signed, 9)):
            mra = arrangements.create_mra(
                actor=policy,
                title="Chinese Taipei–Japan AEO MRA",
                partners=["JP"],
                scope=SCOPE_WITH_JAPAN,
                benefits_abroad=BENEFITS_IN_JAPAN,
                partner_identifier="Your 8-digit unified business number.",
                declaration_field="The consignor's AEO identifier in Japan's import declaration.",
            )
            mra = arrangements.change_mra_status(
                actor=policy, mra=mra, event=MRAEventType.SIGNED, effective_on=signed
            )
            arrangements.change_mra_status(
                actor=policy, mra=mra, event=MRAEventType.ENTERED_INTO_FORCE, effective_on=signed
            )
    return logins
