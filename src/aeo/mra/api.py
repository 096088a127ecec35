"""MRAs (public), exchange consent, partners, signed batches and AEO status verification."""

import hashlib

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import HttpRequest, JsonResponse
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Status
from ninja.pagination import paginate
from ninja.throttling import SimpleRateThrottle

from aeo.accounts.constants import Role
from aeo.core.bounds import ObjectId, Pagination
from aeo.mra import selectors
from aeo.mra.messages import OutOfOrder
from aeo.mra.models import Arrangement
from aeo.mra.schemas import (
    ExchangeAckOut,
    ExchangeBatchIn,
    ExchangeConsentOut,
    ExchangePartnerOut,
    ExchangeStatusOut,
    ExchangeVerifyIn,
    ExchangeVerifyOut,
    MraDetailOut,
    MraIn,
    MraOut,
    MraStatusIn,
    PartnerAEOFilters,
    PartnerAEOOut,
)
from aeo.mra.services import arrangements, consent, inbound

router = Router(tags=["mra"])


class TokenThrottle(SimpleRateThrottle):
    """AEO_VERIFY_RATE per API token (per signed-in user in the browser): 429 past it."""

    scope = "verify"

    def __init__(self) -> None:
        super().__init__(settings.AEO_VERIFY_RATE)

    def allow_request(self, request: HttpRequest) -> bool:
        if self.rate != settings.AEO_VERIFY_RATE:
            self.rate = settings.AEO_VERIFY_RATE
            self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)

    def get_cache_key(self, request: HttpRequest) -> str:
        header = request.headers.get("authorization", "")
        ident = header or f"user:{getattr(request.user, 'pk', None) or self.get_ident(request)}"
        digest = hashlib.sha256(ident.encode("utf-8", "surrogatepass")).hexdigest()
        return self.cache_format % {"scope": self.scope, "ident": digest}


@router.get("/mras", response=list[MraOut], operation_id="list_mras", auth=None)
@paginate(Pagination)
def list_mras(request: HttpRequest):
    """Every arrangement with its partners and state (public)."""
    return selectors.mras_visible_to(request.user)


@router.get("/mras/{mra_id}", response=MraDetailOut, operation_id="get_mra", auth=None)
def get_mra(request: HttpRequest, mra_id: ObjectId):
    """One arrangement: scope, benefits each way, how to use it, monitoring clause, history."""
    return get_object_or_404(selectors.mras_visible_to(request.user), pk=mra_id)


@router.post("/mras", response={201: MraDetailOut}, operation_id="create_mra")
def create_mra(request: HttpRequest, payload: MraIn):
    data = payload.dict()
    mra = arrangements.create_mra(
        actor=request.user,
        **{k: v for k, v in data.items() if k not in ("scope", "indicators", "documents")},
        scope=[(s["our_type"], s["partner_type"]) for s in data["scope"]],
        indicators=data["indicators"],
        documents=[(d["title"], d["url"]) for d in data["documents"]],
    )
    return Status(201, selectors.mras_visible_to(request.user).get(pk=mra.pk))


@router.post("/mras/{mra_id}/status", response=MraDetailOut, operation_id="change_mra_status")
def change_mra_status(request: HttpRequest, mra_id: ObjectId, payload: MraStatusIn):
    """Sign, bring into force, suspend, resume or terminate (as `allowed_actions` lists)."""
    mra = get_object_or_404(selectors.mras_visible_to(request.user), pk=mra_id)
    arrangements.change_mra_status(
        actor=request.user,
        mra=mra,
        event=payload.event.value,
        effective_on=payload.effective_on,
        comment=payload.comment,
        version=payload.version,
    )
    return Arrangement.objects.get(pk=mra_id)


def _operator(request: HttpRequest):
    user = request.user
    if user.role != Role.TRADER or not user.operator_id:  # type: ignore[union-attr]
        raise PermissionDenied
    return user.operator  # type: ignore[union-attr]


@router.post("/exchange/consent", response=ExchangeConsentOut, operation_id="give_exchange_consent")
def give_exchange_consent(request: HttpRequest):
    """Your operator consents to its AEO status being sent to every MRA partner."""
    return consent.give_consent(actor=request.user, operator=_operator(request))


@router.post(
    "/exchange/consent/withdraw",
    response=ExchangeConsentOut,
    operation_id="withdraw_exchange_consent",
)
def withdraw_exchange_consent(request: HttpRequest):
    """Partners are told at once and receive nothing more about your operator."""
    return consent.withdraw_consent(actor=request.user, operator=_operator(request))


@router.get("/exchange/partners", response=list[ExchangePartnerOut], operation_id="list_partners")
@paginate(Pagination)
def list_partners(request: HttpRequest):
    return selectors.partners_visible_to(request.user)


@router.post(
    "/exchange/batches",
    response=ExchangeAckOut,
    operation_id="receive_exchange_batch",
    auth=None,
)
def receive_exchange_batch(request: HttpRequest, payload: ExchangeBatchIn):
    """A partner's signed batch (docs/mra.md): the signature is the credential. Refused:
    unsigned or tampered (422 `unsigned`, `bad_signature`), unknown sender or key (422
    `unknown_sender`), addressed elsewhere (422 `wrong_recipient`), replayed (409 `replayed`),
    records missing before it (409 `out_of_order`, with `acknowledged`)."""
    try:
        return inbound.receive_batch(token=payload.message)
    except OutOfOrder as exc:
        errors = [{"field": exc.field, "code": exc.code, "message": exc.message}]
        body = {"detail": exc.message, "code": exc.code, "errors": errors}
        # The one error shape, plus the number the sender resends after (docs/mra.md).
        return JsonResponse({**body, "acknowledged": exc.acknowledged}, status=409)


@router.get(
    "/exchange/status", response=list[ExchangeStatusOut], operation_id="get_exchange_status"
)
def get_exchange_status(request: HttpRequest):
    """Per partner: sent and acknowledged, pending, last error, next retry, received."""
    return list(selectors.partners_visible_to(request.user).order_by("economy__name"))


@router.post(
    "/exchange/verify",
    response=ExchangeVerifyOut,
    operation_id="verify_aeo_status",
    throttle=[TokenThrottle()],
)
def verify_aeo_status(request: HttpRequest, payload: ExchangeVerifyIn):
    """The AEO status of up to 1,000 parties (ours and partners'), per id in the order given."""
    if not selectors.can_verify(request.user):
        raise PermissionDenied
    # A partner's token verifies our register only: other partners' data are not theirs to read.
    own_only = request.user.role == Role.PARTNER_CUSTOMS  # type: ignore[union-attr]
    economy = settings.AEO_ECONOMY if own_only else None
    return {"results": selectors.verify(payload.ids, economy=economy)}


@router.get(
    "/exchange/partner-aeos", response=list[PartnerAEOOut], operation_id="list_partner_aeos"
)
@paginate(Pagination)
def list_partner_aeos(request: HttpRequest, filters: Query[PartnerAEOFilters]):
    """Partners' AEOs as last received, with the partner's own identifiers."""
    qs = selectors.partner_aeos_visible_to(request.user)
    if filters.economy:
        qs = qs.filter(partner__economy_id=filters.economy.upper())
    if filters.q.strip():
        q = filters.q.strip()
        qs = qs.filter(
            Q(aeo_number__iexact=q) | Q(tin__iexact=q) | Q(our_id__iexact=q) | Q(name__icontains=q)
        )
    return qs
