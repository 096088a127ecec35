"""Deterministic, believable demo data: Japan administering, operators of every role and size."""

import random
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction

from aeo.accounts import services as account_services
from aeo.accounts.constants import Role
from aeo.accounts.models import User
from aeo.applications import services as application_services
from aeo.core.now import today
from aeo.demo.benefits import build_benefits
from aeo.demo.border import build_border
from aeo.demo.lifecycle import build_applications
from aeo.demo.mra import build_japan_mras
from aeo.demo.supervision import build_supervision
from aeo.demo.supervision_audits import build_audits
from aeo.registry import services as registry_services
from aeo.registry.constants import OperatorRole
from aeo.registry.models import CustomsOffice, Economy, Operator, Region

DEMO_PASSWORD = "aeo-demo-2026"  # noqa: S105 - printed for the demo; never used in production

NAME_STEMS = [
    "Sakura",
    "Fuji",
    "Asahi",
    "Hikari",
    "Midori",
    "Yamato",
    "Kizuna",
    "Tsubasa",
    "Minato",
    "Hoshi",
    "Kaze",
    "Aozora",
    "Shinsei",
    "Daiichi",
    "Chuo",
    "Heiwa",
    "Nishiki",
    "Kotobuki",
    "Tohoku",
    "Kansai",
    "Seto",
    "Hokuyo",
    "Nankai",
    "Marunouchi",
    "Takumi",
    "Mirai",
]
NAME_TRADES = {
    OperatorRole.IMPORTER: ["Trading", "Shoji", "Foods Import"],
    OperatorRole.EXPORTER: ["Export", "Industries", "Precision"],
    OperatorRole.CUSTOMS_BROKER: ["Customs Brokerage", "Tsukan"],
    OperatorRole.WAREHOUSE_OPERATOR: ["Soko", "Warehousing"],
    OperatorRole.LOGISTICS_OPERATOR: ["Logistics", "Butsuryu"],
    OperatorRole.MANUFACTURER: ["Manufacturing", "Electronics", "Machinery", "Chemical"],
    OperatorRole.FREIGHT_FORWARDER: ["Forwarding", "Global Express"],
    OperatorRole.ROAD_CARRIER: ["Unyu", "Transport"],
    OperatorRole.SEA_CARRIER: ["Kaiun", "Shipping Lines"],
    OperatorRole.AIR_CARRIER: ["Airways Cargo"],
    OperatorRole.GROUND_HANDLER: ["Airport Services"],
    OperatorRole.TERMINAL_OPERATOR: ["Container Terminal"],
    OperatorRole.COURIER: ["Express Courier"],
    OperatorRole.SHIPPING_AGENT: ["Marine Agency"],
    OperatorRole.ECOMMERCE_PLATFORM: ["Online Market", "Cross-border Commerce"],
}
SUFFIXES = ["Co., Ltd.", "K.K.", "Corporation", "Inc."]
# Companion roles commonly held together, to make role mixes believable.
COMPANIONS = {
    OperatorRole.IMPORTER: [OperatorRole.EXPORTER, OperatorRole.MANUFACTURER],
    OperatorRole.EXPORTER: [OperatorRole.IMPORTER, OperatorRole.MANUFACTURER],
    OperatorRole.CUSTOMS_BROKER: [OperatorRole.FREIGHT_FORWARDER, OperatorRole.WAREHOUSE_OPERATOR],
    OperatorRole.WAREHOUSE_OPERATOR: [OperatorRole.LOGISTICS_OPERATOR],
    OperatorRole.FREIGHT_FORWARDER: [OperatorRole.CUSTOMS_BROKER, OperatorRole.LOGISTICS_OPERATOR],
}
# Roles that no AEO type of Japan admits come with one that a type does, as they do in trade:
# platforms import, handlers and terminals run bonded sheds, agents forward.
HELD_WITH = {
    OperatorRole.ECOMMERCE_PLATFORM: OperatorRole.IMPORTER,
    OperatorRole.GROUND_HANDLER: OperatorRole.WAREHOUSE_OPERATOR,
    OperatorRole.TERMINAL_OPERATOR: OperatorRole.WAREHOUSE_OPERATOR,
    OperatorRole.SHIPPING_AGENT: OperatorRole.FREIGHT_FORWARDER,
}
# Prefectures weighted by where trade is concentrated.
BUSY_REGIONS = {
    "JP-13": 8,
    "JP-14": 5,
    "JP-27": 5,
    "JP-23": 4,
    "JP-28": 3,
    "JP-12": 3,
    "JP-40": 3,
    "JP-11": 2,
    "JP-22": 2,
}
STAFF = [
    ("examiner", Role.EXAMINER, "TOKYO", "Haruto", "Sato"),
    ("examiner.osaka", Role.EXAMINER, "OSAKA", "Yui", "Tanaka"),
    ("manager", Role.ACCOUNT_MANAGER, "TOKYO", "Ren", "Suzuki"),
    ("coordinator", Role.COORDINATOR, "AEOC", "Aoi", "Takahashi"),
    ("policy", Role.POLICY_OFFICER, "CTB", "Sota", "Watanabe"),
    ("auditor", Role.AUDITOR, "TOKYO", "Mei", "Ito"),
    ("border", Role.BORDER_OFFICER, "TOKYO", "Riku", "Yamamoto"),
    ("oga", Role.OGA_OFFICER, None, "Hina", "Nakamura"),
]


