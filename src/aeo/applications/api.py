from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Status
from ninja.pagination import paginate

from aeo.accounts.http import AuthedRequest
from aeo.applications import selectors, services
from aeo.applications.models import Application, Consultation, urgency
from aeo.applications.schemas import (
    ApplicationFilters,
    ApplicationOut,
    CloseIn,
    CommentIn,
    ConsultationFilters,
    ConsultationIn,
    ConsultationOut,
    CreateApplicationIn,
    DecisionIn,
    ExtendIn,
    HeldIn,
    InformationRequestIn,
    ResponseIn,
    ScheduleIn,
    Versioned,
    VisitIn,
)
from aeo.core.bounds import ObjectId, Pagination
from aeo.core.now import today
from aeo.core.schemas import HistoryEventOut

router = Router(tags=["applications"])


def _get(request: HttpRequest, application_id: ObjectId) -> Application:
    return get_object_or_404(selectors.applications_visible_to(request.user), pk=application_id)


def _fresh(request: HttpRequest, application: Application) -> Application:
    return _get(request, application.pk)


def _consultation(request: HttpRequest, consultation_id: ObjectId) -> Consultation:
    return get_object_or_404(selectors.consultations_visible_to(request.user), pk=consultation_id)


@router.post("/consultations", response={201: ConsultationOut}, operation_id="request_consultation")
def request_consultation(request: AuthedRequest, payload: ConsultationIn):
    consultation = services.request_consultation(actor=request.user, **payload.dict())
    return Status(201, _consultation(request, consultation.pk))


@router.get("/consultations", response=list[ConsultationOut], operation_id="list_consultations")
@paginate(Pagination)
def list_consultations(request: AuthedRequest, filters: Query[ConsultationFilters]):
    qs = selectors.consultations_visible_to(request.user)
    return qs.filter(status=filters.status) if filters.status else qs


@router.get(
    "/consultations/{consultation_id}", response=ConsultationOut, operation_id="get_consultation"
)
def get_consultation(request: AuthedRequest, consultation_id: ObjectId):
    return _consultation(request, consultation_id)


def _handle(request: AuthedRequest, consultation_id: ObjectId, service, payload: Versioned):
    service(
        actor=request.user, consultation=_consultation(request, consultation_id), **payload.dict()
    )
    return _consultation(request, consultation_id)


@router.post(
    "/consultations/{consultation_id}/schedule",
    response=ConsultationOut,
    operation_id="schedule_consultation",
)
def schedule_consultation(request: AuthedRequest, consultation_id: ObjectId, payload: ScheduleIn):
    return _handle(request, consultation_id, services.schedule_consultation, payload)


@router.post(
    "/consultations/{consultation_id}/held",
    response=ConsultationOut,
    operation_id="record_consultation_held",
)
def record_consultation_held(request: AuthedRequest, consultation_id: ObjectId, payload: HeldIn):
    return _handle(request, consultation_id, services.record_consultation_held, payload)


@router.post(
    "/consultations/{consultation_id}/close",
    response=ConsultationOut,
    operation_id="close_consultation",
)
def close_consultation(request: AuthedRequest, consultation_id: ObjectId, payload: CloseIn):
    return _handle(request, consultation_id, services.close_consultation, payload)


@router.get("/applications", response=list[ApplicationOut], operation_id="list_applications")
@paginate(Pagination)
def list_applications(request: AuthedRequest, filters: Query[ApplicationFilters]):
    qs = selectors.applications_visible_to(request.user)  # with the pauses each clock reads
    if filters.state:
        qs = qs.filter(state=filters.state)
    if filters.overdue:  # the dashboard's bucket: most overdue first, read from its index
        qs = qs.urgency("overdue", today())
    elif filters.overdue is not None:
        qs = qs.exclude(urgency("overdue", today()))
    if filters.urgency is not None:
        qs = qs.urgency(filters.urgency, today())
    return qs.prefetch_related("check_sheets")  # each row lists its check-sheet copies


@router.post("/applications", response={201: ApplicationOut}, operation_id="create_application")
def create_application(request: AuthedRequest, payload: CreateApplicationIn):
    roles = [r.value for r in payload.roles] if payload.roles else None
    application = services.create_application(actor=request.user, roles=roles)
    return Status(201, _fresh(request, application))


@router.get(
    "/applications/{application_id}", response=ApplicationOut, operation_id="get_application"
)
def get_application(request: AuthedRequest, application_id: ObjectId):
    return _get(request, application_id)


@router.get(
    "/applications/{application_id}/history",
    response=list[HistoryEventOut],
    operation_id="get_application_history",
)
def get_application_history(request: AuthedRequest, application_id: ObjectId):
    return list(selectors.history(_get(request, application_id)))


def _run(request: AuthedRequest, application_id: ObjectId, service, payload: Versioned):
    """One move: the payload's fields are the service's keyword arguments."""
    application = service(
        actor=request.user, application=_get(request, application_id), **payload.dict()
    )
    return _fresh(request, application)


@router.post(
    "/applications/{application_id}/submit",
    response=ApplicationOut,
    operation_id="submit_application",
)
def submit_application(request: AuthedRequest, application_id: ObjectId, payload: Versioned):
    return _run(request, application_id, services.submit_application, payload)


@router.post(
    "/applications/{application_id}/accept",
    response=ApplicationOut,
    operation_id="accept_application",
)
def accept_application(request: AuthedRequest, application_id: ObjectId, payload: CommentIn):
    return _run(request, application_id, services.accept_application, payload)


@router.post(
    "/applications/{application_id}/return",
    response=ApplicationOut,
    operation_id="return_application",
)
def return_application(request: AuthedRequest, application_id: ObjectId, payload: CommentIn):
    return _run(request, application_id, services.return_application, payload)


@router.post(
    "/applications/{application_id}/information-requests",
    response=ApplicationOut,
    operation_id="request_information",
)
def request_information(
    request: AuthedRequest, application_id: ObjectId, payload: InformationRequestIn
):
    return _run(request, application_id, services.request_information, payload)


@router.post(
    "/applications/{application_id}/response",
    response=ApplicationOut,
    operation_id="respond_to_request",
)
def respond_to_request(request: AuthedRequest, application_id: ObjectId, payload: ResponseIn):
    return _run(request, application_id, services.respond_to_request, payload)


@router.post(
    "/applications/{application_id}/validation-visit",
    response=ApplicationOut,
    operation_id="record_validation_visit",
)
def record_validation_visit(request: AuthedRequest, application_id: ObjectId, payload: VisitIn):
    return _run(request, application_id, services.record_validation_visit, payload)


@router.post(
    "/applications/{application_id}/extension",
    response=ApplicationOut,
    operation_id="extend_deadline",
)
def extend_deadline(request: AuthedRequest, application_id: ObjectId, payload: ExtendIn):
    return _run(request, application_id, services.extend_deadline, payload)


@router.post(
    "/applications/{application_id}/decision",
    response=ApplicationOut,
    operation_id="decide_application",
)
def decide_application(request: AuthedRequest, application_id: ObjectId, payload: DecisionIn):
    return _run(request, application_id, services.decide_application, payload)


@router.post(
    "/applications/{application_id}/withdraw",
    response=ApplicationOut,
    operation_id="withdraw_application",
)
def withdraw_application(request: AuthedRequest, application_id: ObjectId, payload: CommentIn):
    return _run(request, application_id, services.withdraw_application, payload)
