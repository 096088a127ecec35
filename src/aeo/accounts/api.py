"""API tokens: list, issue and revoke (owners their own; administrators anyone's)."""

from datetime import datetime

from django.shortcuts import get_object_or_404
from ninja import Field, Router, Schema, Status
from ninja.pagination import paginate

from aeo.accounts import selectors, services
from aeo.accounts.http import AuthedRequest
from aeo.core.bounds import ObjectId, Pagination

router = Router(tags=["accounts"])


class TokenOut(Schema):
    id: int
    name: str
    prefix: str = Field(description="The token's first characters, to recognise it")
    user: str = Field(alias="user.username")
    created_at: datetime
    last_used_at: datetime | None
    expires_at: datetime | None
    revoked_at: datetime | None
    state: str = Field(description="active, expired or revoked")


class TokenIn(Schema):
    name: str = Field(min_length=1, max_length=100)
    days: int | None = Field(None, ge=0, le=3660, strict=True, description="0: never expires")


class TokenIssued(TokenOut):
    token: str = Field(description="The token itself: shown this once, stored only hashed")


class RevokeIn(Schema):
    reason: str = Field("", max_length=2000)


@router.get("/tokens", response=list[TokenOut], operation_id="list_tokens")
@paginate(Pagination)
def list_tokens(request: AuthedRequest):
    """Your tokens; an administrator's list holds everyone's."""
    return selectors.tokens_visible_to(request.user)


@router.post("/tokens", response={201: TokenIssued}, operation_id="issue_token")
def issue_token(request: AuthedRequest, payload: TokenIn):
    raw = services.issue_token(
        actor=request.user, user=request.user, name=payload.name, days=payload.days
    )
    token = selectors.tokens_visible_to(request.user).get(prefix=raw[:12], user=request.user)
    token.token = raw  # type: ignore[attr-defined]
    return Status(201, token)


@router.post("/tokens/{token_id}/revoke", response=TokenOut, operation_id="revoke_token")
def revoke_token(request: AuthedRequest, token_id: ObjectId, payload: RevokeIn):
    token = get_object_or_404(selectors.tokens_visible_to(request.user), pk=token_id)
    return services.revoke_token(actor=request.user, token=token, reason=payload.reason)
