"""Domain errors raised by services; views and the API turn them into messages and 4xx."""


class DomainError(Exception):
    """A request the rules refuse (answers 400 / 422 in the API, a message on a page)."""

    status_code = 400

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class InvalidTransition(DomainError):
    status_code = 409


class Conflict(DomainError):
    """Someone else changed the object first (optimistic locking)."""

    status_code = 409
