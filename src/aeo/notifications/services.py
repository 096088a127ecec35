from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import translation
from django.utils.functional import Promise

from aeo.accounts.models import User
from aeo.core.now import now
from aeo.notifications.models import Notification
from aeo.notifications.tasks import send_notification_email


@dataclass(frozen=True)
class Message:
    """What to tell someone: message keys (marked with `gettext_noop`) and their parameters.

    Parameters are plain values (names, numbers, dates, free text someone typed), or lazy
    translations (e.g. a status label), which are stored by their key and translated for
    each reader.
    """

    subject: str
    body: str = ""
    params: dict[str, Any] = field(default_factory=dict)

    def stored_params(self) -> dict[str, Any]:
        return {name: _storable(value) for name, value in self.params.items()}


def _storable(value: Any) -> Any:
    if isinstance(value, Promise):
        with translation.override(None):
            return {"msgid": str(value)}
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def notify(*, users: Iterable[User | None], message: Message, url: str = "") -> int:
    """Put a message in each user's inbox and e-mail it once the transaction commits.

    `None` entries (e.g. an operator without an account manager yet) are skipped.
    """
    recipients = list({u.pk: u for u in users if u is not None and u.is_active}.values())
    params = message.stored_params()
    created = Notification.objects.bulk_create(
        Notification(
            user=u, subject_key=message.subject, body_key=message.body, params=params, url=url
        )
        for u in recipients
    )
    for notification in created:
        if notification.user.email:
            transaction.on_commit(
                lambda pk=notification.pk: send_notification_email.enqueue(pk)  # type: ignore[misc]
            )
    return len(recipients)


def mark_read(*, actor: User, ids: Iterable[int] | None = None) -> int:
    """Mark the actor's own notifications read (all of them when no ids are given)."""
    qs = Notification.objects.filter(user=actor, read_at__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=list(ids))
    return qs.update(read_at=now())
