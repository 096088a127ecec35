"""Japan's agencies in the programme, its seed benefits (the Japan Customs presentation's
"Benefits (Example)"), an MoU with the food sanitation authority, an OGA officer of it and a
joint inspection of the SME importer."""

from datetime import date, timedelta

from django.utils import timezone

from aeo.accounts.models import User
from aeo.benefits import selectors, services
from aeo.benefits.constants import Category, Mandate, MoUEventType
from aeo.benefits.models import Agency, Benefit

AGENCIES = [
    (
        "mhlw-food",
        "Ministry of Health, Labour and Welfare — Imported Food Safety",
        "厚生労働省 輸入食品安全対策室",
        Mandate.FOOD_SAFETY,
        "Quarantine stations (food sanitation) at ports and airports",
    ),
    (
        "maff-pps",
        "Ministry of Agriculture, Forestry and Fisheries — Plant Protection Station",
        "農林水産省 植物防疫所",
        Mandate.PLANT_PROTECTION,
        "Plant protection stations at ports and airports",
    ),
    (
        "maff-aqs",
        "Ministry of Agriculture, Forestry and Fisheries — Animal Quarantine Service",
        "農林水産省 動物検疫所",
        Mandate.ANIMAL_QUARANTINE,
        "Animal quarantine service at ports and airports",
    ),
    (
        "meti-export",
        "Ministry of Economy, Trade and Industry — Security Export Control",
        "経済産業省 安全保障貿易管理",
        Mandate.EXPORT_CONTROL,
        "Trade Control Department",
    ),
]
CUSTOMS_ACT = "Customs Act (Act No. 61 of 1954)"
# The seed's "reduced examination": the selectivity keeps a quarter of the AEO's rates.
REDUCED_EXAMINATION_PCT = 75
# (types, English title, Japanese title, category, legal basis, what it means in practice in
# English and in Japanese)
SEED_BENEFITS = [
    (
        ["IMP", "BRK"],
        "Pre-arrival lodgment of import declaration",
        "輸入申告の到着前申告",
        Category.RAPID_RELEASE,
        CUSTOMS_ACT,
        "Lodge the import declaration before the goods arrive; examination is decided on it, "
        "so that goods found low risk are released on arrival.",
        "貨物の到着前に輸入申告を行い、審査・検査の要否が到着前に決まるため、低リスクの貨物は到着時に許可されます。",
    ),
    (
        ["IMP"],
        "Reduced Customs examination and inspection",
        "税関の審査・検査の軽減",
        Category.LOW_INSPECTION,
        CUSTOMS_ACT,
        "Documentary review and cargo examination are selected less often (never to zero): the "
        "selectivity lowers the random rate for the AEO's declarations.",
        "書類審査・貨物検査の対象となる割合が低くなります（ゼロにはなりません）。",
    ),
    (
        ["IMP", "BRK"],
        "Deferred duty/tax payment declaration",
        "納期限延長・特例申告",
        Category.DEFERRED_PAYMENT,
        CUSTOMS_ACT + ", art. 7-2 (special declaration)",
        "Goods are released before duties and taxes are paid; one special declaration for the "
        "month, payment by its due date.",
        "関税・消費税の納付前に貨物を引き取り、1か月分をまとめて特例申告し、納期限までに納付します。",
    ),
    (
        ["EXP"],
        "No need to store goods in a Customs area for export",
        "保税地域に搬入することなく輸出申告",
        Category.PREMISES_CLEARANCE,
        CUSTOMS_ACT + ", art. 67-3",
        "Declare for export and get the permit while the goods are at your premises or another "
        "place; they need not be brought into a customs area first.",
        "貨物を保税地域に搬入することなく、自社の施設等に置いたまま輸出申告し、許可を受けられます。",
    ),
    (
        ["EXP"],
        "Reduced examination and inspection of exports",
        "輸出貨物の審査・検査の軽減",
        Category.LOW_INSPECTION,
        CUSTOMS_ACT,
        "Export declarations of the AEO are selected for documentary review and examination "
        "less often.",
        "AEO輸出者の輸出申告は、書類審査・検査の対象となる割合が低くなります。",
    ),
    (
        ["BRK"],
        "Relaxed requirement to store goods in a Customs area",
        "保税地域への搬入要件の緩和",
        Category.PREMISES_CLEARANCE,
        CUSTOMS_ACT + ", art. 67-3",
        "Export declarations lodged by the AEO customs broker may be made without bringing the "
        "goods into a customs area.",
        "認定通関業者が行う輸出申告は、貨物を保税地域に搬入することなく行えます。",
    ),
    (
        ["WHS"],
        "No monthly fee for customs warehouses",
        "保税蔵置場の許可手数料の免除",
        Category.LOW_DOCUMENTATION,
        CUSTOMS_ACT + ", art. 50",
        "The monthly permission fee of the AEO warehouse operator's bonded areas is waived.",
        "特定保税承認者の保税蔵置場の許可手数料（月額）が免除されます。",
    ),
    (
        ["WHS"],
        "A new Customs warehouse by notification only",
        "届出による保税蔵置場の設置",
        Category.LOW_DOCUMENTATION,
        CUSTOMS_ACT + ", art. 50",
        "A new bonded warehouse is set up by notifying customs, without a prior permit.",
        "税関への届出のみで新たな保税蔵置場を設置できます（事前の許可は不要）。",
    ),
]
OGA_BENEFIT = (
    ["IMP"],
    "Fewer food sanitation inspections for AEO importers",
    "AEO輸入者の食品衛生検査の軽減",
    Category.LOW_INSPECTION,
    "Food Sanitation Act, art. 27 (import notification)",
    "Monitoring inspections of the AEO importer's food consignments are planned at a lower "
    "rate, and joint inspections with customs are offered at one time and place.",
    "AEO輸入者の食品のモニタリング検査の計画頻度が低くなり、税関との合同検査を同じ日時・場所で受けられます。",
)


