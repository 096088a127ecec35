"""The platform's clock: the current time, which the demo can set to build a consistent past.

Services, models and the statutory clock read the time here, never `timezone.now()` directly,
so that `travel(...)` moves every "now" of a block of code at once (the demo builds applications
accepted 95 business days ago through the same services a user would).
"""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime

from django.utils import timezone

_fixed: ContextVar[datetime | None] = ContextVar("aeo_now", default=None)


def now() -> datetime:
    return _fixed.get() or timezone.now()


def today() -> date:
    return timezone.localdate(now())


@contextmanager
def travel(to: datetime) -> Iterator[None]:
    """Within the block, `now()` is `to` (timezone-aware)."""
    if timezone.is_naive(to):
        raise ValueError("travel() needs a timezone-aware datetime.")
    token = _fixed.set(to)
    try:
        yield
    finally:
        _fixed.reset(token)
