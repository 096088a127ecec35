from datetime import timedelta

from django.conf import settings
from django.contrib.auth import password_validation
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from aeo.accounts.constants import Role
from aeo.accounts.models import ApiToken, User, hash_token
from aeo.core import audit
from aeo.core.errors import Conflict, DomainError
from aeo.registry.models import CustomsOffice, Operator


@transaction.atomic
def create_user(
    *,
    actor: User | None,
    username: str,
    role: str,
    password: str | None,
    operator: Operator | None = None,
    office: CustomsOffice | None = None,
    email: str = "",
    first_name: str = "",
    last_name: str = "",
) -> User:
    if not username or not username.strip() or username != username.strip():
        raise DomainError(
            _("Give a username without leading or trailing spaces."), field="username"
        )
    if role not in Role.values:
        raise DomainError(f"Unknown role {role!r}.", field="role", code="unknown_choice")
    if role == Role.TRADER and operator is None:
        raise DomainError(
            "A trader must be bound to an operator.", field="operator", code="required"
        )
    if role != Role.TRADER and operator is not None:
        raise DomainError(
            "Only a trader is bound to an operator.", field="operator", code="not_allowed"
        )
    if User.objects.filter(username=username).exists():
        raise Conflict(f"User {username!r} already exists.", field="username", code="duplicate")
    user = User(
        username=username,
        role=role,
        operator=operator,
        office=office,
        email=email,
        first_name=first_name,
        last_name=last_name,
    )
    if password:
        password_validation.validate_password(password, user)
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    audit.record(
        actor=actor,
        action="user.created",
        obj=user,
        changes={"role": role, "operator": str(operator or ""), "office": str(office or "")},
    )
    return user


@transaction.atomic
def issue_token(*, actor: User | None, user: User, name: str = "", days: int | None = None) -> str:
    """Create a token and return its raw value: shown once, never stored.

    It expires after `days` (default AEO_TOKEN_DAYS; 0: never)."""
    days = settings.AEO_TOKEN_DAYS if days is None else days
    if days < 0 or days > 3660:
        raise DomainError(_("A token lasts between 0 (never expires) and 3660 days."), field="days")
    expires_at = timezone.now() + timedelta(days=days) if days else None
    raw = ApiToken.generate()
    token = ApiToken.objects.create(
        user=user,
        name=name[:100],
        key_hash=hash_token(raw),
        prefix=raw[:12],
        expires_at=expires_at,
    )
    audit.record(
        actor=actor,
        action="token.issued",
        obj=token,
        changes={"user": user.username, "name": name, "expires_at": audit.jsonable(expires_at)},
    )
    return raw


@transaction.atomic
def revoke_token(*, actor: User | None, token: ApiToken, reason: str = "") -> ApiToken:
    """Revoke a token (its owner, staff, or the command line); revoking twice changes nothing."""
    if actor is not None and actor.pk != token.user_id and not actor.is_staff:
        raise PermissionDenied
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        audit.record(
            actor=actor,
            action="token.revoked",
            obj=token,
            changes={"user": token.user.username, "name": token.name},
            reason=reason,
        )
    return token


def authenticate_token(raw: str) -> User | None:
    now = timezone.now()
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_token(raw), revoked_at__isnull=True, user__is_active=True)
        .filter(Q(expires_at__isnull=True) | Q(expires_at__gt=now))
        .first()
    )
    if token is None:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token.user
