"""Every status change goes through its service, checked against the one transition map."""

import pytest
from django.core.exceptions import PermissionDenied

from aeo.accounts.constants import Role
from aeo.authorizations.constants import WORKFLOW, AuthorizationStatus
from aeo.authorizations.models import Authorization, AuthorizationEvent
from aeo.authorizations.tests.conftest import change_to, official
from aeo.core.errors import DomainError, InvalidTransition
from aeo.core.models import AuditEvent
from aeo.notifications.models import Notification
from aeo.registry.tests.factories import TraderFactory

pytestmark = pytest.mark.django_db

STATUSES = AuthorizationStatus.values
PAIRS = {(source, target) for _, source, target in WORKFLOW.table() if source != target}
EVENT_INTO = {target: event for event, source, target in WORKFLOW.table() if source != target}
ILLEGAL = [(a, b) for a in STATUSES for b in STATUSES if (a, b) not in PAIRS]
LEGAL = sorted(PAIRS)


def _in_status(authorization: Authorization, status: str) -> Authorization:
    Authorization.objects.filter(pk=authorization.pk).update(status=status)
    authorization.refresh_from_db()
    return authorization


def test_the_map_lists_the_terminal_states():
    terminal = set(STATUSES) - {source for source, _ in PAIRS}
    assert terminal == {"revoked", "expired", "surrendered"}
    assert len(ILLEGAL) == 25 - 8


@pytest.mark.parametrize(("from_status", "to"), ILLEGAL)
def test_every_illegal_transition_is_refused_and_leaves_no_trace(authorization, from_status, to):
    authorization = _in_status(authorization, from_status)
    events = AuthorizationEvent.objects.count()
    with pytest.raises(InvalidTransition):
        change_to(actor=None, authorization=authorization, to=to, reason="Try.")
    authorization.refresh_from_db()
    assert authorization.status == from_status
    assert AuthorizationEvent.objects.count() == events


@pytest.mark.parametrize(("from_status", "to"), LEGAL)
def test_every_legal_transition_appends_history_and_audit(authorization, from_status, to):
    authorization = _in_status(authorization, from_status)
    changed = change_to(actor=None, authorization=authorization, to=to, reason="Because.")
    assert changed.status == to
    last = changed.events.last()
    assert (last.from_state, last.to_state, last.comment, last.actor) == (
        from_status,
        to,
        "Because.",
        None,
    )
    assert AuditEvent.objects.filter(
        action=f"authorization.{EVENT_INTO[to]}", object_id=str(changed.pk)
    ).exists()


def test_history_keeps_every_step_in_order(authorization, examiner):
    for to in ("suspended", "active", "revoked"):
        change_to(actor=examiner, authorization=authorization, to=to, reason=to)
    steps = [(e.from_state, e.to_state) for e in authorization.events.all()]
    assert steps == [
        ("", "active"),
        ("active", "suspended"),
        ("suspended", "active"),
        ("active", "revoked"),
    ]
    assert {e.actor for e in authorization.events.all()[1:]} == {examiner}


def test_history_is_append_only(authorization):
    event = authorization.events.get()
    event.comment = "Rewritten."
    with pytest.raises(ValueError, match="append-only"):
        event.save()
    with pytest.raises(ValueError, match="append-only"):
        event.delete()


@pytest.mark.parametrize("to", ["suspended", "revoked", "surrendered"])
def test_refuses_a_blank_reason(authorization, to):
    with pytest.raises(DomainError):
        change_to(actor=None, authorization=authorization, to=to, reason="  ")


DECIDERS = [Role.EXAMINER, Role.COORDINATOR, Role.POLICY_OFFICER]
OTHER_OFFICIALS = [
    Role.ACCOUNT_MANAGER,
    Role.AUDITOR,
    Role.BORDER_OFFICER,
    Role.OGA_OFFICER,
    Role.PARTNER_CUSTOMS,
]


@pytest.mark.parametrize("role", DECIDERS)
@pytest.mark.parametrize("to", ["suspended", "revoked", "surrendered"])
def test_deciders_may_suspend_revoke_and_surrender(authorization, role, to):
    actor = official(role, office="AEOC" if role != Role.EXAMINER else "TOKYO")
    changed = change_to(actor=actor, authorization=authorization, to=to, reason="R.")
    assert changed.status == to


@pytest.mark.parametrize("role", OTHER_OFFICIALS)
@pytest.mark.parametrize("to", ["suspended", "revoked", "surrendered"])
def test_other_officials_may_not_change_status(authorization, role, to):
    with pytest.raises(PermissionDenied):
        change_to(actor=official(role), authorization=authorization, to=to, reason="R.")


def test_the_holder_may_surrender_but_not_suspend_revoke_or_reinstate(authorization, trader):
    for to in ("suspended", "revoked"):
        with pytest.raises(PermissionDenied):
            change_to(actor=trader, authorization=authorization, to=to, reason="R.")
    suspended = change_to(actor=None, authorization=authorization, to="suspended", reason="Audit.")
    with pytest.raises(PermissionDenied):
        change_to(actor=trader, authorization=suspended, to="active", reason="R.")
    surrendered = change_to(
        actor=trader, authorization=suspended, to="surrendered", reason="Closing the business."
    )
    assert surrendered.status == "surrendered"


def test_another_operators_trader_may_not_surrender(authorization):
    with pytest.raises(PermissionDenied):
        change_to(actor=TraderFactory(), authorization=authorization, to="surrendered", reason="R.")


@pytest.mark.parametrize("role", [*DECIDERS, Role.TRADER])
def test_only_the_system_expires(authorization, trader, role):
    actor = trader if role == Role.TRADER else official(role)
    with pytest.raises(PermissionDenied):
        change_to(actor=actor, authorization=authorization, to="expired", reason="R.")


def test_the_holders_traders_are_told_of_a_suspension(authorization, examiner):
    trader = TraderFactory(operator=authorization.operator)
    change_to(actor=examiner, authorization=authorization, to="suspended", reason="Audit findings.")
    message = Notification.objects.get(user=trader)
    assert authorization.aeo_number in message.subject and "suspended" in message.subject.lower()
    assert message.body == "Audit findings."


@pytest.mark.parametrize("to", ["suspended", "revoked"])
def test_another_unit_may_not_change_an_authorization_it_does_not_hold(authorization, to):
    """Osaka's examiner may not suspend or revoke what Tokyo's unit supervises; the AEO
    Center may, and headquarters' policy officer may not."""
    for outsider in (official(Role.EXAMINER, "OSAKA"), official(Role.POLICY_OFFICER, "CTB")):
        with pytest.raises(PermissionDenied):
            change_to(actor=outsider, authorization=authorization, to=to, reason="R.")
    changed = change_to(
        actor=official(Role.COORDINATOR, "AEOC"), authorization=authorization, to=to, reason="R."
    )
    assert changed.status == to
