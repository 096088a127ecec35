"""Writes on authorizations: issuance, every status transition, expiry."""

from datetime import date

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from aeo.accounts.constants import Role
from aeo.accounts.models import User
from aeo.authorizations.constants import (
    ALLOWED_TRANSITIONS,
    CURRENT_STATUSES,
    ROLE_TO_TYPE,
    AuthorizationStatus,
)
from aeo.authorizations.models import Authorization, AuthorizationEvent
from aeo.authorizations.numbering import next_aeo_number
from aeo.authorizations.rules import may_enter
from aeo.authorizations.validity import valid_to as validity_end
from aeo.core import audit
from aeo.core.errors import DomainError, InvalidTransition
from aeo.notifications.services import notify
from aeo.registry.models import Operator
from aeo.supervision.selectors import current_account_manager


def _types_for(operator: Operator, roles: list[str]) -> list[str]:
    """The AEO types for `roles` (each once, in the order given), which the operator must hold."""
    if not roles:
        raise DomainError(_("Choose at least one role."), field="roles")
    unknown = sorted(set(roles) - set(ROLE_TO_TYPE))
    if unknown:
        raise DomainError(_("Unknown role: %s.") % ", ".join(unknown), field="roles")
    missing = sorted(set(roles) - set(operator.roles.values_list("role", flat=True)))
    if missing:
        raise DomainError(
            _("The operator does not have the role: %s.") % ", ".join(missing), field="roles"
        )
    return list(dict.fromkeys(ROLE_TO_TYPE[role].value for role in roles))


def _record(*, actor, authorization: Authorization, from_status: str, reason: str) -> None:
    AuthorizationEvent.objects.create(
        authorization=authorization,
        actor=actor if getattr(actor, "pk", None) else None,
        from_status=from_status,
        to_status=authorization.status,
        reason=reason,
    )
    audit.record(
        actor=actor,
        action="authorization.issued" if not from_status else "authorization.status_changed",
        obj=authorization,
        changes={"status": [from_status or None, authorization.status]},
        reason=reason,
    )


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
        raise DomainError(
            _("The operator already holds the authorization %s.") % ", ".join(held),
            field="roles",
        )
    start = valid_from or timezone.localdate()
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
        _record(actor=actor, authorization=authorization, from_status="", reason=reason)
        issued.append(authorization)
    return issued


@transaction.atomic
def change_status(*, actor, authorization: Authorization, to: str, reason: str) -> Authorization:
    """Move `authorization` to status `to`, if the transition map and `actor`'s role allow.

    `actor` None is the system (the expiry task).
    """
    if to not in ALLOWED_TRANSITIONS:
        raise DomainError(_("Unknown status %r.") % to, field="to")
    if actor is not None and not may_enter(actor, authorization, to):
        raise PermissionDenied(_("You may not change this authorization to this status."))
    if not reason.strip():
        raise DomainError(_("Give the reason for the change."), field="reason")
    authorization = Authorization.objects.select_for_update().get(pk=authorization.pk)
    before = authorization.status
    if to not in ALLOWED_TRANSITIONS[before]:
        raise InvalidTransition(
            _("An authorization that is %(from)s cannot become %(to)s.")
            % {
                "from": AuthorizationStatus(before).label,
                "to": AuthorizationStatus(to).label,
            },
            field="to",
        )
    authorization.status = to
    authorization.save(update_fields=["status"])
    _record(actor=actor, authorization=authorization, from_status=before, reason=reason.strip())
    _tell_holder(authorization, reason.strip())
    return authorization


def _tell_holder(authorization: Authorization, reason: str) -> None:
    """The operator's traders and its account manager hear of every status change."""
    operator = authorization.operator
    users = [
        *User.objects.filter(role=Role.TRADER, operator=operator, is_active=True),
        current_account_manager(operator),
    ]
    status = AuthorizationStatus(authorization.status).label
    notify(
        users=users,
        subject=f"AEO authorization {authorization.aeo_number} is now {status.lower()}",
        body=reason,
        url=reverse("authorizations:authorization_detail", args=[authorization.pk]),
    )


def expire_lapsed(*, today: date | None = None) -> list[str]:
    """Expire every current authorization whose last valid day is before `today`.

    Each one in its own transaction, so one failure leaves the others expired.
    Returns the AEO numbers expired.
    """
    today = today or timezone.localdate()
    lapsed = Authorization.objects.filter(status__in=CURRENT_STATUSES, valid_to__lt=today)
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
