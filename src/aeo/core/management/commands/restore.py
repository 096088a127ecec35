from pathlib import Path

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser

from aeo.core.backup import BackupError, read_manifest, restore


class Command(BaseCommand):
    help = "Replace the database's contents and the uploaded files with an `aeo backup` archive."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path)
        parser.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    def handle(self, *args, **opts) -> None:
        archive: Path = opts["archive"]
        if not archive.is_file():
            raise CommandError(f"No archive {archive}.")
        try:
            manifest = read_manifest(archive)
        except (BackupError, OSError, ValueError) as exc:
            raise CommandError(f"Not a backup archive: {exc}") from exc
        if not opts["yes"]:
            answer = input(
                f"Replace everything in this database with the backup of "
                f"{manifest['created_at']}? [y/N] "
            )
            if answer.strip().lower() not in {"y", "yes"}:
                raise CommandError("Restore cancelled.")
        call_command("migrate", interactive=False, verbosity=0)
        try:
            restore(archive)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Restored {sum(manifest['tables'].values())} rows and {len(manifest['files'])} "
            f"files from {archive}."
        )
