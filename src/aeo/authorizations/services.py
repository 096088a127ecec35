"""Writes on authorizations: issuance, suspension and its remedy, revocation, surrender, expiry.

Every change of status writes a `RegisterChange` (the domain event partners receive) in its own
transaction.
"""

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
    REVOKED_WHEN_PERIOD_ENDS,
    WORKFLOW,
    AuthorizationEventType,
    AuthorizationStatus,
    SuspensionGround,
)
from aeo.authorizations.models import Authorization, RegisterChange
from aeo.authorizations.numbering import next_aeo_number
from aeo.authorizations.validity import valid_to as validity_end
from aeo.core.errors import Conflict, DomainError, InvalidTransition
from aeo.core.now import today
from aeo.core.workflow import open_history, transition
from aeo.notifications.services import Message, notify
from aeo.registry import selectors as registry_selectors
from aeo.registry.constants import OperatorRole
from aeo.registry.models import Operator
from aeo.supervision.selectors.contacts import current_account_manager


def _types_for(operator: Operator, roles: list[str]) -> list[str]:
    """The AEO types of the operator's economy for `roles` (each once, in the order given);
    the operator must hold each role and a type of its economy must admit it."""
    if not roles:
        raise DomainError(_("Choose at least one role."), field="roles", code="required")
    unknown = sorted(set(roles) - set(OperatorRole.values))
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
    types = {role: registry_selectors.type_for_role(operator.economy_id, role) for role in roles}
    untyped = [role for role, code in types.items() if code is None]
    if untyped:
        raise DomainError(
            _("No AEO type of %(economy)s admits the role: %(roles)s.")
            % {
                "economy": operator.economy.name,
                "roles": ", ".join(str(OperatorRole(r).label) for r in untyped),
            },
            field="roles",
            code="no_aeo_type_for_role",
        )
    return list(dict.fromkeys(code for code in types.values() if code))


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
        _record_change(authorization, AuthorizationEventType.ISSUED)
        issued.append(authorization)
    return issued


def _entry(authorization: Authorization) -> dict:
    """The register entry as partners receive it (the MRA exchange's data set)."""
    operator = authorization.operator
    return {
        "aeo_number": authorization.aeo_number,
        "economy": operator.economy_id,
        "tin": operator.tin,
        "legal_name": operator.legal_name,
        "address": operator.address,
        "aeo_type": authorization.aeo_type,
        "status": authorization.status,
        "valid_from": authorization.valid_from.isoformat(),
        "valid_to": authorization.valid_to.isoformat() if authorization.valid_to else None,
    }


def _record_change(authorization: Authorization, event: str) -> None:
    RegisterChange.objects.create(
        authorization=authorization, event=event, entry=_entry(authorization)
    )


def record_details_changed(*, operator: Operator) -> None:
    """A confirmed change of the operator's public facts: a domain event per authorization held."""
    for authorization in Authorization.objects.filter(
        operator=operator, status__in=CURRENT_STATUSES
    ).select_related("operator"):
        _record_change(authorization, "details_changed")


def _reason(reason: str) -> str:
    if not reason.strip():
        raise DomainError(_("Give the reason for the change."), field="reason", code="required")
    return reason.strip()


def _move(
    *, actor, authorization: Authorization, event: str, reason: str, fields=None, data=None
) -> Authorization:
    """Apply `event` by the one workflow, write its domain event and tell the holder."""
    authorization = transition(
        actor=actor,
        obj=authorization,
        workflow=WORKFLOW,
        event=event,
        fields=fields,
        comment=reason,
        data=data,
    )
    _record_change(authorization, event)
    _tell_holder(authorization, reason)
    return authorization


