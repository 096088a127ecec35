"""The default requirements catalogue (template version 1), consistent with the WCO SAFE
Framework as Japan Customs lists its AEO requirements (Japan seed): compliance record, proper
ability to conduct operations, cargo/conveyance/premises security (with personnel and business
partners) and a compliance programme.

Yes/no questions are phrased so that "yes" meets the requirement. Where a criterion accepts SME
alternatives, an SME may answer "no" and name the alternative; it must then upload the evidence of
the third-party arrangement (contract, report, certificate) on that question.
"""

from typing import NotRequired, TypedDict

from aeo.registry.constants import OperatorRole as R


class QuestionData(TypedDict):
    code: str
    kind: str
    text: str
    help: NotRequired[str]
    choices: NotRequired[list[str]]
    required: NotRequired[bool]


class CriterionData(TypedDict):
    code: str
    area: str
    title: str
    description: str
    roles: list[str]
    sme_alternatives: list[str]
    questions: list[QuestionData]


# Operators that hold or move goods; a customs broker or shipping agent does not.
CARGO_HANDLERS: list[str] = [
    R.IMPORTER,
    R.EXPORTER,
    R.WAREHOUSE_OPERATOR,
    R.LOGISTICS_OPERATOR,
    R.MANUFACTURER,
    R.FREIGHT_FORWARDER,
    R.ROAD_CARRIER,
    R.SEA_CARRIER,
    R.AIR_CARRIER,
    R.GROUND_HANDLER,
    R.TERMINAL_OPERATOR,
    R.COURIER,
    R.ECOMMERCE_PLATFORM,
]
CONVEYANCE_OPERATORS: list[str] = [
    R.ROAD_CARRIER,
    R.SEA_CARRIER,
    R.AIR_CARRIER,
    R.COURIER,
    R.LOGISTICS_OPERATOR,
]

