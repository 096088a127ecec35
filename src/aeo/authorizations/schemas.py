from datetime import date, datetime
from typing import Literal

from django.conf import settings
from ninja import Field, Schema
from pydantic import field_validator

from aeo.authorizations import selectors
from aeo.authorizations.constants import (
    WORKFLOW,
    AuthorizationEventType,
    AuthorizationStatus,
    SuspensionGround,
)
from aeo.authorizations.models import Authorization, AuthorizationEvent
from aeo.core.bounds import BoundedDate, IdValue
from aeo.core.schemas import HistoryEventOut, allowed_actions
from aeo.registry import selectors as registry_selectors


class RegisterEntryOut(Schema):
    """A public register entry: only what the register publishes, nothing internal."""

    aeo_number: str
    legal_name: str
    tin: str
    economy: str
    type: str = Field(alias="aeo_type", description="the code of one of `list_aeo_types`")
    type_label: str
    valid_from: date
    valid_to: date | None = Field(description="null: valid indefinitely")
    status: AuthorizationStatus

    # An authorization or a `selectors.RegisterEntry`. Resolvers, not dotted aliases: ninja
    # resolves an alias "operator.tin" by a failed attribute read and a template variable, a
    # tenth of the status lookup's time.
    @staticmethod
    def resolve_legal_name(obj: Authorization | selectors.RegisterEntry) -> str:
        return obj.operator.legal_name

    @staticmethod
    def resolve_tin(obj: Authorization | selectors.RegisterEntry) -> str:
        return obj.operator.tin

    @staticmethod
    def resolve_economy(obj: Authorization | selectors.RegisterEntry) -> str:
        return obj.operator.economy_id

    @staticmethod
    def resolve_type_label(obj: Authorization | selectors.RegisterEntry) -> str:
        return registry_selectors.aeo_type_name(obj.operator.economy_id, obj.aeo_type)


class TypeFilter(Schema):
    type: str | None = Field(None, max_length=3, description="an AEO type's code")

    @field_validator("type")
    @classmethod
    def _known_type(cls, code: str | None) -> str | None:
        if code and not registry_selectors.aeo_type(settings.AEO_ECONOMY, code):
            raise ValueError(f"Unknown AEO type {code!r}: see list_aeo_types.")
        return code


class RegisterFilters(TypeFilter):
    q: str = Field("", max_length=200, description="legal name, TIN or AEO number")


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


class AuthorizationFilters(TypeFilter):
    q: str = Field("", max_length=200)
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
