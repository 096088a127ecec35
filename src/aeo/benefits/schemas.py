"""API schemas of the benefits app (class names prefixed: ninja schema names are global)."""

from datetime import date, datetime
from typing import Any

from ninja import Field, Schema

from aeo.benefits import selectors
from aeo.benefits.constants import (
    BENEFIT_WORKFLOW,
    INSPECTION_WORKFLOW,
    MOU_WORKFLOW,
    PROPOSAL_WORKFLOW,
    TFA_CATEGORIES,
    Authority,
    BenefitEventType,
    BenefitStatus,
    Category,
    Commitment,
    InspectionEventType,
    InspectionResult,
    InspectionStatus,
    Mandate,
    MoUEventType,
    MoUStatus,
    ProposalEventType,
    ProposalStatus,
)
from aeo.core.bounds import BoundedDate, BoundedDateTime, IdValue
from aeo.core.schemas import HistoryEventOut, allowed_actions
from aeo.registry.constants import OperatorRole
from aeo.requirements.constants import Area, QuestionKind

AgencyCode = Field(min_length=1, max_length=16, pattern=r"^[A-Za-z0-9-]+$")
TypeCode = Field(min_length=1, max_length=3)


class AgencyOut(Schema):
    code: str
    name_en: str
    name_ja: str
    name: str = Field(description="in the request's language")
    mandate: Mandate
    contact: str
    email: str
    website: str


class BenefitOut(Schema):
    id: int
    title_en: str
    title_ja: str
    title: str = Field(description="in the request's language")
    description_en: str
    description_ja: str
    economy: str = Field(alias="economy_id")
    aeo_types: list[str] = Field(description="AEO type codes of the economy, e.g. IMP")
    authority: Authority
    agency: str | None = Field(None, description="the granting agency's code; null: customs")
    category: Category
    tfa_measure: bool = Field(description="one of the WTO TFA art. 7.7 measures")
    legal_basis: str
    conditions: str
    condition_percent: float | None
    condition_amount: int | None
    valid_from: date | None
    valid_to: date | None
    status: BenefitStatus
    published_at: datetime | None

    @staticmethod
    def resolve_agency(obj) -> str | None:
        return obj.agency.code if obj.agency_id else None

    @staticmethod
    def resolve_tfa_measure(obj) -> bool:
        return obj.category in TFA_CATEGORIES

    @staticmethod
    def resolve_condition_percent(obj) -> float | None:
        return float(obj.condition_percent) if obj.condition_percent is not None else None


class MyBenefitOut(BenefitOut):
    """A benefit of yours (its own name: ninja names the page schema after the item's)."""


class MyBenefitAbroadLineOut(Schema):
    title_en: str
    title_ja: str
    title: str = Field(description="in the request's language")
    category: Category
    aeo_types: list[str] = Field(description="your AEO types' codes it applies to")


class MyBenefitsAbroadMraOut(Schema):
    mra_id: int = Field(alias="id")
    title: str
    partners: list[str] = Field(description="economy codes")
    benefits: list[MyBenefitAbroadLineOut]


class MyBenefitsAbroadOut(Schema):
    consent_needed: bool = Field(
        description="arrangements would apply, but you have not consented to the exchange"
    )
    arrangements: list[MyBenefitsAbroadMraOut]

    @staticmethod
    def resolve_arrangements(obj) -> list[dict]:
        return [
            {
                "id": mra.pk,
                "title": mra.title,
                "partners": [e.code for e in mra.partners.all()],
                "benefits": lines,
            }
            for mra, lines in obj.arrangements
        ]


class BenefitDetailOut(BenefitOut):
    version: int
    history: list[HistoryEventOut]
    allowed_actions: list[BenefitEventType]

    @staticmethod
    def resolve_history(obj) -> list[Any]:
        return list(selectors.benefit_history(obj))

    @staticmethod
    def resolve_allowed_actions(obj, context) -> list[str]:
        return allowed_actions(BENEFIT_WORKFLOW, obj, context)


class BenefitIn(Schema):
    title_en: str = Field(min_length=1, max_length=200)
    title_ja: str = Field("", max_length=200)
    description_en: str = Field("", max_length=5000)
    description_ja: str = Field("", max_length=5000)
    aeo_types: list[str] = Field(min_length=1, max_length=20, description="AEO type codes")
    agency: str | None = Field(
        None, min_length=1, max_length=16, description="the granting agency's code; null: customs"
    )
    category: Category
    legal_basis: str = Field("", max_length=300)
    conditions: str = Field("", max_length=2000)
    condition_percent: float | None = Field(
        None,
        gt=0,
        le=100,
        description="the reduction; required for customs benefits of category low_inspection",
    )
    condition_amount: int | None = Field(None, gt=0, lt=10**14)
    valid_from: BoundedDate | None = None
    valid_to: BoundedDate | None = None


class BenefitActionIn(Schema):
    comment: str = Field("", max_length=2000)
    version: IdValue | None = Field(None, description="the version you saw (stale → 409)")


class BenefitFilters(Schema):
    aeo_type: str = Field("", max_length=3, description="an AEO type code, e.g. IMP")
    authority: Authority | None = None
    agency: str = Field("", max_length=16, description="an agency's code")
    category: Category | None = None
    status: BenefitStatus | None = None


