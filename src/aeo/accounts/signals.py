"""Sign-ins, failed sign-ins, lockouts and sign-outs go to the audit trail."""

from typing import Any

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

from aeo.accounts.models import User
from aeo.core import audit


def _address(request: Any) -> str:
    return getattr(request, "META", {}).get("REMOTE_ADDR", "") if request is not None else ""


def _named(username: str) -> User:
    """The user of that name, or an unsaved stand-in when no such user exists."""
    return User.objects.filter(username=username).first() or User(username=username[:150])


@receiver(user_logged_in)
def on_login(sender: Any, request: Any, user: User, **kwargs: Any) -> None:
    audit.record(actor=user, action="auth.login", obj=user, changes={"ip": _address(request)})


@receiver(user_logged_out)
def on_logout(sender: Any, request: Any, user: User | None, **kwargs: Any) -> None:
    if user is not None:
        audit.record(actor=user, action="auth.logout", obj=user, changes={"ip": _address(request)})


@receiver(user_login_failed)
def on_login_failed(sender: Any, credentials: dict[str, Any], request: Any = None, **kw) -> None:
    username = str(credentials.get("username", ""))
    audit.record(
        actor=None,
        action="auth.login_failed",
        obj=_named(username),
        changes={"username": username[:150], "ip": _address(request)},
    )


@receiver(user_locked_out)
def on_locked_out(sender: Any, request: Any, username: str | None = None, **kw) -> None:
    name = username or ""
    audit.record(
        actor=None,
        action="auth.locked_out",
        obj=_named(name),
        changes={"username": name[:150], "ip": kw.get("ip_address") or _address(request)},
    )
