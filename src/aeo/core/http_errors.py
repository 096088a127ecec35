"""Error responses outside a view: the API's one error shape, or a page for the browser.

`{"detail": str, "code": str, "errors": [{"field": str | None, "code": str, "message": str}]}`
"""

from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template.loader import render_to_string

API_PREFIX = "/api/"


def error_body(
    detail: str, code: str, errors: list[tuple[str | None, str]] | None = None
) -> dict[str, Any]:
    return {
        "detail": str(detail),
        "code": code,
        "errors": [
            {"field": field, "code": code, "message": str(message)}
            for field, message in (errors or [])
        ],
    }


def is_api(request: HttpRequest) -> bool:
    return request.path_info.startswith(API_PREFIX)


def error_response(
    request: HttpRequest,
    status: int,
    detail: str,
    code: str,
    errors: list[tuple[str | None, str]] | None = None,
) -> HttpResponse:
    """JSON in the one error shape for the API, a short page for everything else."""
    if is_api(request):
        return JsonResponse(error_body(detail, code, errors), status=status)
    if not hasattr(request, "user"):  # refused before the authentication middleware ran
        request.user = AnonymousUser()
    html = render_to_string(
        "core/error.html",
        {"status": status, "detail": detail, "errors": errors or []},
        request=request,
    )
    return HttpResponse(html, status=status)
