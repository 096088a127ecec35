"""The one workflow mechanism: a declared map per workflow model and one `transition` helper.

A workflow names its event types (an enum), and for each event the states it may start
from, the states it may lead to (none: the state does not change, e.g. an extension), the
`rules` permission the actor needs and the named conditions that depend on data ("visit
recorded", "extend once"). `transition` applies one event: it locks the row, checks the
optional `version` (stale → 409 `stale`), the move and its conditions (→ 409
`invalid_transition` or the condition's code), sets the state and the given fields, appends
the history event and the audit event in the same transaction, and schedules side effects on
commit. Pages and the API offer exactly `allowed_events(...)`: there is no second copy.

A new workflow is its map (in the app's `constants.py`), a history model (subclass of
`aeo.core.models.HistoryEvent` with a foreign key to the object) and its services.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils.functional import Promise
from django.utils.translation import gettext

from aeo.core import audit
from aeo.core.errors import InvalidTransition, StaleVersion


@dataclass(frozen=True)
class Condition:
    """A guard on data: the move is offered and allowed only while `holds(obj)` is true."""

    code: str
    message: str | Promise
    holds: Callable[[Any], bool]


@dataclass(frozen=True)
class Move:
    sources: frozenset[str]
    targets: frozenset[str] = frozenset()  # empty: the state does not change
    perm: str | None = None
    conditions: tuple[Condition, ...] = ()
    # Said when the object is in a state the move does not start from.
    illegal: str | Promise | None = None


@dataclass(frozen=True)
class Workflow:
    """The declared state map of one workflow model."""

    name: str  # the audit action prefix, e.g. "application"
    states: type[models.TextChoices]
    events: type[models.TextChoices]
    moves: Mapping[str, Move]
    state_field: str = "status"
    history: str = "events"  # the related name of the history rows on the object
    # Events that open the history (creation, issuance): no source state.
    openings: frozenset[str] = field(default_factory=frozenset)

    def table(self) -> set[tuple[str, str, str]]:
        """Every (event, from, to) the map allows; an event that keeps the state is (e, s, s)."""
        return {
            (str(event), str(source), str(target))
            for event, move in self.moves.items()
            for source in move.sources
            for target in (move.targets or {source})
        }

    def state_of(self, obj: Any) -> str:
        return getattr(obj, self.state_field)

    def refusal(self, obj: Any, event: str, actor: Any = None) -> Exception | None:
        """Why `event` cannot happen to `obj` now (by `actor`, if given), or None."""
        move = self.moves[event]
        state = self.state_of(obj)
        if actor is not None and move.perm and not actor.has_perm(move.perm, obj):
            return PermissionDenied()
        if state not in move.sources:
            return InvalidTransition(
                move.illegal
                or _illegal_message(obj, self.states(state).label, self.events(event).label)
            )
        for condition in move.conditions:
            if not condition.holds(obj):
                return InvalidTransition(condition.message, code=condition.code)
        return None

    def allowed_events(self, obj: Any, actor: Any) -> list[str]:
        """The events `actor` may apply to `obj` now, in the map's order."""
        return [event for event in self.moves if self.refusal(obj, event, actor) is None]

    def lock(self, obj: models.Model, version: int | None = None) -> Any:
        """The row, locked for this transaction, checked against the caller's `version`."""
        locked = type(obj)._default_manager.select_for_update().get(pk=obj.pk)
        if version is not None and version != getattr(locked, "version", version):
            raise StaleVersion(_stale_message(), field="version")
        return locked


def _illegal_message(obj: Any, state: Any, event: Any) -> str:
    return gettext("“%(event)s” is not possible while the %(object)s is %(state)s.") % {
        "event": event,
        "object": obj._meta.verbose_name,
        "state": str(state).lower(),
    }


def _stale_message() -> str:
    return gettext("This was changed by someone else meanwhile. Reload it and try again.")


@transaction.atomic
def transition[M: models.Model](
    *,
    actor: Any,
    obj: M,
    workflow: Workflow,
    event: str,
    to: str | None = None,
    version: int | None = None,
    fields: dict[str, Any] | None = None,
    comment: str = "",
    data: dict[str, Any] | None = None,
    on_commit: Callable[[M], None] | None = None,
) -> M:
    """Apply `event` to `obj` (see the module's docstring); returns the locked, saved row.

    `to` chooses among several targets (e.g. resuming where a pause began). `actor` None is
    the system (a daily task): permissions are not checked, conditions are.
    """
    locked = workflow.lock(obj, version)
    refusal = workflow.refusal(locked, event, actor)
    if refusal is not None:
        raise refusal
    move = workflow.moves[event]
    before = workflow.state_of(locked)
    after = _target(move, before, to)
    previous = {name: getattr(locked, name) for name in fields or {}}
    for name, value in (fields or {}).items():
        setattr(locked, name, value)
    setattr(locked, workflow.state_field, after)
    if hasattr(locked, "version"):
        locked.version += 1  # type: ignore[attr-defined]
    locked.save()
    changes = audit.diff(previous, fields or {})
    if after != before:
        changes[workflow.state_field] = [before, after]
    _append(workflow, locked, actor=actor, event=event, before=before, data=data, comment=comment)
    audit.record(
        actor=actor,
        action=f"{workflow.name}.{event}",
        obj=locked,
        changes=changes,
        reason=comment,
    )
    if on_commit is not None:
        transaction.on_commit(lambda: on_commit(locked))
    return locked


def open_history(
    *,
    actor: Any,
    obj: models.Model,
    workflow: Workflow,
    event: str,
    comment: str = "",
    data: dict[str, Any] | None = None,
) -> None:
    """The first event of a new object (created, issued): history and audit."""
    if event not in workflow.openings:
        raise ValueError(f"{event!r} does not open a {workflow.name}'s history.")
    _append(workflow, obj, actor=actor, event=event, before="", data=data, comment=comment)
    audit.record(
        actor=actor,
        action=f"{workflow.name}.{event}",
        obj=obj,
        changes={workflow.state_field: [None, workflow.state_of(obj)]},
        reason=comment,
    )


def _target(move: Move, before: str, to: str | None) -> str:
    if not move.targets:
        return before
    if to is None and len(move.targets) == 1:
        return next(iter(move.targets))
    if to not in move.targets:
        raise ValueError(f"Target {to!r} is not one of {sorted(move.targets)}.")
    return to


def _append(
    workflow: Workflow,
    obj: models.Model,
    *,
    actor: Any,
    event: str,
    before: str,
    data: dict[str, Any] | None,
    comment: str,
) -> None:
    getattr(obj, workflow.history).create(
        actor=actor if getattr(actor, "pk", None) else None,
        event=event,
        from_state=before,
        to_state=workflow.state_of(obj),
        comment=comment,
        data=data or {},
    )
