from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Status
from ninja.pagination import paginate

from aeo.applications import selectors, services
from aeo.applications.constants import CLOCK_STATES
from aeo.applications.models import Application
from aeo.applications.schemas import (
    ApplicationFilters,
    ApplicationOut,
    CommentIn,
    ConsultationIn,
    ConsultationOut,
    CreateApplicationIn,
    DecisionIn,
    EventOut,
    ExtendIn,
    InformationRequestIn,
    ResponseIn,
    Versioned,
    VisitIn,
)
from aeo.core.bounds import ObjectId, Pagination
from aeo.core.http import AuthedRequest

router = Router(tags=["applications"])


def _get(request: HttpRequest, application_id: ObjectId) -> Application:
    return get_object_or_404(selectors.applications_visible_to(request.user), pk=application_id)


def _fresh(request: HttpRequest, application: Application) -> Application:
    return _get(request, application.pk)


@router.post("/consultations", response={201: ConsultationOut}, operation_id="request_consultation")
def request_consultation(request: AuthedRequest, payload: ConsultationIn):
    consultation = services.request_consultation(actor=request.user, **payload.dict())
    return Status(201, consultation)


@router.get("/applications", response=list[ApplicationOut], operation_id="list_applications")
@paginate(Pagination)
def list_applications(request: AuthedRequest, filters: Query[ApplicationFilters]):
    qs = selectors.applications_visible_to(request.user)
    if filters.state:
        qs = qs.filter(state=filters.state)
    if filters.overdue is not None:
        clocked = qs.filter(state__in=CLOCK_STATES)  # only these can be overdue
        overdue_ids = [a.pk for a in clocked if (c := a.clock()) and c.overdue]
        qs = qs.filter(pk__in=overdue_ids) if filters.overdue else qs.exclude(pk__in=overdue_ids)
    return qs


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
    response=list[EventOut],
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
