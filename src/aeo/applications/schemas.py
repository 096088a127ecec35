from datetime import date, datetime

from ninja import Field, Schema

from aeo.applications.constants import Outcome, RefusalReason, State, Track
from aeo.core.bounds import MAX_ID, BoundedDate
from aeo.registry.constants import OperatorRole


class ClockOut(Schema):
    target_business_days: int
    elapsed_business_days: int
    remaining_business_days: int
    due_date: date
    paused: bool
    overdue: bool


class PauseOut(Schema):
    started_on: date
    resume_by: BoundedDate
    ended_on: date | None
    request: str
    response: str


class ApplicationOut(Schema):
    id: int
    operator_id: int
    operator: str = Field(alias="operator.legal_name")
    office: str = Field(alias="office.code")
    roles: list[str]
    state: State
    track: Track
    version: int
    accepted_on: date | None
    extended: bool
    refusal_reasons: list[str]
    decision_text: str
    self_assessment_id: int
    clock: ClockOut | None
    pauses: list[PauseOut]
    created_at: datetime

    @staticmethod
    def resolve_clock(obj) -> dict | None:
        reading = obj.clock()
        return reading.as_dict() if reading else None

    @staticmethod
    def resolve_pauses(obj) -> list:
        return list(obj.pauses.all())


class EventOut(Schema):
    at: datetime
    actor: str | None = Field(None, alias="actor.username")
    action: str
    from_state: str
    to_state: str
    comment: str
    data: dict


class Versioned(Schema):
    version: int | None = Field(
        None, ge=0, le=MAX_ID, description="The version you last read; a stale one answers 409."
    )


class ConsultationIn(Schema):
    subject: str = Field(max_length=200)
    message: str = Field("", max_length=5000)
    preferred_date: BoundedDate | None = None


class ConsultationOut(Schema):
    id: int
    subject: str
    status: str
    preferred_date: date | None
    account_manager: str | None = Field(None, alias="account_manager.get_full_name")


class CreateApplicationIn(Schema):
    roles: list[OperatorRole] | None = None


class CommentIn(Versioned):
    comment: str = Field("", max_length=5000)


class InformationRequestIn(Versioned):
    request: str = Field(max_length=5000)
    resume_by: BoundedDate


class ResponseIn(Versioned):
    response: str = Field(max_length=10000)


class VisitIn(Versioned):
    visited_on: BoundedDate
    findings: str = Field(max_length=10000)
    satisfactory: bool


class ExtendIn(Versioned):
    reason: str = Field(max_length=5000)


class DecisionIn(Versioned):
    outcome: Outcome
    text: str = Field("", max_length=10000)
    reasons: list[RefusalReason] = []


class ApplicationFilters(Schema):
    state: State | None = None
    overdue: bool | None = None
