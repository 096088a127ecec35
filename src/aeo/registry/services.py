from collections.abc import Iterable
from datetime import date
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from aeo.accounts.constants import Role
from aeo.core import audit
from aeo.core.errors import DomainError
from aeo.registry.constants import CONFIRMED_BY_CUSTOMS, OperatorRole
from aeo.registry.models import Economy, Operator, OperatorRoleAssignment, Region
from aeo.registry.tin import japan_check_digit, validate_tin

EDITABLE_FIELDS = ("legal_name", "address", "region", "employee_count", "email")
# Identity fields a trader may not change on its own operator.
IDENTITY_FIELDS = ("economy", "tin")


def _snapshot(operator: Operator) -> dict[str, Any]:
    data: dict[str, Any] = {f: getattr(operator, f) for f in (*IDENTITY_FIELDS, *EDITABLE_FIELDS)}
    data["roles"] = operator.role_codes if operator.pk else []
    return data


def corporate_number(body: str) -> str:
    """Japan's 13-digit Corporate Number for a 12-digit body: its check digit, then the body."""
    return japan_check_digit(body) + body


def _validate(operator: Operator, roles: list[str]) -> None:
    errors: dict[str, list[ValidationError]] = {}
    try:
        operator.tin = validate_tin(operator.economy_id, operator.tin)
    except ValidationError as exc:
        errors["tin"] = [ValidationError(m, code=exc.code or "invalid_tin") for m in exc.messages]
    if not (operator.legal_name or "").strip():
        errors["legal_name"] = [ValidationError(_("Enter the legal name."), code="required")]
    if operator.employee_count is None or operator.employee_count < 0:
        errors["employee_count"] = [
            ValidationError(_("Enter the number of employees (0 or more)."), code="required")
        ]
    if operator.region is not None and operator.region.economy_id != operator.economy_id:
        errors["region"] = [
            ValidationError(_("The region is not in the operator's economy."), code="invalid")
        ]
    unknown = sorted(set(roles) - set(OperatorRole.values))
    if unknown:
        errors["roles"] = [
            ValidationError(_("Unknown role: %s.") % ", ".join(unknown), code="unknown_choice")
        ]
    elif not roles:
        errors["roles"] = [ValidationError(_("Choose at least one role."), code="required")]
    if "tin" not in errors and (
        Operator.objects.filter(economy_id=operator.economy_id, tin=operator.tin)
        .exclude(pk=operator.pk)
        .exists()
    ):
        errors["tin"] = [_duplicate_tin()]
    if errors:
        raise ValidationError(errors)


def _duplicate_tin() -> ValidationError:
    return ValidationError(
        _("An operator with this TIN already exists in this economy."), code="duplicate"
    )


def _save(operator: Operator, roles: list[str]) -> None:
    try:
        with transaction.atomic():
            operator.save()
    except IntegrityError as exc:  # a concurrent insert of the same TIN
        raise ValidationError({"tin": [_duplicate_tin()]}) from exc
    operator.roles.exclude(role__in=roles).delete()
    existing = set(operator.roles.values_list("role", flat=True))
    OperatorRoleAssignment.objects.bulk_create(
        OperatorRoleAssignment(operator=operator, role=r) for r in roles if r not in existing
    )


@transaction.atomic
def create_operator(
    *,
    actor,
    economy: Economy,
    tin: str,
    legal_name: str,
    employee_count: int,
    roles: Iterable[str],
    address: str = "",
    region: Region | None = None,
    email: str = "",
    established_on: date | None = None,
    reason: str = "",
) -> Operator:
    if actor is not None and not actor.has_perm("registry.create_operator"):
        raise PermissionDenied("You may not register operators.")
    operator = Operator(
        economy=economy,
        tin=tin,
        legal_name=legal_name.strip(),
        address=address,
        region=region,
        employee_count=employee_count,
        email=email,
        established_on=established_on,
    )
    role_list = sorted(set(roles))
    _validate(operator, role_list)
    _save(operator, role_list)
    audit.record(
        actor=actor,
        action="operator.created",
        obj=operator,
        changes=audit.diff({}, _snapshot(operator)),
        reason=reason,
    )
    return operator


@transaction.atomic
def update_operator(
    *, actor, operator: Operator, changes: dict[str, Any], reason: str = ""
) -> Operator:
    """Apply `changes` (any of the editable fields, `roles`, and for officials the identity)."""
    if not actor.has_perm("registry.edit_operator", operator):
        raise PermissionDenied(_("You may not edit this operator."))
    allowed = set(EDITABLE_FIELDS) | {"roles"}
    if actor.role != Role.TRADER:
        allowed |= set(IDENTITY_FIELDS)
    refused = sorted(set(changes) - allowed)
    if refused:
        raise DomainError(
            _("You may not change: %s.") % ", ".join(refused),
            field=refused[0],
            code="not_editable",
        )
    operator = Operator.objects.select_for_update().get(pk=operator.pk)
    if actor.role == Role.TRADER:
        confirmed = [
            f for f in CONFIRMED_BY_CUSTOMS if f in changes and changes[f] != getattr(operator, f)
        ]
        if confirmed:
            raise DomainError(
                _(
                    "Report this change with a change notification: it takes effect once "
                    "customs confirms it."
                ),
                field=confirmed[0],
                code="change_notification_required",
            )
    before = _snapshot(operator)
    roles = sorted(set(changes.pop("roles", before["roles"])))
    for field, value in changes.items():
        setattr(operator, field, value)
    _validate(operator, roles)
    _save(operator, roles)
    delta = audit.diff(before, _snapshot(operator))
    if delta:
        audit.record(
            actor=actor, action="operator.updated", obj=operator, changes=delta, reason=reason
        )
    return operator
