"""What a page offers on a workflow object: one form per action, derived from the map.

An `Action` names the service a form calls and the workflow events it applies; a page shows it
when the workflow allows one of those events to the user now (`available`), so the page holds
no copy of the rules.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from aeo.core.forms import UswdsForm
from aeo.core.workflow import Workflow


@dataclass(frozen=True)
class Action:
    label: Any
    form: type[UswdsForm]
    service: Callable[..., Any]
    events: tuple[str, ...]
    secondary: bool = False  # drawn as a secondary button (return, withdraw, close…)


def available(
    workflow: Workflow, obj: Any, user: Any, actions: Mapping[str, Action]
) -> dict[str, Action]:
    allowed = set(workflow.allowed_events(obj, user))
    return {name: a for name, a in actions.items() if allowed.intersection(a.events)}


def forms_for(
    actions: Mapping[str, Action], obj: Any, bound: tuple[str, UswdsForm] | None = None
) -> list[tuple[str, Action, UswdsForm]]:
    """Each available action with its form; `bound` is a submitted one shown with its errors."""
    initial = {"version": getattr(obj, "version", None)}
    return [
        (
            name,
            action,
            bound[1] if bound and bound[0] == name else action.form(prefix=name, initial=initial),
        )
        for name, action in actions.items()
    ]
