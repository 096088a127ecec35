"""Where the current action comes from, for the audit trail: a request or a command line.

The request middleware sets it per request (id, client address, and the request itself so
that code without a request parameter can name its user); `aeo <command>` sets it for a
command, with the operating-system user who ran it.
"""

import contextvars
import getpass
import socket
from typing import Any

_origin: contextvars.ContextVar[str] = contextvars.ContextVar("aeo_origin", default="")
_request: contextvars.ContextVar[Any] = contextvars.ContextVar("aeo_request", default=None)


def current() -> str:
    return _origin.get()


def set_for_request(request: Any, request_id: str) -> contextvars.Token:
    _request.set(request)
    address = request.META.get("REMOTE_ADDR", "")
    return _origin.set(f"request {request_id} from {address}")


def reset(token: contextvars.Token) -> None:
    _origin.reset(token)
    _request.set(None)


def current_user() -> Any:
    """The user of the request being served, or None (a command, a task)."""
    request = _request.get()
    user = getattr(request, "user", None)
    return user if user is not None and getattr(user, "is_authenticated", False) else None


def set_for_command(argv: list[str]) -> None:
    try:
        who = getpass.getuser()
    except (KeyError, OSError):  # no name for the uid (containers)
        who = "unknown"
    command = " ".join(argv[1:3])
    _origin.set(f"command line: {who}@{socket.gethostname()} ran aeo {command}")
