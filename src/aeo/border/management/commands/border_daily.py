from datetime import timedelta

from django.core.management.base import BaseCommand, CommandParser
from django.utils.translation import gettext as _

from aeo.border.tasks import border_daily
from aeo.core.now import today


class Command(BaseCommand):
    help = "Assign the lanes of a day's lodged declarations in one batch; measure every MRA."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--day", help="YYYY-MM-DD (default: yesterday)")

    def handle(self, *args, **opts) -> None:
        day = opts["day"] or (today() - timedelta(days=1)).isoformat()
        result = border_daily.call(day)
        self.stdout.write(
            _("Lanes assigned to %(assigned)d declarations; %(studies)d MRA studies run.") % result
        )
