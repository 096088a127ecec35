"""`aeo serve`: the production server (granian), a worker per core.

Why granian rather than gunicorn's sync workers: its HTTP layer is in Rust and keeps
connections alive, so a request's connection costs a fraction of what a sync worker spends on
accepting, parsing and closing one (about 0.45 ms, more than the status lookup's query), and a
slow client holds no Python worker. Each worker runs the platform in one thread: with more, the
threads wait on each other for the interpreter (measured: the lookups' p99 went up by half).
"""

import os
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from aeo.core.db import refresh_statistics


def default_workers() -> int:
    """One per core: with the HTTP layer outside the interpreter, more workers than cores only
    take turns on them (measured on 2 cores: 2 workers answered a third more than 3 or 5)."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return int(os.environ.get("WEB_CONCURRENCY", cores or 1))


class Command(BaseCommand):
    help = "Serve the platform with granian (collects static files first; --migrate too)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=os.environ.get("HOST", "0.0.0.0"))  # noqa: S104
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--workers", type=int, default=default_workers())
        parser.add_argument("--migrate", action="store_true", help="apply migrations first")
        parser.add_argument(
            "--dry-run", action="store_true", help="print the granian command and exit"
        )

    def handle(self, *args, **opts) -> None:
        argv = [
            sys.executable,
            "-m",
            "granian",
            "--interface=wsgi",
            f"--host={opts['host']}",
            f"--port={opts['port']}",
            f"--workers={opts['workers']}",
            "--blocking-threads=1",
            "--no-ws",
            # A worker that dies is started again; one that grows past this (MiB) is replaced
            # (a guard against slow leaks); a stopped one has this long to finish its requests.
            "--respawn-failed-workers",
            "--workers-max-rss=1024",
            "--workers-kill-timeout=30s",
            # A client has this long (ms) to send its request's headers.
            "--http1-header-read-timeout=10000",
            # The platform writes its own access log (core.middleware), one JSON line a request.
            "--no-access-log",
            "aeo.wsgi:application",
        ]
        if opts["dry_run"]:
            self.stdout.write(" ".join(argv))
            return
        if opts["migrate"]:
            call_command("migrate", interactive=False, verbosity=1)
        if not settings.DEBUG:
            call_command("collectstatic", interactive=False, verbosity=0)
        refresh_statistics()
        # Each worker's one thread keeps its database connection (checked before reuse)
        # instead of opening one per request.
        os.environ.setdefault("CONN_MAX_AGE", "600")
        os.execv(sys.executable, argv)  # noqa: S606 - our own interpreter, fixed arguments
