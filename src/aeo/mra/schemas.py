"""API schemas of the MRA app (class names prefixed: ninja schema names are global)."""

from datetime import date, datetime
from typing import Annotated, Any

from ninja import Field, Schema

from aeo.benefits.constants import Category
from aeo.core.bounds import BoundedDate, IdValue
from aeo.core.schemas import HistoryEventOut, allowed_actions
from aeo.mra import selectors
from aeo.mra.constants import (
    MAX_VERIFY_IDS,
    MRA_WORKFLOW,
    ConsentStatus,
    IdentifierRule,
    MRAEventType,
    MRAStatus,
    Source,
    TRSStage,
    VerifiedStatus,
)
from aeo.mra.models import Arrangement


class MraScopeOut(Schema):
    our_type: str = Field(description="our AEO type's code, e.g. IMP")
    partner_type: str


class MraIndicatorOut(Schema):
    indicator: str
    target: str
    stage: int | None
    target_change_pct: float | None


class MraDocumentOut(Schema):
    title: str
    url: str


class MraBenefitHereOut(Schema):
    id: int
    title_en: str
    title_ja: str
    category: Category
    aeo_types: list[str] = Field(description="our AEO types' codes")
    agency: str | None = Field(description="the granting agency's code; none: customs")

    @staticmethod
    def resolve_agency(obj) -> str | None:
        return obj.agency.code if obj.agency else None


class MraBenefitAbroadOut(Schema):
    title_en: str
    title_ja: str
    category: Category
    aeo_types: list[str] = Field(description="our AEO types' codes it applies to")


class MraOut(Schema):
    id: int
    title: str
    partners: list[str] = Field(description="economy codes")
    legal_act: str
    status: MRAStatus
    signed_on: date | None
    in_force_from: date | None
    terminated_on: date | None

    @staticmethod
    def resolve_partners(obj: Arrangement) -> list[str]:
        return [e.code for e in obj.partners.all()]


class MraDetailOut(MraOut):
    version: int
    benefits_here: list[MraBenefitHereOut] = Field(
        description="our catalogue's benefits granted to the partner's AEOs"
    )
    benefits_abroad: list[MraBenefitAbroadOut] = Field(
        description="what the partner grants our AEOs"
    )
    benefits_here_notes: str
    benefits_abroad_notes: str
    partner_identifier: str
    declaration_field: str
    scope: list[MraScopeOut]
    indicators: list[MraIndicatorOut]
    documents: list[MraDocumentOut]
    history: list[HistoryEventOut]
    allowed_actions: list[MRAEventType]

    @staticmethod
    def resolve_benefits_here(obj: Arrangement) -> list[Any]:
        return list(obj.benefits_here.all())

    @staticmethod
    def resolve_benefits_abroad(obj: Arrangement) -> list[Any]:
        return list(obj.benefits_abroad.all())

    @staticmethod
    def resolve_scope(obj: Arrangement) -> list[Any]:
        return list(obj.scope.all())

    @staticmethod
    def resolve_indicators(obj: Arrangement) -> list[Any]:
        return list(obj.indicators.all())

    @staticmethod
    def resolve_documents(obj: Arrangement) -> list[Any]:
        return list(obj.documents.all())

    @staticmethod
    def resolve_history(obj: Arrangement) -> list[Any]:
        return list(selectors.mra_history(obj))

    @staticmethod
    def resolve_allowed_actions(obj: Arrangement, context) -> list[str]:
        return allowed_actions(MRA_WORKFLOW, obj, context)


class MraScopeIn(Schema):
    our_type: str = Field(min_length=1, max_length=8)
    partner_type: str = Field(min_length=1, max_length=200)


class MraBenefitAbroadIn(Schema):
    title_en: str = Field(min_length=1, max_length=200)
    title_ja: str = Field("", max_length=200)
    category: Category
    aeo_types: list[Annotated[str, Field(min_length=1, max_length=8)]] = Field(
        min_length=1, max_length=20, description="codes of our types in the scope, e.g. IMP"
    )


class MraIndicatorIn(Schema):
    indicator: str = Field(min_length=1, max_length=300)
    target: str = Field(min_length=1, max_length=300)
    stage: TRSStage | None = Field(None, description="1 or 2: a Time Release Study stage")
    target_change_pct: float | None = Field(
        None, ge=-100, le=1000, description="the mean release time's change, e.g. -20"
    )


