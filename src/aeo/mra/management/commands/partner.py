import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from aeo.accounts.models import User
from aeo.core.errors import DomainError
from aeo.mra import keys
from aeo.mra.constants import IdentifierRule
from aeo.mra.services.partners import add_partner, link_partner_user


class Command(BaseCommand):
    help = "MRA partners: `key` prints this instance's economy and public key; `add` registers one."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        key = sub.add_parser("key", help="print this economy and its public key (JWK)")
        key.add_argument("--rotate", action="store_true", help="make a new key pair first")
        add = sub.add_parser("add", help="register a partner administration (or update it)")
        add.add_argument("economy")
        add.add_argument("--url", required=True, help="the partner instance's base URL")
        add.add_argument("--key", required=True, help="file with the partner's public JWK")
        add.add_argument("--rule", default=IdentifierRule.AEO_NUMBER, choices=IdentifierRule.values)
        add.add_argument("--frequency-hours", type=int, default=24)
        add.add_argument("--user", help="a partner customs account that acts for this partner")

    def handle(self, *args, **opts) -> None:
        if opts["action"] == "key":
            if opts["rotate"]:
                old = keys.rotate()
                self.stderr.write(f"Rotated: the previous key {old['kid']} is retired.")
            out = {"economy": settings.AEO_ECONOMY, "key": keys.public_jwk()}
            self.stdout.write(json.dumps(out, indent=2))
            return
        try:
            data = json.loads(Path(opts["key"]).read_text())
        except (OSError, ValueError) as exc:
            raise CommandError(f"Cannot read the key file: {exc}") from exc
        jwk = (
            data.get("key", data) if isinstance(data, dict) else data
        )  # `partner key`'s output too
        try:
            partner = add_partner(
                actor=None,
                economy=opts["economy"],
                base_url=opts["url"],
                public_key=jwk,
                identifier_rule=opts["rule"],
                frequency_hours=opts["frequency_hours"],
            )
            if opts["user"]:
                user = User.objects.filter(username=opts["user"]).first()
                if user is None:
                    raise CommandError(f"No user {opts['user']}.")
                link_partner_user(actor=None, partner=partner, user=user)
        except DomainError as exc:
            raise CommandError(f"{exc.field}: {exc.message}") from exc
        self.stdout.write(
            f"Partner {partner.economy_id} at {partner.base_url}, "
            f"key {partner.public_keys[0]['kid']}"
            f"; {partner.pending} record(s) queued."
        )
