from datetime import datetime

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from aeo.accounts.constants import Role
from aeo.accounts.models import User
from aeo.core import audit
from aeo.core.errors import DomainError
from aeo.core.now import now
from aeo.notifications.services import Message, notify
from aeo.registry.models import Operator
from aeo.supervision.constants import ContactKind
from aeo.supervision.models import AccountManagerAssignment, ContactLog
from aeo.supervision.selectors.contacts import current_account_manager, least_loaded_manager


@transaction.atomic
def assign_account_manager(
    *, actor: User | None, operator: Operator, manager: User, reason: str = ""
) -> User:
    if manager.role != Role.ACCOUNT_MANAGER:
        raise DomainError(
            _("Only an account manager can be assigned."),
            field="manager",
            code="not_account_manager",
        )
    current = current_account_manager(operator)
    if current == manager:
        return manager
    AccountManagerAssignment.objects.filter(operator=operator, ended_at__isnull=True).update(
        ended_at=now()
    )
    AccountManagerAssignment.objects.create(operator=operator, manager=manager)
    audit.record(
        actor=actor,
        action="operator.account_manager_assigned",
        obj=operator,
        changes={"account_manager": [str(current or ""), str(manager)]},
        reason=reason,
    )
    return manager


@transaction.atomic
def ensure_account_manager(*, actor: User | None, operator: Operator) -> User | None:
    """The operator's account manager, assigning the least-loaded one of its unit if none."""
    # Locked so that two simultaneous requests cannot both assign one.
    operator = Operator.objects.select_for_update().get(pk=operator.pk)
    current = current_account_manager(operator)
    if current is not None:
        return current
    manager = least_loaded_manager(operator.office)
    if manager is None:
        return None
    return assign_account_manager(actor=actor, operator=operator, manager=manager)


@transaction.atomic
def log_contact(
    *,
    actor: User,
    operator: Operator,
    kind: str,
    occurred_at: datetime,
    summary: str,
    notes: str = "",
) -> ContactLog:
    if not actor.has_perm("supervision.log_contact", operator):
        raise PermissionDenied(_("Only the officials who supervise the operator log contacts."))
    if kind not in ContactKind.values:
        raise DomainError(_("Unknown contact kind."), field="kind", code="unknown_choice")
    if not summary.strip():
        raise DomainError(_("Enter a summary."), field="summary", code="required")
    if timezone.is_naive(occurred_at):
        occurred_at = timezone.make_aware(occurred_at)
    if occurred_at > now():
        raise DomainError(
            _("A contact is logged once it has happened."), field="occurred_at", code="future_date"
        )
    entry = ContactLog.objects.create(
        operator=operator,
        kind=kind,
        occurred_at=occurred_at,
        summary=summary.strip(),
        notes=notes,
        recorded_by=actor,
    )
    audit.record(actor=actor, action="contact.logged", obj=entry, changes={"kind": kind})
    return entry


@transaction.atomic
def reassign_account_manager(
    *, actor: User, operator: Operator, manager: User, reason: str
) -> User:
    """A coordinator hands the operator to another account manager (audited with the reason)."""
    if not actor.has_perm("supervision.reassign_account_manager"):
        raise PermissionDenied(_("Only coordinators reassign account managers."))
    if not reason.strip():
        raise DomainError(_("Give the reason."), field="reason", code="required")
    previous = current_account_manager(operator)
    if previous == manager:
        raise DomainError(
            _("This account manager already looks after the operator."),
            field="manager",
            code="unchanged",
        )
    assign_account_manager(actor=actor, operator=operator, manager=manager, reason=reason.strip())
    notify(
        users=[manager, previous],
        message=Message(
            gettext_noop("Account manager of %(operator)s: %(manager)s"),
            gettext_noop("%(reason)s"),
            {
                "operator": operator.legal_name,
                "manager": manager.get_full_name() or manager.username,
                "reason": reason.strip(),
            },
        ),
        url=reverse("registry:operator_detail", args=[operator.pk]),
    )
    return manager