class MraDocumentIn(Schema):
    title: str = Field(min_length=1, max_length=300)
    url: str = Field(min_length=1, max_length=500, pattern=r"^https?://\S+$")


class MraIn(Schema):
    title: str = Field(min_length=1, max_length=200)
    partners: list[str] = Field(min_length=1, max_length=50, description="economy codes")
    legal_act: str = Field("", max_length=300)
    benefits_here: list[IdValue] = Field(
        default_factory=list, max_length=100, description="ids of our published benefits"
    )
    benefits_abroad: list[MraBenefitAbroadIn] = Field(default_factory=list, max_length=50)
    benefits_here_notes: str = Field("", max_length=5000)
    benefits_abroad_notes: str = Field("", max_length=5000)
    partner_identifier: str = Field("", max_length=2000)
    declaration_field: str = Field("", max_length=2000)
    scope: list[MraScopeIn] = Field(default_factory=list, max_length=50)
    indicators: list[MraIndicatorIn] = Field(default_factory=list, max_length=50)
    documents: list[MraDocumentIn] = Field(default_factory=list, max_length=50)


class MraStatusIn(Schema):
    event: MRAEventType
    effective_on: BoundedDate | None = Field(
        None, description="when it took effect; today if empty"
    )
    comment: str = Field("", max_length=2000)
    version: IdValue | None = Field(None, description="the version you saw (stale → 409)")


class ExchangeConsentOut(Schema):
    operator_id: int
    status: ConsentStatus
    version: int


class ExchangeBatchIn(Schema):
    message: str = Field(
        min_length=1, max_length=5_000_000, description="the compact JWS (see docs/mra.md)"
    )


class ExchangeAckOut(Schema):
    acknowledged: int = Field(description="the highest record number stored from this sender")
    applied: int = Field(description="records new in this batch")


class ExchangePartnerOut(Schema):
    economy: str = Field(alias="economy_id")
    base_url: str
    identifier_rule: IdentifierRule
    frequency_hours: int
    key_ids: list[str]

    @staticmethod
    def resolve_key_ids(obj) -> list[str]:
        return [k.get("kid", "") for k in obj.public_keys]


class ExchangeStatusOut(Schema):
    economy: str = Field(alias="economy_id")
    last_seq: int = Field(description="the last record numbered for this partner")
    acked_seq: int = Field(description="the highest the partner has acknowledged")
    pending: int
    last_sent_at: datetime | None
    last_acked_at: datetime | None
    last_error: str
    attempts: int
    next_retry_at: datetime | None
    received_seq: int = Field(description="the highest record of theirs we have stored")
    last_received_at: datetime | None
    stale: bool = Field(description="nothing received within the agreed frequency")

    @staticmethod
    def resolve_stale(obj) -> bool:
        return selectors.is_stale(obj)


class ExchangeVerifyIn(Schema):
    ids: list[str] = Field(
        min_length=1,
        max_length=MAX_VERIFY_IDS,
        description="TINs, AEO numbers or partner ids (up to 1,000)",
    )


class ExchangeVerifiedOut(Schema):
    id: str
    economy: str | None
    status: VerifiedStatus
    aeo_number: str | None
    name: str | None
    types: list[str]
    valid_from: date | None
    valid_to: date | None
    as_of: datetime | None = Field(description="when this was known (for a partner: received)")
    source: Source | None = Field(description="own: our register; partner: a partner's data")
    stale: bool = Field(description="the partner has sent nothing within its agreed frequency")


class ExchangeVerifyOut(Schema):
    results: list[ExchangeVerifiedOut]


class PartnerAEOOut(Schema):
    id: int
    economy: str = Field(alias="partner.economy_id")
    aeo_number: str
    tin: str
    our_id: str
    name: str
    aeo_type: str
    status: str
    consent_withdrawn: bool
    valid_from: date | None
    valid_to: date | None
    seq: int
    received_at: datetime


class PartnerAEOFilters(Schema):
    economy: str | None = Field(None, min_length=2, max_length=2)
    q: str = Field("", max_length=200, description="AEO number, TIN or part of the name")
