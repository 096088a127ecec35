"""API schemas shared by every app: history events, allowed actions, the error shape."""

from datetime import datetime
from typing import Any

from ninja import Field, Schema

from aeo.core.workflow import Workflow


class HistoryEventOut(Schema):
    """One event of a workflow object's history."""

    at: datetime
    actor: str | None = Field(None, alias="actor.username", description="null: the system")
    event: str
    from_state: str | None = Field(None, description="null: the event that opened the history")
    to_state: str
    comment: str
    data: dict[str, Any]

    @staticmethod
    def resolve_from_state(obj: Any) -> str | None:
        return obj.from_state or None


def allowed_actions(workflow: Workflow, obj: Any, context: Any) -> list[str]:
    """The events the requesting user may apply to `obj` now (`allowed_actions` fields)."""
    return workflow.allowed_events(obj, context["request"].user)


class ErrorItem(Schema):
    field: str | None = Field(description="the input field concerned; null: the whole request")
    code: str
    message: str


class ErrorOut(Schema):
    detail: str
    code: str = Field(description="stable and machine-readable, e.g. invalid_transition")
    errors: list[ErrorItem]