def build_benefits() -> None:
    """Once: agencies, the OGA officer's agency, the seed benefits (published), an MoU in force
    and a joint inspection scheduled for the SME importer."""
    if Agency.objects.exists():
        return
    policy = User.objects.get(username="policy")
    agencies = {}
    for code, en, ja, mandate, contact in AGENCIES:
        agencies[code] = services.create_agency(
            actor=policy, code=code, name_en=en, name_ja=ja, mandate=mandate, contact=contact
        )
    food = agencies["mhlw-food"]
    oga = User.objects.get(username="oga")
    services.add_agency_member(actor=policy, agency=food, user=oga)
    for row in SEED_BENEFITS:
        _published(policy, None, *row)
    _published(oga, food, *OGA_BENEFIT)
    services.create_benefit(
        actor=policy,
        title_en="Reduced guarantee for AEO importers",
        title_ja="AEO輸入者の担保の軽減",
        aeo_types=["IMP"],
        category=Category.GUARANTEES,
        conditions="Guarantee for the special declaration reduced.",
        condition_percent=50,
        comment="Under consultation with the Ministry of Finance.",
    )
    mou = services.create_mou(
        actor=policy,
        agency=food,
        title="Customs and MHLW cooperation on AEO importers of food",
        scope="Imported food of AEO importers: shared risk information, joint inspections at "
        "ports and airports, recognition of the AEO status in monitoring plans.",
        commitments=[
            "shared_criteria",
            "mutual_recognition",
            "joint_inspections",
            "single_contact",
        ],
        document_reference="MoU 2025-01 (AEO Center file)",
    )
    signed = date(2025, 10, 1)
    mou = services.change_mou_status(
        actor=policy, mou=mou, event=MoUEventType.SIGNED, effective_on=signed
    )
    services.change_mou_status(
        actor=policy,
        mou=mou,
        event=MoUEventType.ENTERED_INTO_FORCE,
        effective_on=signed + timedelta(days=30),
    )
    services.propose_criteria(
        actor=oga,
        text_en="The importer keeps the food safety records of its suppliers (HACCP) and "
        "shows them on request.",
        text_ja="輸入者は仕入先の食品安全記録（HACCP）を保管し、求めに応じて提示すること。",
        roles=["importer"],
        hs_prefixes=["02", "03", "16"],
    )
    sme = User.objects.select_related("operator").get(username="trader.sme")
    assert sme.operator is not None
    if selectors.held_types(sme.operator):
        inspection = services.request_joint_inspection(
            actor=User.objects.get(username="border"),
            operator=sme.operator,
            agencies=[food, agencies["maff-pps"]],
            place="Tokyo Port, Oi container terminal, inspection shed 2",
            reference="Frozen seafood consignment",
        )
        services.schedule_joint_inspection(
            actor=oga,
            inspection=inspection,
            scheduled_at=timezone.now().replace(minute=0, second=0, microsecond=0)
            + timedelta(days=3),
        )


def _published(actor, agency, types, en, ja, category, basis, practice, practice_ja) -> Benefit:
    benefit = services.create_benefit(
        actor=actor,
        agency=agency,
        title_en=en,
        title_ja=ja,
        aeo_types=types,
        category=category,
        legal_basis=basis,
        description_en=practice,
        description_ja=practice_ja,
        valid_from=date(2008, 4, 1) if agency is None else date(2025, 11, 1),
        condition_percent=REDUCED_EXAMINATION_PCT if category == Category.LOW_INSPECTION else None,
    )
    return services.publish_benefit(actor=actor, benefit=benefit, comment="Seed benefit")
