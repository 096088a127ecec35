from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from aeo.accounts import services
from aeo.accounts.constants import Role
from aeo.core.errors import DomainError
from aeo.registry.models import CustomsOffice, Operator


class Command(BaseCommand):
    help = "Create a user with a role (a trader is bound to an operator by TIN)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")
        parser.add_argument("--role", required=True, choices=Role.values)
        parser.add_argument("--operator", metavar="TIN", help="the trader's operator")
        parser.add_argument("--office", metavar="CODE", help="the official's customs office")
        parser.add_argument("--password", help="omit for a user that signs in by token only")
        parser.add_argument("--email", default="")

    def handle(self, *args, **opts) -> None:
        operator = office = None
        if opts["operator"]:
            operator = Operator.objects.filter(tin=opts["operator"].replace("-", "")).first()
            if operator is None:
                raise CommandError(f"No operator with TIN {opts['operator']}.")
        if opts["office"]:
            office = CustomsOffice.objects.filter(code=opts["office"].upper()).first()
            if office is None:
                raise CommandError(f"No customs office {opts['office']}.")
        try:
            user = services.create_user(
                actor=None,
                username=opts["username"],
                role=opts["role"],
                password=opts["password"],
                operator=operator,
                office=office,
                email=opts["email"],
            )
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        except ValidationError as exc:  # the configured password validators
            raise CommandError(" ".join(exc.messages)) from exc
        self.stdout.write(f"Created {user.username} ({user.get_role_display()}).")