CRITERIA: list[CriterionData] = [
    {
        "code": "CR",
        "area": "compliance_record",
        "title": "Compliance record",
        "description": "A record of compliance with customs and related laws over the last "
        "three years, by the company and its officers.",
        "roles": [],
        "sme_alternatives": [],
        "questions": [
            {
                "code": "CR-1",
                "kind": "yes_no",
                "text": "Has the company, in the last three years, been free of any penalty or "
                "administrative sanction for a breach of customs or related laws?",
            },
            {
                "code": "CR-2",
                "kind": "yes_no",
                "text": "Are the company's directors and the person responsible for customs "
                "matters free of any conviction for a customs, tax or smuggling offence in the "
                "last three years?",
            },
            {
                "code": "CR-3",
                "kind": "number",
                "text": "How many errors in customs declarations did the company correct "
                "(voluntary amendments or post-clearance corrections) in the last 12 months?",
            },
            {
                "code": "CR-4",
                "kind": "text",
                "text": "Describe any errors or irregularities reported to customs in the last "
                "three years and the measures taken so that they do not recur.",
                "help": "Write 'None' if there were none.",
            },
        ],
    },
    {
        "code": "OA",
        "area": "operations",
        "title": "Proper ability to conduct operations",
        "description": "The company keeps the records and systems needed to conduct customs "
        "procedures properly and to show customs what it did.",
        "roles": [],
        "sme_alternatives": [],
        "questions": [
            {
                "code": "OA-1",
                "kind": "date",
                "text": "Since when has the company conducted the business for which it applies?",
            },
            {
                "code": "OA-2",
                "kind": "yes_no",
                "text": "Does the company keep books and records of its import and export "
                "transactions for the statutory retention period, retrievable on request?",
            },
            {
                "code": "OA-3",
                "kind": "choice",
                "text": "How are customs-related records kept?",
                "choices": ["Electronic system", "Paper files", "Both electronic and paper"],
            },
            {
                "code": "OA-4",
                "kind": "yes_no",
                "text": "Is access to the systems holding customs data limited by user "
                "accounts, and are the data backed up at least weekly?",
            },
            {
                "code": "OA-5",
                "kind": "evidence",
                "text": "Upload the company's commercial registration certificate.",
            },
        ],
    },
    {
        "code": "CS",
        "area": "security",
        "title": "Cargo security",
        "description": "Cargo is protected against tampering, substitution and the "
        "introduction of unmanifested goods from stuffing to delivery.",
        "roles": CARGO_HANDLERS,
        "sme_alternatives": ["outsourced"],
        "questions": [
            {
                "code": "CS-1",
                "kind": "yes_no",
                "text": "Are there written procedures for receiving, storing, loading and "
                "unloading cargo, including checks against the shipping documents?",
            },
            {
                "code": "CS-2",
                "kind": "yes_no",
                "text": "Are containers and trailers sealed with ISO 17712 high-security seals, "
                "and are seal numbers recorded and checked?",
            },
            {
                "code": "CS-3",
                "kind": "yes_no",
                "text": "Are discrepancies (shortages, overages, broken seals) reported to "
                "customs and recorded?",
            },
            {
                "code": "CS-4",
                "kind": "evidence",
                "text": "Upload the cargo handling procedures (or, if outsourced, the contract "
                "with the logistics provider that sets them).",
            },
        ],
    },
    {
        "code": "VS",
        "area": "security",
        "title": "Conveyance security",
        "description": "Vehicles, vessels and aircraft are inspected and protected against the "
        "concealment of goods or persons.",
        "roles": CONVEYANCE_OPERATORS,
        "sme_alternatives": [],
        "questions": [
            {
                "code": "VS-1",
                "kind": "yes_no",
                "text": "Are conveyances inspected for hidden compartments and tampering before "
                "loading, using a documented checklist?",
            },
            {
                "code": "VS-2",
                "kind": "yes_no",
                "text": "Are conveyances parked or berthed in secured areas when left unattended?",
            },
            {
                "code": "VS-3",
                "kind": "choice",
                "text": "How are conveyances tracked during transport?",
                "choices": ["GPS tracking", "Scheduled check-in calls", "Not tracked"],
            },
            {
                "code": "VS-4",
                "kind": "evidence",
                "text": "Upload the conveyance inspection checklist in use.",
            },
        ],
    },
    {
        "code": "PS",
        "area": "security",
        "title": "Premises security",
        "description": "Buildings, yards and offices where cargo or customs records are kept "
        "are protected against unauthorized access.",
        "roles": [],
        "sme_alternatives": ["outsourced"],
        "questions": [
            {
                "code": "PS-1",
                "kind": "yes_no",
                "text": "Is access to cargo areas and to offices holding customs records "
                "controlled (locks, ID cards or a visitor log)?",
            },
            {
                "code": "PS-2",
                "kind": "yes_no",
                "text": "Are the premises fenced, lit and monitored (guards or CCTV) outside "
                "working hours?",
            },
            {
                "code": "PS-3",
                "kind": "number",
                "text": "How many sites (offices, warehouses, yards) does the company use for "
                "the business it applies for?",
            },
            {
                "code": "PS-4",
                "kind": "evidence",
                "text": "Upload a site plan showing access points and security measures (or, if "
                "security is outsourced, the contract with the security company).",
            },
        ],
    },
    {
        "code": "PE",
        "area": "security",
        "title": "Personnel security",
        "description": "Staff in security-sensitive positions are screened, and leavers lose "
        "their access at once.",
        "roles": [],
        "sme_alternatives": [],
        "questions": [
            {
                "code": "PE-1",
                "kind": "yes_no",
                "text": "Are applicants for security-sensitive positions screened (identity, "
                "employment history) before they are hired?",
            },
            {
                "code": "PE-2",
                "kind": "yes_no",
                "text": "Are ID cards, keys and system accounts withdrawn on the day an "
                "employee leaves?",
            },
            {
                "code": "PE-3",
                "kind": "number",
                "text": "How many employees work in customs-related or cargo-handling tasks?",
            },
        ],
    },
    {
        "code": "BP",
        "area": "security",
        "title": "Business partner security",
        "description": "Business partners are chosen and reviewed with supply chain security "
        "in mind.",
        "roles": [],
        "sme_alternatives": [],
        "questions": [
            {
                "code": "BP-1",
                "kind": "yes_no",
                "text": "Does the company check the identity and reliability of new business "
                "partners before contracting with them?",
            },
            {
                "code": "BP-2",
                "kind": "choice",
                "text": "How many of your main business partners are AEOs (here or under an MRA)?",
                "choices": ["All", "Most", "Some", "None", "Not known"],
            },
            {
                "code": "BP-3",
                "kind": "yes_no",
                "text": "Do contracts with partners that handle your cargo include security "
                "requirements?",
            },
        ],
    },
    {
        "code": "OS",
        "area": "compliance_programme",
        "title": "Organizational set-up",
        "description": "A compliance programme approved by management, with a responsible "
        "department and clear duties.",
        "roles": [],
        "sme_alternatives": [],
        "questions": [
            {
                "code": "OS-1",
                "kind": "yes_no",
                "text": "Has management approved a written compliance programme (CP) covering "
                "customs procedures and security?",
            },
            {
                "code": "OS-2",
                "kind": "text",
                "text": "Name the department and the position responsible for customs "
                "compliance, and to whom they report.",
            },
            {
                "code": "OS-3",
                "kind": "evidence",
                "text": "Upload the compliance programme and the organization chart.",
            },
        ],
    },
    {
        "code": "CP",
        "area": "compliance_programme",
        "title": "Due customs procedures",
        "description": "Declarations are correct and complete: classification, valuation, "
        "origin and other-agency requirements are checked before lodging.",
        "roles": [],
        "sme_alternatives": ["outsourced"],
        "questions": [
            {
                "code": "CP-1",
                "kind": "yes_no",
                "text": "Are there written procedures for tariff classification, customs "
                "valuation and origin determination?",
            },
            {
                "code": "CP-2",
                "kind": "choice",
                "text": "Who prepares the customs declarations?",
                "choices": [
                    "In-house staff",
                    "An AEO customs broker",
                    "A customs broker that is not an AEO",
                    "Both in-house and a broker",
                ],
            },
            {
                "code": "CP-3",
                "kind": "yes_no",
                "text": "Is each declaration checked against the commercial documents by a "
                "second person before it is lodged?",
            },
            {
                "code": "CP-4",
                "kind": "evidence",
                "text": "Upload the customs procedures manual (or, if declarations are "
                "outsourced, the contract with the customs broker).",
            },
        ],
    },
    {
        "code": "IA",
        "area": "compliance_programme",
        "title": "Internal audit",
        "description": "The compliance programme is audited regularly and findings are "
        "corrected. SMEs may use a third-party auditor.",
        "roles": [],
        "sme_alternatives": ["third_party_audit"],
        "questions": [
            {
                "code": "IA-1",
                "kind": "yes_no",
                "text": "Is an internal audit of customs procedures and security carried out "
                "at least once a year by staff independent of the audited work?",
            },
            {
                "code": "IA-2",
                "kind": "date",
                "text": "When was the last internal audit completed?",
            },
            {
                "code": "IA-3",
                "kind": "yes_no",
                "text": "Are audit findings reported to management and corrective actions "
                "followed up to completion?",
            },
            {
                "code": "IA-4",
                "kind": "evidence",
                "text": "Upload the report of the last internal (or third-party) audit.",
            },
        ],
    },
    {
        "code": "CT",
        "area": "compliance_programme",
        "title": "Contracting parties' requirements",
        "description": "Contractors that act for the company in customs matters are required "
        "to follow its compliance programme.",
        "roles": [],
        "sme_alternatives": [],
        "questions": [
            {
                "code": "CT-1",
                "kind": "yes_no",
                "text": "Are contractors that act for you in customs matters required, in "
                "writing, to follow your compliance programme?",
            },
            {
                "code": "CT-2",
                "kind": "yes_no",
                "text": "Do you check at least once a year that they do?",
            },
            {
                "code": "CT-3",
                "kind": "number",
                "text": "How many contractors act for you in customs matters?",
            },
        ],
    },
    {
        "code": "CC",
        "area": "compliance_programme",
        "title": "Communication with customs",
        "description": "A named contact for customs, and prompt reporting of incidents and "
        "mistakes to the account manager.",
        "roles": [],
        "sme_alternatives": [],
        "questions": [
            {
                "code": "CC-1",
                "kind": "text",
                "text": "Name the contact person for customs (name, position, telephone, e-mail).",
            },
            {
                "code": "CC-2",
                "kind": "yes_no",
                "text": "Is there a procedure to report accidents, suspicious cargo and "
                "mistakes in customs procedures to customs without delay?",
            },
            {
                "code": "CC-3",
                "kind": "yes_no",
                "text": "Are changes to the company (name, address, officers, sites) notified "
                "to customs?",
            },
        ],
    },
    {
        "code": "CM",
        "area": "compliance_programme",
        "title": "Crisis management",
        "description": "Plans to keep the supply chain secure and to resume operations after "
        "an incident, a disaster or a security breach.",
        "roles": [],
        "sme_alternatives": [],
        "questions": [
            {
                "code": "CM-1",
                "kind": "yes_no",
                "text": "Is there a written plan for security incidents and disasters that "
                "names who informs customs and how?",
            },
            {
                "code": "CM-2",
                "kind": "date",
                "text": "When was the plan last tested or reviewed?",
            },
            {
                "code": "CM-3",
                "kind": "evidence",
                "text": "Upload the crisis management or business continuity plan.",
            },
        ],
    },
    {
        "code": "FI",
        "area": "compliance_programme",
        "title": "Financial integrity",
        "description": "A sound financial position, so that duties are paid and the "
        "commitments of the programme can be kept.",
        "roles": [],
        "sme_alternatives": [],
        "questions": [
            {
                "code": "FI-1",
                "kind": "yes_no",
                "text": "Has the company paid all customs duties and national taxes when due "
                "in the last three years?",
            },
            {
                "code": "FI-2",
                "kind": "yes_no",
                "text": "Is the company free of insolvency, bankruptcy or rehabilitation "
                "proceedings?",
            },
            {
                "code": "FI-3",
                "kind": "evidence",
                "text": "Upload the financial statements of the last financial year.",
            },
            {
                "code": "FI-4",
                "kind": "evidence",
                "text": "Upload a certificate of tax payment (no tax arrears).",
            },
        ],
    },
    {
        "code": "ET",
        "area": "compliance_programme",
        "title": "Education and training",
        "description": "Staff are trained in customs procedures and supply chain security. "
        "SMEs may use third-party training.",
        "roles": [],
        "sme_alternatives": ["third_party_training"],
        "questions": [
            {
                "code": "ET-1",
                "kind": "yes_no",
                "text": "Do staff in customs-related and security-sensitive tasks receive "
                "training at least once a year?",
            },
            {
                "code": "ET-2",
                "kind": "yes_no",
                "text": "Does the training cover recognizing and reporting suspicious cargo and "
                "security threats?",
            },
            {
                "code": "ET-3",
                "kind": "number",
                "text": "How many employees were trained in the last 12 months?",
            },
            {
                "code": "ET-4",
                "kind": "evidence",
                "text": "Upload the training plan and attendance records (or the third-party "
                "training certificates).",
            },
        ],
    },
    {
        "code": "WH",
        "area": "operations",
        "title": "Customs warehouse management",
        "description": "Goods under customs control are received, stored and released only as "
        "customs law allows.",
        "roles": [R.WAREHOUSE_OPERATOR, R.TERMINAL_OPERATOR],
        "sme_alternatives": [],
        "questions": [
            {
                "code": "WH-1",
                "kind": "yes_no",
                "text": "Is the stock of goods under customs control recorded by item, with "
                "entries and releases matched to customs permits?",
            },
            {
                "code": "WH-2",
                "kind": "yes_no",
                "text": "Is a physical stocktake reconciled with the records at least twice a "
                "year?",
            },
            {
                "code": "WH-3",
                "kind": "number",
                "text": "What is the floor area of the customs warehouse(s), in square metres?",
            },
            {
                "code": "WH-4",
                "kind": "evidence",
                "text": "Upload the warehouse stock management procedures.",
            },
        ],
    },
    {
        "code": "CB",
        "area": "operations",
        "title": "Customs brokerage",
        "description": "Licensed customs specialists supervise the declarations lodged for "
        "clients, and clients' instructions are verified.",
        "roles": [R.CUSTOMS_BROKER],
        "sme_alternatives": [],
        "questions": [
            {
                "code": "CB-1",
                "kind": "number",
                "text": "How many licensed customs specialists does the company employ?",
            },
            {
                "code": "CB-2",
                "kind": "yes_no",
                "text": "Is the identity of each new client verified before you act for it?",
            },
            {
                "code": "CB-3",
                "kind": "yes_no",
                "text": "Are doubtful client instructions (value, classification, origin) "
                "queried and recorded before lodging?",
            },
            {
                "code": "CB-4",
                "kind": "evidence",
                "text": "Upload the customs broker licence.",
            },
        ],
    },
]
