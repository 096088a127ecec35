from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from aeo.authorizations import selectors
from aeo.authorizations.constants import (
    WORKFLOW,
    AEOType,
    AuthorizationEventType,
    AuthorizationStatus,
    SuspensionGround,
)
from aeo.authorizations.models import Authorization, AuthorizationEvent
from aeo.core.bounds import BoundedDate, IdValue
from aeo.core.schemas import HistoryEventOut, allowed_actions


class RegisterEntryOut(Schema):
    """A public register entry: only what the register publishes, nothing internal."""

    aeo_number: str
    legal_name: str = Field(alias="operator.legal_name")
    tin: str = Field(alias="operator.tin")
    economy: str = Field(alias="operator.economy_id")
    type: AEOType = Field(alias="aeo_type")
    type_label: str
    valid_from: date
    valid_to: date | None = Field(description="null: valid indefinitely")
    status: AuthorizationStatus

    @staticmethod
    def resolve_type_label(obj: Authorization) -> str:
        return str(obj.get_aeo_type_display())


class RegisterFilters(Schema):
    q: str = Field("", max_length=200, description="legal name, TIN or AEO number")
    type: AEOType | None = None


class AuthorizationOut(RegisterEntryOut):
    id: int
    operator_id: int
    application_id: int | None
    issued_at: datetime


class AuthorizationDetailOut(AuthorizationOut):
    suspension_ground: SuspensionGround | Literal[""]
    remedy_by: date | None
    measures_plan: str
    history: list[HistoryEventOut]
    allowed_actions: list[AuthorizationEventType]

    @staticmethod
    def resolve_history(obj: Authorization) -> list[AuthorizationEvent]:
        return list(selectors.history(obj))

    @staticmethod
    def resolve_allowed_actions(obj: Authorization, context) -> list[str]:
        return allowed_actions(WORKFLOW, obj, context)


class AuthorizationFilters(Schema):
    q: str = Field("", max_length=200)
    type: AEOType | None = None
    status: AuthorizationStatus | None = None
    operator_id: IdValue | None = None


class StatusReasonIn(Schema):
    reason: str = Field(min_length=1, max_length=2000)


class SuspendIn(StatusReasonIn):
    ground: SuspensionGround
    remedy_by: BoundedDate | None = Field(
        None, description="last day of the period to remedy; required unless facts are established"
    )


class RevocationIn(StatusReasonIn):
    all_types: bool = Field(False, description="revoke every current AEO type of the operator")


class MeasuresIn(Schema):
    plan: str = Field(min_length=1, max_length=10000)
