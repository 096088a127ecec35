"""`aeo serve`: the production server (gunicorn), workers from the machine's cores."""

import os
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from aeo.core.db import refresh_statistics


def default_workers() -> int:
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return int(os.environ.get("WEB_CONCURRENCY", 2 * (cores or 1) + 1))


class Command(BaseCommand):
    help = "Serve the platform with gunicorn (collects static files first; --migrate too)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=os.environ.get("HOST", "0.0.0.0"))  # noqa: S104
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--workers", type=int, default=default_workers())
        parser.add_argument("--timeout", type=int, default=60, help="seconds per request")
        parser.add_argument("--migrate", action="store_true", help="apply migrations first")
        parser.add_argument(
            "--dry-run", action="store_true", help="print the gunicorn command and exit"
        )

    def handle(self, *args, **opts) -> None:
        argv = [
            sys.executable,
            "-m",
            "gunicorn",
            "aeo.wsgi:application",
            f"--bind={opts['host']}:{opts['port']}",
            f"--workers={opts['workers']}",
            f"--timeout={opts['timeout']}",
            "--graceful-timeout=30",
            # The platform is loaded once, before the workers fork: a worker starts (and is
            # replaced) in milliseconds, not the second of CPU that loading Django costs.
            "--preload",
            # A worker is replaced after this many requests (a guard against slow leaks).
            "--max-requests=50000",
            "--max-requests-jitter=5000",
            "--forwarded-allow-ips=" + os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1"),
            "--error-logfile=-",
        ]
        if opts["dry_run"]:
            self.stdout.write(" ".join(argv))
            return
        if opts["migrate"]:
            call_command("migrate", interactive=False, verbosity=1)
        if not settings.DEBUG:
            call_command("collectstatic", interactive=False, verbosity=0)
        refresh_statistics()
        # Sync workers serve one request at a time: each keeps its database connection (checked
        # before reuse) instead of opening one per request.
        os.environ.setdefault("CONN_MAX_AGE", "600")
        os.execv(sys.executable, argv)  # noqa: S606 - our own interpreter, fixed arguments