# The demo traders' own companies: an SME importer, a large exporter, a customs broker.
TRADERS = [
    (
        "trader.sme",
        "010401000001",
        {
            "legal_name": "Sakura Foods Import Co., Ltd.",
            "employee_count": 35,
            "roles": [OperatorRole.IMPORTER],
            "region": "JP-13",
            "address": "2-4-1 Shiba, Minato-ku, Tokyo",
        },
    ),
    (
        "trader.large",
        "018001000002",
        {
            "legal_name": "Fuji Precision Industries Corporation",
            "employee_count": 2400,
            "roles": [OperatorRole.EXPORTER, OperatorRole.MANUFACTURER],
            "region": "JP-23",
            "address": "1-1 Meieki, Nakamura-ku, Nagoya",
        },
    ),
    (
        "trader.broker",
        "020001000003",
        {
            "legal_name": "Minato Customs Brokerage K.K.",
            "employee_count": 120,
            "roles": [OperatorRole.CUSTOMS_BROKER, OperatorRole.FREIGHT_FORWARDER],
            "region": "JP-14",
            "address": "5-2 Kaigandori, Naka-ku, Yokohama",
        },
    ),
]


@dataclass
class DemoLogin:
    username: str
    role: str
    detail: str
    password: str | None
    token: str | None = None


def _tin(rng: random.Random) -> str:
    body = "".join(str(rng.randint(0, 9)) for _ in range(12))
    return registry_services.corporate_number(body)


def _employees(rng: random.Random) -> int:
    """Most traders are small: a long-tailed size distribution."""
    return max(1, int(rng.lognormvariate(4.0, 1.6)))


def _established(tin: str) -> date:
    """A founding date from the TIN alone (the main sequence stays as it was): one operator in
    ten is younger than three years, the rest up to 70 years old."""
    own = random.Random(tin)
    days = own.randint(90, 3 * 365 - 30) if own.random() < 0.1 else own.randint(3 * 365, 70 * 365)
    return today() - timedelta(days=days)


