import os
import signal
import subprocess
import sys

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from aeo.core.db import refresh_statistics
from aeo.demo.builder import build


class Command(BaseCommand):
    help = "Migrate, load the demo data and serve the platform on 127.0.0.1."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument("--seed", type=int, default=2026)
        parser.add_argument("--operators", type=int, default=300)
        parser.add_argument("--no-serve", action="store_true", help="load the data and exit")
        parser.add_argument(
            "--no-worker",
            action="store_true",
            help="serve without the task queue worker (no notification e-mail is sent)",
        )
        parser.add_argument(
            "--economy",
            default=settings.AEO_ECONOMY,
            help="the administering economy: JP (default) or TW, a second administration "
            "for the MRA exchange (give it its own AEO_VAR_DIR)",
        )
        parser.add_argument(
            "--declarations",
            type=int,
            default=None,
            help="a year of declarations (default: 35 per operator; 200,000 with --size large)",
        )
        parser.add_argument(
            "--size",
            choices=["small", "large"],
            default="small",
            help="large: grow the registry to ~100,000 operators, 20,000 applications and "
            "10,000 authorizations through bulk paths (a few minutes), for benchmarks",
        )

    def handle(self, *args, **opts) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        if not settings.DEBUG:  # hashed static file names need their manifest
            call_command("collectstatic", interactive=False, verbosity=0)
        economy = opts["economy"].upper()
        if economy not in ("JP", "TW"):
            raise CommandError("The demo administers JP or TW.")
        settings.AEO_ECONOMY = economy
        self.stdout.write("Loading demo data…")
        if economy == "TW":
            from aeo.demo.builder import DEMO_PASSWORD, DemoLogin
            from aeo.demo.taipei import build_taipei

            logins = [DemoLogin(*row, DEMO_PASSWORD) for row in build_taipei(DEMO_PASSWORD)]
        else:
            declarations = opts["declarations"]
            if declarations is None and opts["size"] == "large":
                declarations = 200_000
            logins = build(
                seed=opts["seed"], operators=opts["operators"], declarations=declarations
            )
        if opts["size"] == "large":
            from aeo.demo.large import build_large

            added = build_large(seed=opts["seed"], progress=lambda m: self.stdout.write(f"  {m}"))
            self.stdout.write(f"Large data set: added {added}")
        refresh_statistics(after_bulk_load=opts["size"] == "large")
        self.stdout.write(self.style.SUCCESS("Demo data ready. Sign in as:"))
        width = max(len(login.username) for login in logins)
        for login in logins:
            secret = login.password or "(token only)"
            self.stdout.write(
                f"  {login.username:<{width}}  {secret:<14}  {login.role} · {login.detail}"
            )
        if opts["no_serve"]:
            return
        url = f"http://127.0.0.1:{opts['port']}/"
        worker = None if opts["no_worker"] else start_worker(economy)
        if worker is not None:
            self.stdout.write(
                f"Task queue worker running (pid {worker.pid}); the e-mails it sends are on "
                f"{url}demo/sent-mail/"
            )
        self.stdout.write(self.style.SUCCESS(f"Serving on {url} (Ctrl-C to stop)"))
        # A `kill` (SIGTERM) stops the server like Ctrl-C does, so the worker is stopped too.
        previous = signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
        try:
            call_command(
                "runserver",
                f"127.0.0.1:{opts['port']}",
                use_reloader=False,
                # WhiteNoise (a middleware) serves the hashed static files; runserver's own
                # static handler would intercept /static/ first and knows only unhashed names.
                use_static_handler=False,
            )
        finally:
            signal.signal(signal.SIGTERM, previous)
            if worker is not None:
                stop_worker(worker)


def start_worker(economy: str) -> subprocess.Popen[bytes]:
    """The task queue worker (`db_worker`) as a child process of the demo server, so that
    notification e-mails are sent; same settings (the demo's database and economy)."""
    env = {**os.environ, "AEO_DEMO": "1", "AEO_ECONOMY": economy}
    return subprocess.Popen(
        [sys.executable, "-m", "aeo", "db_worker", "--interval", "1", "--no-startup-delay"],
        env=env,
    )


def stop_worker(worker: subprocess.Popen[bytes]) -> None:
    worker.terminate()
    try:
        worker.wait(timeout=10)
    except subprocess.TimeoutExpired:
        worker.kill()
        worker.wait()
