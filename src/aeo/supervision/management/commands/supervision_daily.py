from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from aeo.supervision.tasks import daily_supervision


class Command(BaseCommand):
    help = "Escalate overdue corrective actions and refresh monitoring plans (once a day)."

    def handle(self, *args, **opts) -> None:
        result = daily_supervision.call()
        self.stdout.write(
            _("Escalated %(escalated)d corrective actions; refreshed %(plans)d plans.") % result
        )
