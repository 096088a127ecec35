"""Incident reports, change notifications and account-manager reassignment."""

from datetime import date, datetime
from typing import Literal

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Field, File, Query, Router, Schema, Status, UploadedFile
from ninja.pagination import paginate

from aeo.accounts.http import AuthedRequest
from aeo.accounts.models import User
from aeo.core.bounds import BoundedDate, BoundedDateTime, IdValue, ObjectId, Pagination
from aeo.core.errors import DomainError
from aeo.core.schemas import HistoryEventOut, allowed_actions
from aeo.registry.models import Operator
from aeo.supervision.constants import (
    CHANGE_WORKFLOW,
    INCIDENT_WORKFLOW,
    MAX_DUE_BUSINESS_DAYS,
    ChangeCategory,
    ChangeEventType,
    ChangeStatus,
    IncidentAssessment,
    IncidentEventType,
    IncidentStatus,
)
from aeo.supervision.models import ChangeNotification, Incident
from aeo.supervision.selectors import reports as selectors
from aeo.supervision.selectors.scope import operator_q
from aeo.supervision.services import changes, contacts, incidents

router = Router()


class IncidentIn(Schema):
    occurred_at: BoundedDateTime
    summary: str = Field(max_length=200)
    details: str = Field("", max_length=10000)
    declarations: str = Field("", max_length=5000)
    actions_taken: str = Field("", max_length=10000)


class IncidentFileOut(Schema):
    id: int
    name: str
    size: int
    sha256: str
    uploaded_at: datetime


class IncidentOut(Schema):
    id: int
    operator_id: int
    operator: str = Field(alias="operator.legal_name")
    status: IncidentStatus
    version: int
    occurred_at: datetime
    summary: str
    details: str
    declarations: str
    actions_taken: str
    assessment: IncidentAssessment | Literal[""]
    reported_at: datetime


class IncidentDetailOut(IncidentOut):
    files: list[IncidentFileOut]
    history: list[HistoryEventOut]
    allowed_actions: list[IncidentEventType]

    @staticmethod
    def resolve_files(obj: Incident):
        return list(obj.files.all())

    @staticmethod
    def resolve_history(obj: Incident):
        return list(selectors.incident_history(obj))

    @staticmethod
    def resolve_allowed_actions(obj: Incident, context) -> list[str]:
        return allowed_actions(INCIDENT_WORKFLOW, obj, context)


class ReportFilters(Schema):
    status: str = Field("", max_length=20)
    operator_id: IdValue | None = None


class IncidentFilters(ReportFilters):
    status: IncidentStatus | Literal[""] = ""


class HandleIncidentIn(Schema):
    step: Literal["acknowledged", "assessed", "closed"]
    assessment: IncidentAssessment | None = Field(None, description="required to assess")
    comment: str = Field("", max_length=5000)
    action_description: str = Field(
        "", max_length=10000, description="what must be done, to assess as corrective_action"
    )
    due_business_days: int | None = Field(
        None, ge=1, le=MAX_DUE_BUSINESS_DAYS, description="to assess as corrective_action"
    )
    version: int | None = Field(None, ge=1, le=2**31)


def _incident(request: AuthedRequest, incident_id: int) -> Incident:
    return get_object_or_404(selectors.incidents_visible_to(request.user), pk=incident_id)


@router.post("/incidents", response={201: IncidentDetailOut}, operation_id="report_incident")
def report_incident(request: AuthedRequest, payload: IncidentIn):
    """A trader reports an accident or mistake in customs procedures for its own operator."""
    incident = incidents.report_incident(actor=request.user, **payload.dict())
    return Status(201, _incident(request, incident.pk))


@router.post(
    "/incidents/{incident_id}/files",
    response={201: IncidentFileOut},
    operation_id="attach_incident_file",
)
def attach_incident_file(
    request: AuthedRequest, incident_id: ObjectId, file: File[UploadedFile | None] = None
):
    """Add a PDF, PNG, JPEG, DOCX or XLSX file (checked by extension and content)."""
    found = _incident(request, incident_id)
    if file is None:
        raise DomainError(_("Choose a file to upload."), field="file", code="required")
    return Status(
        201, incidents.attach_incident_file(actor=request.user, incident=found, upload=file)
    )


@router.get("/incidents", response=list[IncidentOut], operation_id="list_incidents")
@paginate(Pagination)
def list_incidents(request: AuthedRequest, filters: Query[IncidentFilters]):
    return selectors.filter_reports(
        selectors.incidents_visible_to(request.user),
        status=filters.status,
        operator_id=filters.operator_id,
    )


@router.get("/incidents/{incident_id}", response=IncidentDetailOut, operation_id="get_incident")
def get_incident(request: AuthedRequest, incident_id: ObjectId):
    return _incident(request, incident_id)


