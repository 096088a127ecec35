from django.core.management.base import BaseCommand
from django.utils.translation import ngettext

from aeo.authorizations.tasks import expire_authorizations


class Command(BaseCommand):
    help = (
        "Expire authorizations whose validity has ended and revoke suspensions whose period "
        "to remedy has ended (run once a day)."
    )

    def handle(self, *args, **opts) -> None:
        expired = expire_authorizations.call()
        count = len(expired)
        self.stdout.write(
            ngettext("Closed %d authorization.", "Closed %d authorizations.", count) % count
        )
        for number in expired:
            self.stdout.write(number)
