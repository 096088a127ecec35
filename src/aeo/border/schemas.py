"""API schemas of the border app; class names start with Border (ninja needs them unique)."""

from datetime import date, datetime
from decimal import Decimal
from typing import Any, Literal

from ninja import Field, Schema

from aeo.border import selectors
from aeo.border.constants import (
    WORKFLOW,
    DeclarationEventType,
    DeclarationStatus,
    Direction,
    ExaminationResult,
    Lane,
    TransportMode,
)
from aeo.border.models import Declaration, DeclarationEvent
from aeo.core.bounds import BoundedDate, BoundedDateTime
from aeo.core.schemas import HistoryEventOut, allowed_actions


class BorderLineIn(Schema):
    hs_code: str = Field(min_length=6, max_length=12, description="6 to 10 digits")
    origin: str = Field(min_length=2, max_length=2)
    value: Decimal = Field(Decimal(0), ge=0, le=Decimal("9999999999999.99"), decimal_places=2)


class BorderDeclarationIn(Schema):
    """One declaration; the same fields as an NDJSON row of `import_declarations`."""

    number: str = Field(min_length=1, max_length=35)
    office: str = Field(min_length=1, max_length=20, description="customs office code")
    direction: Direction
    transport_mode: TransportMode
    trader_tin: str = Field(min_length=1, max_length=20, description="importer or exporter")
    declarant_tin: str = Field("", max_length=20, description="declarant or broker")
    partner_economy: str = Field(min_length=2, max_length=2)
    partner_name: str = Field("", max_length=200)
    partner_aeo_id: str = Field("", max_length=40)
    lines: list[BorderLineIn] = Field(min_length=1, max_length=99)
    arrived_at: BoundedDateTime | None = None
    lodged_at: BoundedDateTime
    released_at: BoundedDateTime | None = None
    delivered_at: BoundedDateTime | None = None
    oga_agency: str = Field("", max_length=100, description="an agency that must clear the goods")


class BorderImportOut(Schema):
    id: int
    status: str
    rows: int
    created: int
    updated: int
    rejected: int
    errors: list[dict[str, Any]] = Field(description="the first refused rows: line, field, code")


class BorderDeclarationOut(Schema):
    id: int
    number: str
    office: str = Field(alias="office.code")
    direction: Direction
    transport_mode: TransportMode
    trader_tin: str
    declarant_tin: str
    partner_economy: str
    partner_aeo_id: str
    status: DeclarationStatus
    lane: Lane | Literal[""]
    arrived_at: datetime | None
    lodged_at: datetime
    released_at: datetime | None
    delivered_at: datetime | None
    version: int


class BorderDeclarationDetailOut(BorderDeclarationOut):
    partner_name: str
    lines: list[dict[str, Any]]
    total_value: Decimal
    lane_reason: dict[str, Any]
    lane_seed: int | None
    importer_aeo: bool
    partner_status: str
    examination_result: ExaminationResult | Literal[""]
    examination_note: str
    oga_required: bool
    oga_agency: str
    oga_cleared_at: datetime | None
    joint_inspection_requested: bool
    history: list[HistoryEventOut]
    allowed_actions: list[DeclarationEventType]

    @staticmethod
    def resolve_history(obj: Declaration) -> list[DeclarationEvent]:
        return list(selectors.history(obj))

    @staticmethod
    def resolve_allowed_actions(obj: Declaration, context) -> list[str]:
        return allowed_actions(WORKFLOW, obj, context)


class BorderDeclarationFilters(Schema):
    q: str = Field("", max_length=35, description="declaration number prefix, or a party's TIN")
    status: DeclarationStatus | None = None
    lane: Lane | None = None
    direction: Direction | None = None
    office: str = Field("", max_length=20)


class BorderVersionIn(Schema):
    version: int | None = Field(None, ge=1, le=2**31, description="the version you saw")


class BorderExaminationIn(BorderVersionIn):
    result: ExaminationResult
    note: str = Field("", max_length=5000)


class BorderTimeIn(BorderVersionIn):
    at: BoundedDateTime | None = Field(None, description="empty: now")
    comment: str = Field("", max_length=2000)


class BorderRerouteIn(BorderVersionIn):
    lane: Lane
    reason: str = Field(min_length=1, max_length=2000)


class BorderCriterionIn(Schema):
    code: str = Field(min_length=1, max_length=30)
    description: str = Field(min_length=1, max_length=200)
    valid_from: BoundedDate
    valid_to: BoundedDate | None = None
    lane: Literal["", "paper", "exam"] = ""
    score: int = Field(0, ge=0, le=1000)
    office: str = Field("", max_length=20, description="office code; empty: every office")
    direction: Direction | Literal[""] = ""
    transport_mode: TransportMode | Literal[""] = ""
    hs_prefixes: list[str] = Field([], max_length=50)
    origins: list[str] = Field([], max_length=50)
    partner_economy: str = Field("", max_length=2)
    party_tin: str = Field("", max_length=20)
    min_value: Decimal | None = Field(None, ge=0, le=Decimal("9999999999999.99"))
    max_value: Decimal | None = Field(None, ge=0, le=Decimal("9999999999999.99"))
    instructions: str = Field("", max_length=5000)


class BorderCriterionOut(Schema):
    id: int
    code: str
    description: str
    office: str | None = Field(None, alias="office.code")
    direction: str
    transport_mode: str
    hs_prefixes: list[str]
    origins: list[str]
    partner_economy: str
    party_tin: str
    min_value: Decimal | None
    max_value: Decimal | None
    lane: str
    score: int
    instructions: str
    valid_from: date
    valid_to: date | None
    retired_at: datetime | None


class BorderRetireIn(Schema):
    reason: str = Field(min_length=1, max_length=2000)


class BorderSettingsIn(BorderVersionIn):
    office: str = Field("", max_length=20, description="office code; empty: the default")
    direction: Direction
    expected_paper_pct: Decimal = Field(ge=0, le=100, decimal_places=2)
    expected_exam_pct: Decimal = Field(ge=0, le=100, decimal_places=2)
    random_pct: Decimal = Field(gt=0, le=100, decimal_places=2)
    paper_score: int = Field(50, ge=1, le=100000)
    exam_score: int = Field(100, ge=1, le=100000)


class BorderSettingsOut(Schema):
    office: str | None = Field(None, alias="office.code")
    direction: Direction
    expected_paper_pct: Decimal
    expected_exam_pct: Decimal
    random_pct: Decimal
    paper_score: int
    exam_score: int
    top_up_paper: float
    top_up_exam: float
    version: int


class BorderMonitoringFilters(Schema):
    partner: str = Field("TW", min_length=2, max_length=2)
    entry_into_force: BoundedDate | None = Field(
        None, description="empty: the arrangement's (reference data until the MRA app lands)"
    )
    days: int = Field(180, ge=1, le=3660, description="days before and after")
