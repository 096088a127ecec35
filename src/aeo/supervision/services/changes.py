"""Change notifications: the operator reports any change that may affect its authorization.

Registry facts that appear on the public register or decide SME status (legal name, address,
employees) change only when an official confirms the notification; until then officials see
them as pending, with the old and the new value.
"""

from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from aeo.accounts.constants import Role
from aeo.accounts.models import User
from aeo.authorizations import services as authorization_services
from aeo.core.errors import Conflict, DomainError
from aeo.core.workflow import open_history, transition
from aeo.notifications.services import Message, notify
from aeo.registry import services as registry_services
from aeo.registry.models import Operator
from aeo.supervision.constants import (
    CHANGE_WORKFLOW,
    CONFIRMED_FACTS,
    ChangeCategory,
    ChangeEventType,
    ChangeStatus,
)
from aeo.supervision.models import ChangeNotification
from aeo.supervision.services.contacts import ensure_account_manager
from aeo.supervision.services.monitoring import refresh_plan

# Facts the public register shows: a confirmed change is sent to partners.
REGISTER_FACTS = frozenset({"legal_name", "address"})


def _url(notification: ChangeNotification) -> str:
    return reverse("supervision:change", args=[notification.pk])


def _proposed_value(category: str, new_value: Any) -> dict[str, Any]:
    """The registry fact `category` proposes to change, validated, or {} for other categories."""
    field = CONFIRMED_FACTS.get(ChangeCategory(category))
    if field is None:
        return {}
    if new_value in (None, ""):
        raise DomainError(_("Enter the new value."), field="new_value", code="required")
    if field == "employee_count":
        try:
            count = int(new_value)
        except (TypeError, ValueError):
            count = -1
        if not 0 <= count <= 10_000_000:
            raise DomainError(
                _("Enter the number of employees (0 or more)."), field="new_value", code="invalid"
            )
        return {field: count}
    text = str(new_value).strip()
    limit = 200 if field == "legal_name" else 1000
    if not text or len(text) > limit:
        raise DomainError(
            _("Enter the new value (at most %d characters).") % limit,
            field="new_value",
            code="invalid",
        )
    return {field: text}


@transaction.atomic
def notify_change(
    *,
    actor: User,
    category: str,
    description: str,
    effective_on: date,
    new_value: Any = None,
    operator: Operator | None = None,
) -> ChangeNotification:
    """The trader reports a change of its own operator; its account manager is told."""
    operator = operator or actor.operator
    if operator is None or not actor.has_perm("supervision.report", operator):
        raise PermissionDenied(_("You may report only for your own company."))
    if category not in ChangeCategory.values:
        raise DomainError(_("Choose what changed."), field="category", code="required")
    if not description.strip():
        raise DomainError(_("Describe the change."), field="description", code="required")
    proposed = _proposed_value(category, new_value)
    pending = ChangeNotification.objects.filter(
        operator=operator, status=ChangeStatus.SUBMITTED, category=category
    )
    if proposed and pending.exists():
        raise Conflict(
            _("A change of this kind is already awaiting confirmation."),
            field="category",
            code="change_pending",
        )
    notification = ChangeNotification.objects.create(
        operator=operator,
        category=category,
        description=description.strip(),
        effective_on=effective_on,
        proposed=proposed,
        previous={field: getattr(operator, field) for field in proposed},
        submitted_by=actor,
    )
    open_history(
        actor=actor,
        obj=notification,
        workflow=CHANGE_WORKFLOW,
        event=ChangeEventType.SUBMITTED,
        data={"proposed": proposed},
    )
    notify(
        users=[ensure_account_manager(actor=actor, operator=operator)],
        message=Message(
            gettext_noop("Change notified by %(operator)s: %(category)s"),
            gettext_noop("%(description)s"),
            {
                "operator": operator.legal_name,
                "category": ChangeCategory(category).label,
                "description": notification.description,
            },
        ),
        url=_url(notification),
    )
    return notification


def _tell_trader(notification: ChangeNotification, subject: str, comment: str) -> None:
    notify(
        users=User.objects.filter(role=Role.TRADER, operator=notification.operator, is_active=True),
        message=Message(
            subject,
            gettext_noop("%(comment)s"),
            {"category": ChangeCategory(notification.category).label, "comment": comment},
        ),
        url=_url(notification),
    )


@transaction.atomic
def confirm_change(
    *,
    actor: User,
    notification: ChangeNotification,
    comment: str = "",
    adverse: bool = False,
    version: int | None = None,
) -> ChangeNotification:
    """Confirm the change: its proposed facts reach the registry (and partners, if public)."""
    notification = transition(
        actor=actor,
        obj=notification,
        workflow=CHANGE_WORKFLOW,
        event=ChangeEventType.CONFIRMED,
        version=version,
        fields={"adverse": adverse},
        comment=comment.strip(),
        data={"adverse": adverse},
    )
    if notification.proposed:
        operator = registry_services.update_operator(
            actor=actor,
            operator=notification.operator,
            changes=dict(notification.proposed),
            reason=_("Change notification %d confirmed.") % notification.pk,
        )
        if REGISTER_FACTS & set(notification.proposed):
            authorization_services.record_details_changed(operator=operator)
    if adverse:
        refresh_plan(actor=actor, operator=notification.operator)
    _tell_trader(
        notification, gettext_noop("Your change notification was confirmed: %(category)s"), comment
    )
    return notification


@transaction.atomic
def reject_change(
    *,
    actor: User,
    notification: ChangeNotification,
    comment: str,
    version: int | None = None,
) -> ChangeNotification:
    """Refuse the change as notified (the registry keeps its values); the reason is required."""
    if not comment.strip():
        raise DomainError(_("Give the reason."), field="comment", code="required")
    notification = transition(
        actor=actor,
        obj=notification,
        workflow=CHANGE_WORKFLOW,
        event=ChangeEventType.REJECTED,
        version=version,
        comment=comment.strip(),
    )
    _tell_trader(
        notification,
        gettext_noop("Your change notification was not confirmed: %(category)s"),
        comment.strip(),
    )
    return notification
