"""The JSON API under /api/v1/: one NinjaAPI, one error shape for every 4xx.

Every error answers `{"detail": str, "code": str, "errors": [{"field", "code", "message"}]}`
(`aeo.core.schemas.ErrorOut`), and the OpenAPI document lists the 4xx each operation gives
(`openapi.py`).
"""

import logging
from typing import Any

from django.conf import settings
from django.core.exceptions import (
    NON_FIELD_ERRORS,
    ObjectDoesNotExist,
    PermissionDenied,
    RequestDataTooBig,
    ValidationError,
)
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from ninja.errors import AuthenticationError, HttpError, Throttled
from ninja.errors import ValidationError as NinjaValidationError
from ninja.throttling import AnonRateThrottle

from aeo.accounts.api import router as accounts_router
from aeo.accounts.auth import API_AUTH
from aeo.applications.api import router as applications_router
from aeo.authorizations.api import router as authorizations_router
from aeo.benefits.api import router as benefits_router
from aeo.border.api import router as border_router
from aeo.core.errors import DomainError
from aeo.mra.api import router as mra_router
from aeo.notifications.api import router as notifications_router
from aeo.openapi import AeoNinjaAPI
from aeo.registry.api import router as registry_router
from aeo.requirements.api import router as requirements_router
from aeo.supervision.api import router as supervision_router

logger = logging.getLogger(__name__)


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


api = AeoNinjaAPI(
    title="AEO platform API",
    version="1",
    description="Authorized Economic Operator programme: registry, applications, register.",
    auth=API_AUTH,
    throttle=[PublicThrottle()],
    urls_namespace="api",
)


def error_body(
    detail: str, code: str, errors: list[dict[str, Any]] | None = None
) -> dict[str, Any]:
    return {"detail": detail, "code": code, "errors": errors or []}


def _error(request: HttpRequest, status: int, detail: str, code: str, errors=None) -> HttpResponse:
    return api.create_response(request, error_body(detail, code, errors), status=status)


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
    errors = [
        {
            "field": _field(e.get("loc", ())),
            "code": str(e.get("type", "invalid")),
            "message": e.get("msg", ""),
        }
        for e in exc.errors
    ]
    return _error(request, 422, _("Invalid input."), "invalid_input", errors)


@api.exception_handler(ValidationError)
def on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    by_field = exc.error_dict if hasattr(exc, "error_dict") else {None: exc.error_list}
    errors = [
        {
            "field": None if field in (None, NON_FIELD_ERRORS) else field,
            "code": error.code or "invalid",
            "message": " ".join(error.messages),
        }
        for field, field_errors in by_field.items()
        for error in field_errors
    ]
    return _error(request, 422, _("Invalid input."), "invalid_input", errors)


@api.exception_handler(DomainError)
def on_domain_error(request: HttpRequest, exc: DomainError) -> HttpResponse:
    errors = [{"field": exc.field, "code": exc.code, "message": exc.message}]
    return _error(request, exc.status_code, exc.message, exc.code, errors)


@api.exception_handler(Http404)
@api.exception_handler(ObjectDoesNotExist)
def on_not_found(request: HttpRequest, exc: Exception) -> HttpResponse:
    return _error(request, 404, _("Not found."), "not_found")


@api.exception_handler(PermissionDenied)
def on_forbidden(request: HttpRequest, exc: Exception) -> HttpResponse:
    return _error(request, 403, _("You may not do this."), "forbidden")


@api.exception_handler(AuthenticationError)
def on_unauthenticated(request: HttpRequest, exc: Exception) -> HttpResponse:
    return _error(request, 401, _("Authentication required."), "authentication_required")


@api.exception_handler(Throttled)
def on_throttled(request: HttpRequest, exc: Throttled) -> HttpResponse:
    detail = _("Too many requests: try again in a moment.")
    errors = [{"field": None, "code": "throttled", "message": detail}]
    response = _error(request, 429, detail, "throttled", errors)
    response["Retry-After"] = str(max(1, int(exc.wait or 1)))
    return response


@api.exception_handler(HttpError)
def on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    if exc.status_code == 400:  # django-ninja's only 400: a request body that is not JSON
        return _error(request, 422, _("The request body is not valid JSON."), "invalid_json")
    code = HTTP_ERROR_CODES.get(exc.status_code, "error")
    return _error(request, exc.status_code, str(exc), code)


@api.exception_handler(RequestDataTooBig)
def on_too_big(request: HttpRequest, exc: Exception) -> HttpResponse:
    return _error(request, 413, _("Request body too large."), "too_large")


@api.exception_handler(Exception)
def on_server_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    """A bug: logged with its traceback; the client still gets the JSON shape, never a page."""
    logger.exception("API error on %s %s", request.method, request.path)
    return _error(request, 500, _("Server error."), "server_error")


HTTP_ERROR_CODES = {
    401: "authentication_required",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    422: "invalid_input",
    429: "throttled",
}


api.add_router("/", accounts_router)
api.add_router("/", registry_router)
api.add_router("/", requirements_router)
api.add_router("/", applications_router)
api.add_router("/", authorizations_router)
api.add_router("/", supervision_router)
api.add_router("/", border_router)
api.add_router("/", notifications_router)
api.add_router("/", mra_router)
api.add_router("/", benefits_router)
