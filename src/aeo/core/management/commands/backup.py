from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from aeo.core.backup import backup


class Command(BaseCommand):
    help = "Write one consistent archive: the database (either backend) and the uploaded files."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output", type=Path, help="the archive (default var/backups/aeo-<time>.tar.gz)"
        )

    def handle(self, *args, **opts) -> None:
        output = opts["output"] or Path(settings.VAR_DIR) / "backups" / (
            f"aeo-{timezone.now():%Y%m%dT%H%M%SZ}.tar.gz"
        )
        manifest = backup(output)
        rows = sum(manifest["tables"].values())
        self.stdout.write(
            f"Wrote {output}: {rows} rows in {len(manifest['tables'])} tables, "
            f"{len(manifest['files'])} files."
        )