class BenefitUseIn(Schema):
    operator_id: IdValue
    reference: str = Field(min_length=1, max_length=200, description="declaration or event")
    note: str = Field("", max_length=2000)


class BenefitUseOut(Schema):
    id: int
    benefit_id: int
    operator_id: int
    reference: str
    note: str
    at: datetime


class MouIn(Schema):
    agency: str = AgencyCode
    title: str = Field(min_length=1, max_length=200)
    scope: str = Field("", max_length=5000)
    commitments: list[Commitment] = Field(default_factory=list, max_length=10)
    document_reference: str = Field("", max_length=500)


class MouOut(Schema):
    id: int
    agency: str = Field(alias="agency.code")
    title: str
    scope: str
    commitments: list[Commitment]
    document_reference: str
    signed_on: date | None
    effective_from: date | None
    terminated_on: date | None
    status: MoUStatus
    version: int
    allowed_actions: list[MoUEventType]

    @staticmethod
    def resolve_allowed_actions(obj, context) -> list[str]:
        return allowed_actions(MOU_WORKFLOW, obj, context)


class MouStatusIn(Schema):
    event: MoUEventType
    effective_on: BoundedDate | None = Field(None, description="when it took effect; today")
    comment: str = Field("", max_length=2000)
    version: IdValue | None = Field(None, description="the version you saw (stale → 409)")


class ProposedQuestion(Schema):
    text_en: str = Field(min_length=1, max_length=2000)
    text_ja: str = Field("", max_length=2000)
    kind: QuestionKind = Field(description="not `choice`: its choices are added in the draft")


class ProposedCriteriaIn(Schema):
    text_en: str = Field(min_length=1, max_length=5000)
    text_ja: str = Field("", max_length=5000)
    roles: list[OperatorRole] = Field(default_factory=list, max_length=20)
    hs_prefixes: list[str] = Field(
        default_factory=list, max_length=50, description="HS code prefixes (2 to 10 digits)"
    )
    agency: str | None = Field(None, min_length=1, max_length=16, description="default: yours")
    questions: list[ProposedQuestion] = Field(default_factory=list, max_length=20)


class ProposedCriteriaOut(Schema):
    id: int
    agency: str = Field(alias="agency.code")
    text_en: str
    text_ja: str
    roles: list[str]
    hs_prefixes: list[str]
    questions: list[ProposedQuestion]
    status: ProposalStatus
    decision_reason: str
    criterion_code: str | None = Field(None, description="in the requirements' draft version")
    template_number: int | None
    version: int
    allowed_actions: list[ProposalEventType]

    @staticmethod
    def resolve_criterion_code(obj) -> str | None:
        return obj.criterion.code if obj.criterion_id else None

    @staticmethod
    def resolve_allowed_actions(obj, context) -> list[str]:
        return allowed_actions(PROPOSAL_WORKFLOW, obj, context)


class ProposedCriteriaDecisionIn(Schema):
    accept: bool
    reason: str = Field("", max_length=2000)
    area: Area = Area.COMPLIANCE_PROGRAMME
    version: IdValue | None = Field(None, description="the version you saw (stale → 409)")


class JointInspectionIn(Schema):
    agencies: list[str] = Field(min_length=1, max_length=10, description="agency codes")
    place: str = Field(min_length=1, max_length=300)
    reference: str = Field("", max_length=200)
    comment: str = Field("", max_length=2000)
    scheduled_at: BoundedDateTime | None = Field(None, description="schedules it at once")


class JointInspectionScheduleIn(Schema):
    scheduled_at: BoundedDateTime
    place: str = Field("", max_length=300, description="empty: the place requested")
    comment: str = Field("", max_length=2000)
    version: IdValue | None = Field(None, description="the version you saw (stale → 409)")


class JointInspectionRecordIn(Schema):
    result: InspectionResult
    findings: str = Field("", max_length=5000)
    minutes_saved: int | None = Field(
        None, ge=0, le=100_000, description="against separate inspections"
    )
    performed_at: BoundedDateTime | None = Field(None, description="empty: now")
    version: IdValue | None = Field(None, description="the version you saw (stale → 409)")


class JointInspectionCancelIn(Schema):
    reason: str = Field("", max_length=2000)
    version: IdValue | None = Field(None, description="the version you saw (stale → 409)")


class JointInspectionOut(Schema):
    id: int
    operator_id: int
    operator: str = Field(alias="operator.legal_name")
    agencies: list[str] = Field(description="agency codes")
    place: str
    reference: str
    scheduled_at: datetime | None
    performed_at: datetime | None
    result: InspectionResult | None
    findings: str
    minutes_saved: int | None
    status: InspectionStatus
    version: int
    allowed_actions: list[InspectionEventType]

    @staticmethod
    def resolve_agencies(obj) -> list[str]:
        return [a.code for a in obj.agencies.all()]

    @staticmethod
    def resolve_result(obj) -> str | None:
        return obj.result or None

    @staticmethod
    def resolve_allowed_actions(obj, context) -> list[str]:
        return allowed_actions(INSPECTION_WORKFLOW, obj, context)


class JointInspectionFilters(Schema):
    status: InspectionStatus | None = None
    operator_id: IdValue | None = None
