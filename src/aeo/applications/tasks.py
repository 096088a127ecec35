from django.tasks import task
from django.urls import reverse
from django.utils.translation import gettext_noop

from aeo.accounts.constants import Role
from aeo.accounts.models import User
from aeo.applications import selectors, services
from aeo.notifications.services import Message, notify


@task()
def daily_clock_tick() -> dict[str, int]:
    """Lapse applications past their respond-by date; remind each unit of what is due."""
    lapsed = services.lapse_expired_pauses()
    reminded = 0
    for examiner in User.objects.filter(role=Role.EXAMINER, is_active=True, office__isnull=False):
        buckets = selectors.workload(examiner)
        overdue, due_soon = len(buckets["overdue"]), len(buckets["due_soon"])
        if overdue or due_soon:
            notify(
                users=[examiner],
                message=Message(
                    gettext_noop("AEO applications: %(overdue)d overdue, %(due_soon)d due soon"),
                    params={"overdue": overdue, "due_soon": due_soon},
                ),
                url=reverse("applications:dashboard"),
            )
            reminded += 1
    return {"lapsed": lapsed, "reminded": reminded}
