"""The JSON API under /api/v1/: one NinjaAPI, one error shape for every 4xx.

Every error answers `{"detail": str, "errors": [{"field": str | None, "message": str}]}`.
"""

from typing import Any

from django.conf import settings
from django.core.exceptions import (
    ObjectDoesNotExist,
    PermissionDenied,
    RequestDataTooBig,
    ValidationError,
)
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError
from ninja.throttling import AnonRateThrottle

from aeo.accounts.api import router as accounts_router
from aeo.accounts.auth import API_AUTH
from aeo.applications.api import router as applications_router
from aeo.authorizations.api import router as authorizations_router
from aeo.core.errors import DomainError
from aeo.core.openapi import document_errors
from aeo.notifications.api import router as notifications_router
from aeo.registry.api import router as registry_router
from aeo.requirements.api import router as requirements_router
from aeo.supervision.api import router as supervision_router


class AeoAPI(NinjaAPI):
    def get_openapi_schema(self, **kwargs: Any) -> Any:
        return document_errors(super().get_openapi_schema(**kwargs))


class PublicThrottle(AnonRateThrottle):
    """Operations open without login (the public register, status verification) are limited
    per client address: AEO_PUBLIC_RATE, e.g. 60/min; past it, 429 with Retry-After."""

    scope = "public"

    def __init__(self) -> None:
        super().__init__(settings.AEO_PUBLIC_RATE)

    def allow_request(self, request: HttpRequest) -> bool:
        if self.rate != settings.AEO_PUBLIC_RATE:  # changed at run time (tests, reloads)
            self.rate = settings.AEO_PUBLIC_RATE
            self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request)


api = AeoAPI(
    title="AEO platform API",
    version="1",
    description="Authorized Economic Operator programme: registry, applications, register.",
    auth=API_AUTH,
    throttle=[PublicThrottle()],
    urls_namespace="api",
)


def error_body(detail: str, errors: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    return {"detail": detail, "errors": errors or []}


# Names the project gives to parameters that wrap a whole schema: `payload` for a request
# body, `filters` for query parameters. They are not fields the user can fix.
SCHEMA_PARAMETERS = {"payload", "filters"}


def _field(loc: Any) -> str | None:
    """The field a pydantic error names, without its source ("body", "query", …) or wrapper."""
    rest = [str(p) for p in loc[1:]]
    if rest and rest[0] in SCHEMA_PARAMETERS:
        rest = rest[1:]
    return ".".join(rest) or None


@api.exception_handler(NinjaValidationError)
def on_schema_error(request: HttpRequest, exc: NinjaValidationError) -> HttpResponse:
    errors = [{"field": _field(e.get("loc", ())), "message": e.get("msg", "")} for e in exc.errors]
    return api.create_response(request, error_body("Invalid input.", errors), status=422)


@api.exception_handler(ValidationError)
def on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    if hasattr(exc, "error_dict"):
        errors = [
            {"field": None if f == "__all__" else f, "message": m}
            for f, msgs in exc.message_dict.items()
            for m in msgs
        ]
    else:
        errors = [{"field": None, "message": m} for m in exc.messages]
    return api.create_response(request, error_body("Invalid input.", errors), status=422)


@api.exception_handler(DomainError)
def on_domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    errors = [{"field": exc.field, "message": exc.message}]
    return api.create_response(request, error_body(exc.message, errors), status=exc.status_code)


@api.exception_handler(Http404)
@api.exception_handler(ObjectDoesNotExist)
def on_not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return api.create_response(request, error_body("Not found."), status=404)


@api.exception_handler(PermissionDenied)
def on_forbidden(request: HttpRequest, exc: Exception) -> HttpResponse:
    return api.create_response(request, error_body("Forbidden."), status=403)


@api.exception_handler(AuthenticationError)
def on_unauthenticated(request: HttpRequest, exc: Exception) -> HttpResponse:
    return api.create_response(request, error_body("Authentication required."), status=401)


@api.exception_handler(Throttled)
def on_throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
    detail = _("Too many requests: try again in a moment.")
    body = {
        "detail": str(detail),
        "code": "throttled",
        "errors": [{"field": None, "code": "throttled", "message": str(detail)}],
    }
    return api.create_response(request, body, status=429)


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    return api.create_response(request, error_body(str(exc)), status=exc.status_code)


@api.exception_handler(RequestDataTooBig)
def on_too_big(request: HttpRequest, exc: Exception) -> HttpResponse:
    return api.create_response(request, error_body("Request body too large."), status=413)


api.add_router("/", accounts_router)
api.add_router("/", registry_router)
api.add_router("/", requirements_router)
api.add_router("/", applications_router)
api.add_router("/", authorizations_router)
api.add_router("/", supervision_router)
api.add_router("/", notifications_router)
