"""What a page offers on a workflow object: one form per action, derived from the map.

An `Action` names the service a form calls and the workflow events it applies; a page shows it
when the workflow allows one of those events to the user now (`available`), so the page holds
no copy of the rules.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

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


def act(
    request: HttpRequest,
    obj: Any,
    *,
    workflow: Workflow,
    actions: Mapping[str, Action],
    name: str,
    kwarg: str,
    url_name: str,
    redisplay: Callable[[tuple[str, UswdsForm]], HttpResponse],
) -> HttpResponse:
    """Run the action `name` on `obj` from its submitted form: the service gets the object as
    `kwarg`; success (or an action no longer offered) goes back to `url_name`, invalid input
    is shown again by `redisplay` with its errors."""
    action = actions.get(name)
    if action is None:
        raise Http404
    if name not in available(workflow, obj, request.user, actions):
        messages.error(request, _("This action is not available any more: reload the page."))
        return redirect(url_name, pk=obj.pk)
    form = action.form(request.POST, prefix=name)
    if form.is_valid() and form.call(action.service, actor=request.user, **{kwarg: obj}):
        messages.success(request, _("Done: %(action)s.") % {"action": action.label})
        return redirect(url_name, pk=obj.pk)
    response = redisplay((name, form))
    if getattr(form, "pending_confirmation", None):
        response.status_code = 200  # a question, not an error
    return response
