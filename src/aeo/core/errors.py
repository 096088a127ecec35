"""Errors services raise, each with a stable machine-readable code.

The API answers them as `{"detail", "code", "errors": [{"field", "code", "message"}]}`, pages
show them on their field. One HTTP status per kind: 422 input the rules refuse, 409 a conflict
(someone else changed the object, an illegal move, a condition not met).
"""


class DomainError(Exception):
    """Input the rules refuse: 422."""

    status_code = 422
    default_code = "invalid"

    def __init__(self, message: object, *, field: str | None = None, code: str = "") -> None:
        super().__init__(str(message))
        self.message = str(message)
        self.field = field
        self.code = code or self.default_code


class Conflict(DomainError):
    """The object's state forbids the request: 409."""

    status_code = 409
    default_code = "conflict"


class StaleVersion(Conflict):
    """Someone else changed the object first (optimistic locking)."""

    default_code = "stale"


class InvalidTransition(Conflict):
    """The workflow's map does not allow this move from the object's state."""

    default_code = "invalid_transition"