@router.post(
    "/incidents/{incident_id}/handle", response=IncidentDetailOut, operation_id="handle_incident"
)
def handle_incident(request: AuthedRequest, incident_id: ObjectId, payload: HandleIncidentIn):
    """The account manager's next step: acknowledge, assess (with the assessment), close."""
    found = _incident(request, incident_id)
    kwargs = {"comment": payload.comment, "version": payload.version}
    if payload.step == IncidentEventType.ASSESSED:
        kwargs["assessment"] = payload.assessment.value if payload.assessment else ""
        kwargs["action_description"] = payload.action_description
        kwargs["due_business_days"] = payload.due_business_days
    incidents.HANDLING[IncidentEventType(payload.step)](
        actor=request.user, incident=found, **kwargs
    )
    return _incident(request, incident_id)


class ChangeIn(Schema):
    category: ChangeCategory
    description: str = Field(max_length=10000)
    effective_on: BoundedDate
    new_value: str | int | None = Field(
        None, description="the new legal name, address or number of employees"
    )


class ChangeOut(Schema):
    id: int
    operator_id: int
    operator: str = Field(alias="operator.legal_name")
    status: ChangeStatus
    version: int
    category: ChangeCategory
    description: str
    effective_on: date
    proposed: dict[str, str | int]
    previous: dict[str, str | int | None]
    adverse: bool
    submitted_at: datetime


class ChangeDetailOut(ChangeOut):
    history: list[HistoryEventOut]
    allowed_actions: list[ChangeEventType]

    @staticmethod
    def resolve_history(obj: ChangeNotification):
        return list(selectors.change_history(obj))

    @staticmethod
    def resolve_allowed_actions(obj: ChangeNotification, context) -> list[str]:
        return allowed_actions(CHANGE_WORKFLOW, obj, context)


class ChangeFilters(ReportFilters):
    status: ChangeStatus | Literal[""] = ""


class DecideChangeIn(Schema):
    decision: Literal["confirmed", "rejected"]
    comment: str = Field("", max_length=5000)
    adverse: bool = False
    version: int | None = Field(None, ge=1, le=2**31)


def _notification(request: AuthedRequest, notification_id: int) -> ChangeNotification:
    return get_object_or_404(selectors.changes_visible_to(request.user), pk=notification_id)


@router.post("/change-notifications", response={201: ChangeDetailOut}, operation_id="notify_change")
def notify_change(request: AuthedRequest, payload: ChangeIn):
    """A trader notifies a change of its own operator; registry facts wait for confirmation."""
    data = payload.dict()
    data["category"] = payload.category.value
    notification = changes.notify_change(actor=request.user, **data)
    return Status(201, _notification(request, notification.pk))


@router.get(
    "/change-notifications",
    response=list[ChangeOut],
    operation_id="list_change_notifications",
)
@paginate(Pagination)
def list_change_notifications(request: AuthedRequest, filters: Query[ChangeFilters]):
    return selectors.filter_reports(
        selectors.changes_visible_to(request.user),
        status=filters.status,
        operator_id=filters.operator_id,
    )


@router.get(
    "/change-notifications/{notification_id}",
    response=ChangeDetailOut,
    operation_id="get_change_notification",
)
def get_change_notification(request: AuthedRequest, notification_id: ObjectId):
    return _notification(request, notification_id)


@router.post(
    "/change-notifications/{notification_id}/decide",
    response=ChangeDetailOut,
    operation_id="decide_change_notification",
)
def decide_change_notification(
    request: AuthedRequest, notification_id: ObjectId, payload: DecideChangeIn
):
    """Confirm (its facts reach the registry) or refuse (with the reason) a notified change."""
    found = _notification(request, notification_id)
    if payload.decision == ChangeEventType.CONFIRMED:
        changes.confirm_change(
            actor=request.user,
            notification=found,
            comment=payload.comment,
            adverse=payload.adverse,
            version=payload.version,
        )
    else:
        changes.reject_change(
            actor=request.user,
            notification=found,
            comment=payload.comment,
            version=payload.version,
        )
    return _notification(request, notification_id)


class ReassignIn(Schema):
    manager_id: IdValue
    reason: str = Field(min_length=1, max_length=2000)


class AccountManagerOut(Schema):
    id: int
    username: str
    name: str = Field(alias="get_full_name")
    email: str


@router.post(
    "/operators/{operator_id}/account-manager",
    response=AccountManagerOut,
    operation_id="reassign_account_manager",
)
def reassign_account_manager(request: AuthedRequest, operator_id: ObjectId, payload: ReassignIn):
    """A coordinator hands an operator to another account manager (audited with the reason)."""
    operator = get_object_or_404(
        Operator.objects.filter(operator_q(request.user, "")), pk=operator_id
    )
    manager = get_object_or_404(User, pk=payload.manager_id, is_active=True)
    return contacts.reassign_account_manager(
        actor=request.user, operator=operator, manager=manager, reason=payload.reason
    )
