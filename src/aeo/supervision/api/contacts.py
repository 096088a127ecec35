from datetime import datetime

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status

from aeo.accounts.http import AuthedRequest
from aeo.core.bounds import BoundedDateTime, ObjectId
from aeo.registry.models import Operator
from aeo.supervision.constants import ContactKind
from aeo.supervision.selectors import contacts as selectors
from aeo.supervision.selectors.scope import contacts_q
from aeo.supervision.services import contacts as services

router = Router()


class ContactIn(Schema):
    kind: ContactKind
    occurred_at: BoundedDateTime
    summary: str = Field(max_length=200)
    notes: str = Field("", max_length=10000)


class ContactOut(Schema):
    id: int
    kind: str
    occurred_at: datetime
    summary: str
    notes: str
    recorded_by: str = Field(alias="recorded_by.username")


def _customs_operator(request: AuthedRequest, operator_id: ObjectId):
    """The operator, if the user supervises it (its contact log is confidential): else 404."""
    return get_object_or_404(Operator.objects.filter(contacts_q(request.user, "")), pk=operator_id)


@router.get(
    "/operators/{operator_id}/contacts", response=list[ContactOut], operation_id="list_contacts"
)
def list_contacts(request: AuthedRequest, operator_id: ObjectId):
    return list(selectors.contacts_for(_customs_operator(request, operator_id)))


@router.post(
    "/operators/{operator_id}/contacts", response={201: ContactOut}, operation_id="log_contact"
)
def log_contact(request: AuthedRequest, operator_id: ObjectId, payload: ContactIn):
    operator = _customs_operator(request, operator_id)
    data = payload.dict()
    data["kind"] = payload.kind.value
    return Status(201, services.log_contact(actor=request.user, operator=operator, **data))
