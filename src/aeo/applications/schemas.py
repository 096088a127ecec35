from datetime import date, datetime
from typing import Literal

from ninja import Field, Schema

from aeo.applications import selectors
from aeo.applications.constants import (
    CONSULTATION_WORKFLOW,
    WORKFLOW,
    ApplicationEventType,
    ConsultationEventType,
    ConsultationStatus,
    Outcome,
    RefusalReason,
    State,
    Track,
)
from aeo.core.bounds import MAX_ID, BoundedDate
from aeo.core.schemas import allowed_actions
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


class CheckSheetCopyOut(Schema):
    number: int
    frozen_at: datetime
    changed_questions: list[str] = Field(
        description="questions whose answer or evidence differs from the copy before"
    )


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
    clock_calendar: str = Field(description="frozen at acceptance, with the clock's days")
    pauses: list[PauseOut]
    check_sheets: list[CheckSheetCopyOut]
    allowed_actions: list[ApplicationEventType]
    created_at: datetime

    @staticmethod
    def resolve_clock(obj) -> dict | None:
        reading = obj.clock()
        return reading.as_dict() if reading else None

    @staticmethod
    def resolve_pauses(obj) -> list:
        return list(obj.pauses.all())

    @staticmethod
    def resolve_check_sheets(obj) -> list[dict]:
        return [
            {"number": c.number, "frozen_at": c.frozen_at, "changed_questions": changed}
            for c, changed in selectors.check_sheet_versions(obj)
        ]

    @staticmethod
    def resolve_allowed_actions(obj, context) -> list[str]:
        return allowed_actions(WORKFLOW, obj, context)


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
    operator_id: int
    subject: str
    message: str
    status: ConsultationStatus
    preferred_date: date | None
    scheduled_for: datetime | None
    outcome: str
    account_manager: str | None = Field(None, alias="account_manager.username")
    version: int
    created_at: datetime
    allowed_actions: list[ConsultationEventType]

    @staticmethod
    def resolve_allowed_actions(obj, context) -> list[str]:
        return allowed_actions(CONSULTATION_WORKFLOW, obj, context)


class ConsultationFilters(Schema):
    status: ConsultationStatus | None = None


class ScheduleIn(Versioned):
    at: datetime = Field(description="the meeting's date and time")
    comment: str = Field("", max_length=2000)


class HeldIn(Versioned):
    outcome: str = Field(min_length=1, max_length=5000, description="what was discussed")


class CloseIn(Versioned):
    comment: str = Field("", max_length=2000)


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
    overdue: bool | None = Field(
        None, description="true: the overdue (as `urgency=overdue`), most overdue first"
    )
    urgency: Literal["overdue", "due_soon", "paused", "on_track"] | None = Field(
        None, description="the dashboard's bucket on the statutory clock, soonest due first"
    )
