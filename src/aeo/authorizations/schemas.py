from datetime import date, datetime

from ninja import Field, Schema

from aeo.authorizations import selectors
from aeo.authorizations.constants import AEOType, AuthorizationStatus
from aeo.authorizations.models import Authorization, AuthorizationEvent
from aeo.core.bounds import IdValue


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


class AuthorizationEventOut(Schema):
    at: datetime
    actor: str | None = Field(None, alias="actor.username", description="null: the system")
    from_status: AuthorizationStatus | None = Field(None, description="null: issuance")
    to_status: AuthorizationStatus
    reason: str

    @staticmethod
    def resolve_from_status(obj: AuthorizationEvent) -> str | None:
        return obj.from_status or None


class AuthorizationOut(RegisterEntryOut):
    id: int
    operator_id: int
    application_id: int | None
    issued_at: datetime


class AuthorizationDetailOut(AuthorizationOut):
    history: list[AuthorizationEventOut]

    @staticmethod
    def resolve_history(obj: Authorization) -> list[AuthorizationEvent]:
        return list(selectors.history(obj))


class AuthorizationFilters(Schema):
    q: str = Field("", max_length=200)
    type: AEOType | None = None
    status: AuthorizationStatus | None = None
    operator_id: IdValue | None = None


class StatusChangeIn(Schema):
    to: AuthorizationStatus
    reason: str = Field(min_length=1, max_length=2000)