def _operator_spec(rng: random.Random, regions: list[Region]) -> dict:
    main = rng.choice(list(OperatorRole))
    roles = {main}
    if main in COMPANIONS and rng.random() < 0.5:
        roles.add(rng.choice(COMPANIONS[main]))
    if main in HELD_WITH:
        roles.add(HELD_WITH[main])
    weights = [BUSY_REGIONS.get(r.code, 1) for r in regions]
    region = rng.choices(regions, weights=weights)[0]
    name = f"{rng.choice(NAME_STEMS)} {rng.choice(NAME_TRADES[main])} {rng.choice(SUFFIXES)}"
    tin = _tin(rng)
    return {
        "tin": tin,
        "established_on": _established(tin),
        "legal_name": name,
        "employee_count": _employees(rng),
        "roles": sorted(roles),
        "region": region,
        "address": f"{rng.randint(1, 9)}-{rng.randint(1, 30)}-{rng.randint(1, 20)}, {region.name}",
    }


@transaction.atomic
def build(
    *, seed: int = 2026, operators: int = 300, declarations: int | None = None
) -> list[DemoLogin]:
    """Create the demo data once; a second run changes nothing and returns the same logins.

    `declarations`: a year of them through the intake (default: 35 per operator)."""
    rng = random.Random(seed)
    japan = Economy.objects.get(code="JP")
    regions = list(Region.objects.filter(economy=japan).order_by("code"))
    specs = [_operator_spec(rng, regions) for _ in range(operators)]
    for spec in specs:
        if not Operator.objects.filter(economy=japan, tin=spec["tin"]).exists():
            registry_services.create_operator(actor=None, economy=japan, reason="demo data", **spec)
    logins = []
    offices = {o.code: o for o in CustomsOffice.objects.filter(economy=japan)}
    for username, role, office_code, first, last in STAFF:
        office = offices.get(office_code) if office_code else None
        if not User.objects.filter(username=username).exists():
            account_services.create_user(
                actor=None,
                username=username,
                role=role,
                password=DEMO_PASSWORD,
                office=office,
                first_name=first,
                last_name=last,
                email=f"{username}@customs.example",
            )
        logins.append(DemoLogin(username, str(Role(role).label), str(office or ""), DEMO_PASSWORD))
    for username, tin_body, spec in TRADERS:
        operator = _showcase_operator(japan, tin_body, spec)
        if not User.objects.filter(username=username).exists():
            account_services.create_user(
                actor=None,
                username=username,
                role=Role.TRADER,
                password=DEMO_PASSWORD,
                operator=operator,
                email=f"{username}@trader.example",
            )
        size = "SME" if operator.is_sme else "large"
        logins.append(
            DemoLogin(
                username, str(Role.TRADER.label), f"{operator.legal_name} ({size})", DEMO_PASSWORD
            )
        )
    build_applications(rng, User.objects.get(username="examiner"))
    # The applications' past was lived at its dates: store their clocks as of today, as the
    # daily tick does.
    application_services.refresh_clocks()
    build_supervision()
    build_benefits()  # before the MRAs: they grant the partners' AEOs catalogue benefits
    build_japan_mras()
    build_border(seed=seed, declarations=35 * operators if declarations is None else declarations)
    logins += [
        DemoLogin(*row, DEMO_PASSWORD)
        for row in build_audits(User.objects.get(username="auditor"), DEMO_PASSWORD)
    ]
    if not User.objects.filter(username="partner.tw").exists():
        account_services.create_user(
            actor=None,
            username="partner.tw",
            role=Role.PARTNER_CUSTOMS,
            password=None,
            first_name="Chinese Taipei",
            last_name="Customs",
        )
    logins.append(
        DemoLogin(
            "partner.tw",
            str(Role.PARTNER_CUSTOMS.label),
            "API only: `aeo token partner.tw` prints a token",
            None,
        )
    )
    return logins


def _showcase_operator(japan: Economy, tin_body: str, spec: dict) -> Operator:
    tin = registry_services.corporate_number(tin_body)
    existing = Operator.objects.filter(economy=japan, tin=tin).first()
    if existing:
        return existing
    region = Region.objects.get(economy=japan, code=spec["region"])
    return registry_services.create_operator(
        actor=None, economy=japan, tin=tin, reason="demo data", **{**spec, "region": region}
    )
