from collections import defaultdict

from django.tasks import task
from django.urls import reverse
from django.utils.translation import gettext_noop

from aeo.accounts.constants import Role
from aeo.accounts.models import User
from aeo.applications import selectors, services
from aeo.core.db import refresh_statistics
from aeo.notifications.services import Message, notify


@task()
def daily_clock_tick() -> dict[str, int]:
    """Lapse applications past their respond-by date, store every running clock as of today
    (elapsed days, and the due date of paused ones, move on); remind each unit of what is due;
    refresh the planner's statistics (SQLite) for the day's new rows."""
    lapsed = services.lapse_expired_pauses()
    services.refresh_clocks()
    refresh_statistics()
    examiners = list(
        User.objects.filter(role=Role.EXAMINER, is_active=True, office__isnull=False)
        .select_related("office")
        .order_by("pk")
    )
    # One read of the open applications for every examiner; one notice per distinct message.
    workloads = selectors.workload_by_examiner(examiners)
    recipients: dict[tuple[int, int], list[User]] = defaultdict(list)
    for examiner in examiners:
        counts = workloads[examiner.pk]
        overdue, due_soon = counts["overdue"], counts["due_soon"]
        if overdue or due_soon:
            recipients[overdue, due_soon].append(examiner)
    reminded = 0
    for (overdue, due_soon), users in recipients.items():
        reminded += notify(
            users=users,
            message=Message(
                gettext_noop("AEO applications: %(overdue)d overdue, %(due_soon)d due soon"),
                params={"overdue": overdue, "due_soon": due_soon},
            ),
            url=reverse("applications:dashboard"),
        )
    return {"lapsed": lapsed, "reminded": reminded}
