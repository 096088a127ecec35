from datetime import datetime

from ninja import Field, Router, Schema
from ninja.pagination import paginate

from aeo.accounts.http import AuthedRequest
from aeo.core.bounds import IdValue, Pagination
from aeo.notifications import selectors, services

router = Router(tags=["notifications"])


class NotificationOut(Schema):
    id: int
    subject: str
    body: str
    url: str
    created_at: datetime
    read_at: datetime | None


class MarkRead(Schema):
    ids: list[IdValue] | None = Field(None, max_length=1000)


@router.get("/notifications", response=list[NotificationOut], operation_id="list_notifications")
@paginate(Pagination)
def list_notifications(request: AuthedRequest, unread: bool = False):
    qs = selectors.inbox(request.user)
    return qs.filter(read_at__isnull=True) if unread else qs


@router.post("/notifications/read", operation_id="mark_notifications_read")
def mark_notifications_read(request: AuthedRequest, payload: MarkRead) -> dict[str, int]:
    return {"marked": services.mark_read(actor=request.user, ids=payload.ids)}
