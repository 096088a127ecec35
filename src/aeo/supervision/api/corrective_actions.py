from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import File, Form, Query, Router, Status, UploadedFile
from ninja.errors import HttpError
from ninja.pagination import paginate

from aeo.accounts.http import AuthedRequest
from aeo.core.bounds import ObjectId, Pagination
from aeo.core.errors import DomainError
from aeo.registry.models import Operator
from aeo.supervision.api.schemas import (
    TEXT,
    ActionFilters,
    CorrectiveActionDetailOut,
    CorrectiveActionIn,
    CorrectiveActionOut,
    VerificationIn,
)
from aeo.supervision.models import Finding
from aeo.supervision.selectors import audits as audit_selectors
from aeo.supervision.selectors import corrective_actions as selectors
from aeo.supervision.selectors.scope import operator_q
from aeo.supervision.services import corrective_actions as services

router = Router()


def _action(request: AuthedRequest, action_id: int):
    return get_object_or_404(selectors.corrective_actions_visible_to(request.user), pk=action_id)


@router.post(
    "/corrective-actions",
    response={201: CorrectiveActionDetailOut},
    operation_id="create_corrective_action",
)
def create_corrective_action(request: AuthedRequest, payload: CorrectiveActionIn):
    """From a finding (`finding_id`), or from an incident or otherwise (`operator_id`)."""
    # Ids in the body that name nothing the user sees are invalid input (422, on their field).
    finding = operator = None
    if payload.finding_id is not None:
        finding = (
            Finding.objects.select_related("audit__operator")
            .filter(audit__in=audit_selectors.audits_visible_to(request.user))
            .filter(pk=payload.finding_id)
            .first()
        )
        if finding is None:
            raise DomainError(_("No such finding."), field="finding_id", code="not_found")
    elif payload.operator_id is not None:
        operator = (
            Operator.objects.filter(operator_q(request.user, ""))
            .filter(pk=payload.operator_id)
            .first()
        )
        if operator is None:
            raise DomainError(_("No such operator."), field="operator_id", code="not_found")
    action = services.create_corrective_action(
        actor=request.user,
        finding=finding,
        operator=operator,
        source=payload.source.value,
        kind=payload.kind.value,
        description=payload.description,
        due_business_days=payload.due_business_days,
    )
    return Status(201, _action(request, action.pk))


@router.get(
    "/corrective-actions",
    response=list[CorrectiveActionOut],
    operation_id="list_corrective_actions",
)
@paginate(Pagination)
def list_corrective_actions(request: AuthedRequest, filters: Query[ActionFilters]):
    return selectors.search_actions(
        selectors.corrective_actions_visible_to(request.user),
        status=filters.status.value if filters.status else "",
        operator_id=filters.operator_id,
        audit_id=filters.audit_id,
        overdue=filters.overdue,
    )


@router.get(
    "/corrective-actions/{corrective_action_id}",
    response=CorrectiveActionDetailOut,
    operation_id="get_corrective_action",
)
def get_corrective_action(request: AuthedRequest, corrective_action_id: ObjectId):
    return _action(request, corrective_action_id)


@router.post(
    "/corrective-actions/{corrective_action_id}/response",
    response=CorrectiveActionDetailOut,
    operation_id="respond_to_corrective_action",
)
def respond_to_corrective_action(
    request: AuthedRequest,
    corrective_action_id: ObjectId,
    response: Form[str] = "",
    version: Form[int | None] = None,
    file: File[list[UploadedFile]] | None = None,
):
    """The trader's answer (multipart: `response`, optional `version`, up to 5 `file`s: PDF,
    PNG, JPEG, DOCX or XLSX, checked by extension and content)."""
    if len(response) > TEXT:
        raise HttpError(422, "The response is too long.")
    services.respond_to_corrective_action(
        actor=request.user,
        action=_action(request, corrective_action_id),
        response=response,
        files=list(file or []),
        version=version,
    )
    return _action(request, corrective_action_id)


@router.post(
    "/corrective-actions/{corrective_action_id}/verification",
    response=CorrectiveActionDetailOut,
    operation_id="verify_corrective_action",
)
def verify_corrective_action(
    request: AuthedRequest, corrective_action_id: ObjectId, payload: VerificationIn
):
    services.verify_corrective_action(
        actor=request.user,
        action=_action(request, corrective_action_id),
        decision=payload.decision.value,
        note=payload.note,
        due_business_days=payload.due_business_days,
        version=payload.version,
    )
    return _action(request, corrective_action_id)
