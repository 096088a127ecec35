"""Request middleware: request ids and access logs, the input check at the boundary, and the
public read path (the status lookup) kept clear of what only signed-in use needs."""

import json
import logging
import re
import time
import uuid
from collections.abc import Callable, Iterable

from django.conf import settings
from django.contrib.auth.middleware import AuthenticationMiddleware
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.exceptions import (
    RequestDataTooBig,
    SuspiciousOperation,
    TooManyFieldsSent,
    TooManyFilesSent,
)
from django.http import HttpRequest, HttpResponse
from django.http.multipartparser import MultiPartParserError
from django.middleware.csrf import CsrfViewMiddleware
from django.utils.translation import gettext as _

from aeo.core import origin
from aeo.core.http_errors import error_response, is_api
from aeo.core.text import INVALID_TEXT, json_problems, text_problem

access_log = logging.getLogger("aeo.access")

REQUEST_ID_HEADER = "X-Request-ID"
_CLIENT_REQUEST_ID = re.compile(r"^[A-Za-z0-9._-]{8,64}$")

Problems = list[tuple[str | None, str]]


class NotAnObject(ValueError):
    """Every body of the API is a JSON object; ninja would read a list as an empty object."""


class RequestIdMiddleware:
    """Give every request an id (the proxy's `X-Request-ID` when sane), answer it in a header
    and log one JSON line per request: id, method, path, user, status, duration."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        given = request.headers.get(REQUEST_ID_HEADER, "")
        request_id = given if _CLIENT_REQUEST_ID.match(given) else uuid.uuid4().hex
        request.request_id = request_id  # type: ignore[attr-defined]
        started = time.monotonic()
        token = origin.set_for_request(request, request_id)
        try:
            response = self.get_response(request)
        finally:
            origin.reset(token)
        response[REQUEST_ID_HEADER] = request_id
        user = getattr(request, "user", None)
        access_log.info(
            "request",
            extra={
                "request_id": request_id,
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "user": user.get_username() if user is not None and user.is_authenticated else None,
                "duration_ms": round((time.monotonic() - started) * 1000, 1),
            },
        )
        return response


class InputCheckMiddleware:
    """Refuse, before any view runs, input that no field can hold: text with a NUL or a lone
    surrogate (in the path, a query parameter, a form field, a file name or a JSON string),
    unreadable JSON or multipart bodies, and too many fields or files. Nothing is stored;
    the API answers in its error shape, pages with a short error page."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        refusal = self.check(request)
        if refusal is not None:
            return refusal
        return self.get_response(request)

    def check(self, request: HttpRequest) -> HttpResponse | None:
        problems: Problems = []
        path_problem = text_problem(request.path_info)
        if path_problem:
            problems.append((None, path_problem))
        problems += _form_problems(request.GET.lists())
        if not problems and request.method in {"POST", "PUT", "PATCH", "DELETE"}:
            try:
                problems = self.body_problems(request)
            except RequestDataTooBig:
                return error_response(request, 413, _("Request body too large."), "too_large")
            except TooManyFilesSent:
                return error_response(
                    request, 413, _("Too many files in one request."), "too_many_files"
                )
            except TooManyFieldsSent:
                return error_response(
                    request, 413, _("Too many fields in one request."), "too_many_fields"
                )
            except (MultiPartParserError, SuspiciousOperation):
                return error_response(
                    request, 422, _("The form data could not be read."), "invalid_body"
                )
            except NotAnObject:
                return error_response(
                    request, 422, _("The request body must be a JSON object."), "invalid_json"
                )
            except (ValueError, RecursionError):
                return error_response(
                    request, 422, _("The request body is not valid JSON."), "invalid_json"
                )
        if problems:
            return error_response(request, 422, _("Invalid input."), INVALID_TEXT, problems)
        return None

    def body_problems(self, request: HttpRequest) -> Problems:
        content_type = request.content_type or ""
        if content_type == "application/json" or content_type.endswith("+json"):
            body = request.body
            if not body.strip():
                return []
            data = json.loads(body)
            if is_api(request) and not isinstance(data, dict):
                raise NotAnObject
            return list(json_problems(data))
        if content_type not in {"multipart/form-data", "application/x-www-form-urlencoded"}:
            return []
        if request.method != "POST":
            return []  # Django parses form bodies of POST only; others reach no form
        problems = _form_problems(request.POST.lists())
        names = (
            (key, [upload.name or "" for upload in files]) for key, files in request.FILES.lists()
        )
        return problems + _form_problems(names)


def _form_problems(items: Iterable[tuple[str, list[str]]]) -> Problems:
    problems: Problems = []
    for key, values in items:
        for value in [key, *values]:
            problem = text_problem(value)
            if problem:
                problems.append((None if text_problem(key) else key, problem))
                break
    return problems


def is_public_read(request: HttpRequest) -> bool:
    """A GET or HEAD under one of `settings.PUBLIC_READ_PATHS` (the public register's API)."""
    return request.method in ("GET", "HEAD") and request.path_info.startswith(
        settings.PUBLIC_READ_PATHS
    )


def passed_by_on_public_reads(middleware: type, on_skip: Callable | None = None) -> type:
    """`middleware`, except on a public read, which needs none of what it does: session,
    CSRF, login, messages (together about 0.1 ms of the status lookup's 1.2 in-process).
    `on_skip(request)` stands in for what a view might still read."""

    class PassedBy(middleware):  # type: ignore[misc, valid-type]
        def __call__(self, request: HttpRequest) -> HttpResponse:
            if not is_public_read(request):
                return super().__call__(request)
            if on_skip is not None:
                on_skip(request)
            return self.get_response(request)

        if hasattr(middleware, "process_view"):

            def process_view(self, request: HttpRequest, *args: object) -> HttpResponse | None:
                return None if is_public_read(request) else super().process_view(request, *args)

    PassedBy.__name__ = PassedBy.__qualname__ = middleware.__name__
    return PassedBy


def _anonymous(request: HttpRequest) -> None:
    request.user = AnonymousUser()  # type: ignore[assignment]


# The platform's MIDDLEWARE names these in place of the originals.
Sessions = passed_by_on_public_reads(SessionMiddleware)
Csrf = passed_by_on_public_reads(CsrfViewMiddleware)
Authentication = passed_by_on_public_reads(AuthenticationMiddleware, _anonymous)
Messages = passed_by_on_public_reads(MessageMiddleware)
