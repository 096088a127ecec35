from django.db import transaction
from django.utils import timezone

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
def issue_token(*, actor: User | None, user: User, name: str = "") -> str:
    """Create a token and return its raw value: shown once, never stored."""
    raw = ApiToken.generate()
    token = ApiToken.objects.create(user=user, name=name, key_hash=hash_token(raw), prefix=raw[:12])
    audit.record(actor=actor, action="token.issued", obj=token, changes={"user": user.username})
    return raw


def authenticate_token(raw: str) -> User | None:
    token = (
        ApiToken.objects.select_related("user")
        .filter(key_hash=hash_token(raw), revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if token is None:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return token.user
