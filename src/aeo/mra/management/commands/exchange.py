from django.core.management.base import BaseCommand, CommandError, CommandParser

from aeo.mra import selectors
from aeo.mra.services.delivery import send_pending


class Command(BaseCommand):
    help = "The MRA exchange: `run` sends what is pending now (cron it daily); `status` shows it."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        run = sub.add_parser("run", help="send pending records (an empty batch if none)")
        run.add_argument("--partner", help="only this economy")
        sub.add_parser("status", help="per partner: sent, acknowledged, pending, errors, received")

    def handle(self, *args, **opts) -> None:
        partners = selectors.exchange_status()
        if opts["action"] == "status":
            for p in partners:
                stale = " (stale)" if selectors.is_stale(p) else ""
                self.stdout.write(
                    f"{p.economy_id}  sent {p.last_seq}  acknowledged {p.acked_seq}  "
                    f"pending {p.pending}  attempts {p.attempts}  "
                    f"next retry {p.next_retry_at or '-'}  received {p.received_seq}{stale}"
                    f"  last error: {p.last_error or '-'}"
                )
            return
        wanted = (opts.get("partner") or "").upper()
        targets = [p for p in partners if not wanted or p.economy_id == wanted]
        if wanted and not targets:
            raise CommandError(f"No partner {wanted}.")
        failed = False
        for p in targets:
            sent = send_pending(p.economy_id)
            failed |= bool(sent.error)
            outcome = f"error: {sent.error}" if sent.error else "ok"
            self.stdout.write(
                f"{p.economy_id}: {sent.batches} batch(es), "
                f"acknowledged {sent.acknowledged}, {outcome}"
            )
        if failed:
            raise CommandError("Some partners could not be reached; they are retried with backoff.")
