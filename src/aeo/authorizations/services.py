"""Writes on authorizations: issuance, every status transition, expiry."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from aeo.accounts.constants import Role
from aeo.accounts.models import User
from aeo.authorizations.constants import (
    CURRENT_STATUSES,
    EVENT_INTO,
    ROLE_TO_TYPE,
    WORKFLOW,
    AuthorizationEventType,
    AuthorizationStatus,
)
from aeo.authorizations.models import Authorization
from aeo.authorizations.numbering import next_aeo_number
from aeo.authorizations.validity import valid_to as validity_end
from aeo.core.errors import Conflict, DomainError, InvalidTransition
from aeo.core.now import today
from aeo.core.workflow import open_history, transition
from aeo.notifications.services import Message, notify
from aeo.registry.models import Operator
from aeo.supervision.selectors.contacts import current_account_manager


def _types_for(operator: Operator, roles: list[str]) -> list[str]:
    """The AEO types for `roles` (each once, in the order given), which the operator must hold."""
    if not roles:
        raise DomainError(_("Choose at least one role."), field="roles", code="required")
    unknown = sorted(set(roles) - set(ROLE_TO_TYPE))
    if unknown:
        raise DomainError(
            _("Unknown role: %s.") % ", ".join(unknown), field="roles", code="unknown_choice"
        )
    missing = sorted(set(roles) - set(operator.roles.values_list("role", flat=True)))
    if missing:
        raise DomainError(
            _("The operator does not have the role: %s.") % ", ".join(missing),
            field="roles",
            code="role_not_held",
        )
    return list(dict.fromkeys(ROLE_TO_TYPE[role].value for role in roles))


@transaction.atomic
def issue_authorizations(
    *,
    actor,
    operator: Operator,
    roles: list[str],
    application_id: int | None = None,
    valid_from: date | None = None,
) -> list[Authorization]:
    """Authorize `operator` for the AEO types of `roles`: one authorization per type.

    Refused if the operator already holds a current (active or suspended) authorization of a
    type being issued: a suspended one is still held, and a new number would bypass the
    suspension. `actor` None is a trusted system call and skips the permission check.
    """
    if actor is not None and not actor.has_perm("authorizations.issue_authorization", operator):
        raise PermissionDenied(_("You may not issue authorizations."))
    operator = Operator.objects.select_for_update().select_related("economy").get(pk=operator.pk)
    types = _types_for(operator, roles)
    held = sorted(
        Authorization.objects.filter(
            operator=operator, aeo_type__in=types, status__in=CURRENT_STATUSES
        ).values_list("aeo_number", flat=True)
    )
    if held:
        raise Conflict(
            _("The operator already holds the authorization %s.") % ", ".join(held),
            field="roles",
            code="already_authorized",
        )
    start = valid_from or today()
    end = validity_end(start, operator.economy.validity_years)
    reason = _("Issued on application %d.") % application_id if application_id else _("Issued.")
    issued = []
    for aeo_type in types:
        authorization = Authorization.objects.create(
            aeo_number=next_aeo_number(operator.economy, aeo_type),
            operator=operator,
            aeo_type=aeo_type,
            valid_from=start,
            valid_to=end,
            application_id=application_id,
        )
        open_history(
            actor=actor,
            obj=authorization,
            workflow=WORKFLOW,
            event=AuthorizationEventType.ISSUED,
            comment=reason,
        )
        issued.append(authorization)
    return issued


@transaction.atomic
def change_status(*, actor, authorization: Authorization, to: str, reason: str) -> Authorization:
    """Move `authorization` to status `to` by the event that leads there.

    `actor` None is the system (the expiry task).
    """
    if to not in EVENT_INTO:
        raise DomainError(_("Unknown status."), field="to", code="unknown_choice")
    if not reason.strip():
        raise DomainError(_("Give the reason for the change."), field="reason", code="required")
    authorization = transition(
        actor=actor,
        obj=authorization,
        workflow=WORKFLOW,
        event=EVENT_INTO[AuthorizationStatus(to)],
        comment=reason.strip(),
    )
    _tell_holder(authorization, reason.strip())
    return authorization


def _tell_holder(authorization: Authorization, reason: str) -> None:
    """The operator's traders and its account manager hear of every status change."""
    operator = authorization.operator
    users = [
        *User.objects.filter(role=Role.TRADER, operator=operator, is_active=True),
        current_account_manager(operator),
    ]
    notify(
        users=users,
        message=Message(
            gettext_noop("AEO authorization %(number)s is now %(status)s"),
            gettext_noop("%(reason)s"),
            {
                "number": authorization.aeo_number,
                "status": AuthorizationStatus(authorization.status).label,
                "reason": reason,
            },
        ),
        url=reverse("authorizations:authorization_detail", args=[authorization.pk]),
    )


def expire_lapsed(*, on: date | None = None) -> list[str]:
    """Expire every current authorization whose last valid day is before `on` (today).

    Each one in its own transaction, so one failure leaves the others expired.
    Returns the AEO numbers expired.
    """
    on = on or today()
    lapsed = Authorization.objects.filter(status__in=CURRENT_STATUSES, valid_to__lt=on)
    expired = []
    for authorization in lapsed.order_by("valid_to", "pk"):
        try:
            change_status(
                actor=None,
                authorization=authorization,
                to=AuthorizationStatus.EXPIRED,
                reason=_("Validity ended on %s.") % authorization.valid_to,
            )
        except InvalidTransition:  # closed by someone else since the query
            continue
        expired.append(authorization.aeo_number)
    return expired
