from django.core.management.base import BaseCommand, CommandError, CommandParser

from aeo.accounts import services
from aeo.accounts.models import User


class Command(BaseCommand):
    help = "Print a new API token for USERNAME (stored hashed: shown only once)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--name", default="cli", help="a label for the token")

    def handle(self, *args, **opts) -> None:
        user = User.objects.filter(username=opts["username"]).first()
        if user is None:
            raise CommandError(f"No user {opts['username']}.")
        self.stdout.write(services.issue_token(actor=None, user=user, name=opts["name"]))
