from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from aeo.accounts import services
from aeo.accounts.models import ApiToken, User
from aeo.core.errors import DomainError


class Command(BaseCommand):
    help = (
        "Print a new API token for USERNAME (stored hashed: shown only once); "
        "--list a user's tokens (or everyone's), --revoke PREFIX_OR_ID."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username", nargs="?")
        parser.add_argument("--name", default="cli", help="a label for the token")
        parser.add_argument(
            "--days", type=int, default=None, help="lifetime (default AEO_TOKEN_DAYS; 0: never)"
        )
        parser.add_argument("--list", action="store_true", help="list tokens, newest first")
        parser.add_argument("--revoke", metavar="PREFIX_OR_ID", help="revoke one token")
        parser.add_argument("--reason", default="", help="why (for the audit trail)")

    def handle(self, *args, **opts) -> None:
        user = None
        if opts["username"]:
            user = User.objects.filter(username=opts["username"]).first()
            if user is None:
                raise CommandError(f"No user {opts['username']}.")
        if opts["list"]:
            return self.list(user)
        if opts["revoke"]:
            return self.revoke(opts["revoke"], opts["reason"])
        if user is None:
            raise CommandError("Give a USERNAME (or --list, --revoke).")
        try:
            raw = services.issue_token(actor=None, user=user, name=opts["name"], days=opts["days"])
        except DomainError as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(raw)

    def list(self, user: User | None) -> None:
        tokens = ApiToken.objects.select_related("user").order_by("-created_at", "-id")
        if user is not None:
            tokens = tokens.filter(user=user)
        for t in tokens:
            when = lambda d: timezone.localtime(d).strftime("%Y-%m-%d %H:%M") if d else "-"  # noqa: E731
            self.stdout.write(
                f"{t.pk:>6}  {t.prefix}…  {t.user.username:<20} {t.name:<20} {t.state:<8} "
                f"created {when(t.created_at)}  last used {when(t.last_used_at)}  "
                f"expires {when(t.expires_at)}"
            )

    def revoke(self, ref: str, reason: str) -> None:
        tokens = ApiToken.objects.select_related("user")
        token = (tokens.filter(pk=int(ref)).first() if ref.isdigit() else None) or tokens.filter(
            prefix__startswith=ref
        ).first()
        if token is None or (
            not ref.isdigit() and tokens.filter(prefix__startswith=ref).count() > 1
        ):
            raise CommandError(f"No single token {ref}: give its id or a longer prefix.")
        services.revoke_token(actor=None, token=token, reason=reason)
        self.stdout.write(f"Revoked {token.prefix}… of {token.user.username}.")