@transaction.atomic
def suspend(
    *,
    actor,
    authorization: Authorization,
    ground: str,
    reason: str,
    remedy_by: date | None = None,
) -> Authorization:
    """Suspend one AEO type on `ground`; the others the operator holds stay as they are.

    Under "conditions not met" and "holder's request" a period to remedy is required: if it ends
    before the suspension is lifted, the daily task revokes the authorization.
    """
    if ground not in SuspensionGround.values:
        raise DomainError(_("Choose the ground for suspension."), field="ground", code="required")
    if remedy_by is None and ground in REVOKED_WHEN_PERIOD_ENDS:
        raise DomainError(
            _("Set the end of the period to remedy."), field="remedy_by", code="required"
        )
    if remedy_by is not None and remedy_by <= today():
        raise DomainError(
            _("The period to remedy must end after today."), field="remedy_by", code="past_date"
        )
    return _move(
        actor=actor,
        authorization=authorization,
        event=AuthorizationEventType.SUSPENDED,
        reason=_reason(reason),
        fields={"suspension_ground": ground, "remedy_by": remedy_by, "measures_plan": ""},
        data={"ground": ground, "remedy_by": remedy_by.isoformat() if remedy_by else None},
    )


@transaction.atomic
def plan_measures(*, actor, authorization: Authorization, plan: str) -> Authorization:
    """The holder's plan of the measures it takes to remedy a suspension."""
    if not plan.strip():
        raise DomainError(_("Describe the measures you take."), field="plan", code="required")
    return transition(
        actor=actor,
        obj=authorization,
        workflow=WORKFLOW,
        event=AuthorizationEventType.MEASURES_PLANNED,
        fields={"measures_plan": plan.strip()},
        comment=plan.strip(),
    )


@transaction.atomic
def lift_suspension(*, actor, authorization: Authorization, reason: str) -> Authorization:
    """Lift a suspension once customs has verified the measures (or established the facts)."""
    return _move(
        actor=actor,
        authorization=authorization,
        event=AuthorizationEventType.REINSTATED,
        reason=_reason(reason),
        fields={"suspension_ground": "", "remedy_by": None},
    )


@transaction.atomic
def revoke(
    *, actor, authorization: Authorization, reason: str, all_types: bool = False
) -> list[Authorization]:
    """Revoke this AEO type, or with `all_types` every current one of the operator.

    A revocation bars a new application by the operator for three years.
    """
    reason = _reason(reason)
    targets = [authorization]
    if all_types:
        targets += list(
            Authorization.objects.filter(
                operator_id=authorization.operator_id, status__in=CURRENT_STATUSES
            ).exclude(pk=authorization.pk)
        )
    return [
        _move(
            actor=actor,
            authorization=target,
            event=AuthorizationEventType.REVOKED,
            reason=reason,
            fields={"suspension_ground": "", "remedy_by": None},
        )
        for target in targets
    ]


@transaction.atomic
def surrender(*, actor, authorization: Authorization, reason: str) -> Authorization:
    """The holder gives up one AEO type (or an official records that it did)."""
    return _move(
        actor=actor,
        authorization=authorization,
        event=AuthorizationEventType.SURRENDERED,
        reason=_reason(reason),
        fields={"suspension_ground": "", "remedy_by": None},
    )


@transaction.atomic
def expire(*, actor, authorization: Authorization, reason: str) -> Authorization:
    """Close an authorization whose validity has run out; only the system (no actor) may."""
    return _move(
        actor=actor,
        authorization=authorization,
        event=AuthorizationEventType.EXPIRED,
        reason=_reason(reason),
        fields={"suspension_ground": "", "remedy_by": None},
    )


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
    return _each(
        lapsed.order_by("valid_to", "pk"),
        lambda a: expire(
            actor=None, authorization=a, reason=_("Validity ended on %s.") % a.valid_to
        ),
    )


def revoke_unremedied(*, on: date | None = None) -> list[str]:
    """Revoke every suspension whose period to remedy ended before `on` (today) unlifted."""
    on = on or today()
    ended = Authorization.objects.filter(
        status=AuthorizationStatus.SUSPENDED,
        remedy_by__lt=on,
        suspension_ground__in=sorted(REVOKED_WHEN_PERIOD_ENDS),
    )
    return _each(
        ended.order_by("remedy_by", "pk"),
        lambda a: revoke(
            actor=None,
            authorization=a,
            reason=_("The period to remedy ended on %s without the suspension being lifted.")
            % a.remedy_by,
        ),
    )


def _each(authorizations, change) -> list[str]:
    """Apply `change` to each in its own transaction; one closed meanwhile is skipped."""
    done = []
    for authorization in authorizations:
        try:
            with transaction.atomic():
                change(authorization)
        except InvalidTransition:  # closed by someone else since the query
            continue
        done.append(authorization.aeo_number)
    return done
