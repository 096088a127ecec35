from collections.abc import Iterable
from functools import partial

from django.db import transaction
from django.utils import timezone

from aeo.accounts.models import User
from aeo.notifications.models import Notification
from aeo.notifications.tasks import send_email


def notify(*, users: Iterable[User | None], subject: str, body: str = "", url: str = "") -> int:
    """Put a message in each user's inbox and e-mail it once the transaction commits.

    `None` entries (e.g. an operator without an account manager yet) are skipped.
    """
    recipients = {u.pk: u for u in users if u is not None and u.is_active}.values()
    Notification.objects.bulk_create(
        Notification(user=u, subject=subject[:200], body=body, url=url) for u in recipients
    )
    text = f"{body}\n\n{url}".strip()
    for user in recipients:
        if user.email:
            transaction.on_commit(partial(send_email.enqueue, user.email, subject, text))
    return len(recipients)


def mark_read(*, actor: User, ids: Iterable[int] | None = None) -> int:
    """Mark the actor's own notifications read (all of them when no ids are given)."""
    qs = Notification.objects.filter(user=actor, read_at__isnull=True)
    if ids is not None:
        qs = qs.filter(pk__in=list(ids))
    return qs.update(read_at=timezone.now())
