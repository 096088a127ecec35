"""API authentication: a hashed bearer token, or the browser session (with CSRF).

A request that carries an `Authorization` header is a script's: its token alone decides, and a
bad, expired or revoked token answers 401, never the session's "CSRF check failed" 403. The
CSRF check applies to requests that actually ride on a signed-in session.
"""

from typing import Any

from django.http import HttpRequest
from ninja.security import HttpBearer, SessionAuth

from aeo.accounts.services import authenticate_token


class TokenAuth(HttpBearer):
    def authenticate(self, request: HttpRequest, token: str):
        user = authenticate_token(token)
        if user is not None:
            request.user = user
        return user


class BrowserSessionAuth(SessionAuth):
    def __call__(self, request: HttpRequest) -> Any:
        if "authorization" in request.headers:
            return None  # a token client: its token decided already
        if not request.user.is_authenticated:
            return None  # no session to protect: 401 rather than a CSRF 403
        return super().__call__(request)


API_AUTH = [TokenAuth(), BrowserSessionAuth()]
