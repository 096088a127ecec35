"""One consistent archive of the database (either backend) and the uploaded files.

The archive is a gzipped tar: `manifest.json` (when, which database, rows per table, every
file's size and SHA-256), `data.json` (Django's serialization of every table, read in one
snapshot: a REPEATABLE READ transaction on PostgreSQL, one read transaction on SQLite) and
`media/…` (the uploaded evidence). `restore` empties the database, loads the data and puts
the files back, checking each against the manifest.
"""

import hashlib
import io
import json
import shutil
import tarfile
import tempfile
from datetime import UTC, datetime, time
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.management import call_command
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction

from aeo.core.models import AppendOnlyModel

FORMAT = 1
# Rebuilt by migrate from the code itself (their rows identified by natural keys), or moved by
# the restore's own rows (the versions of `core.db.MovesVersion`: a restored value could equal
# one that a running server keeps answers for).
REGENERATED = {"contenttypes.contenttype", "auth.permission", "core.version"}


class BackupError(Exception):
    pass


class _ExactEncoder(DjangoJSONEncoder):
    """Django's encoder keeps milliseconds only; a backup keeps every microsecond."""

    def default(self, o: Any) -> Any:
        if isinstance(o, datetime | time):
            return o.isoformat()
        return super().default(o)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _models() -> list[Any]:
    """Every table to keep, history last: its rows are loaded once their foreign keys exist,
    since the database refuses to update a history row afterwards (`aeo.core.db.AppendOnly`)."""
    models = [
        m
        for m in apps.get_models()
        if m._meta.label_lower not in REGENERATED and not m._meta.proxy and m._meta.managed
    ]
    return sorted(models, key=lambda m: issubclass(m, AppendOnlyModel))


def _media_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT)
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def _add_bytes(archive: tarfile.TarFile, name: str, data: bytes) -> None:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(datetime.now(UTC).timestamp())
    archive.addfile(info, io.BytesIO(data))


def backup(output: Path) -> dict[str, Any]:
    """Write the archive to `output`; return its manifest."""
    models = _models()
    outermost = not connection.in_atomic_block
    with transaction.atomic():
        if connection.vendor == "postgresql" and outermost:  # one snapshot for every table
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY")
        rows = {m._meta.label_lower: m._base_manager.count() for m in models}
        objects = [obj for m in models for obj in m._base_manager.order_by("pk")]
        data = serializers.serialize(
            "json",
            objects,
            use_natural_foreign_keys=True,
            use_natural_primary_keys=False,
            cls=_ExactEncoder,
        ).encode()
        root = Path(settings.MEDIA_ROOT)
        files = {
            str(p.relative_to(root)): {"size": p.stat().st_size, "sha256": _sha256(p)}
            for p in _media_files()
        }
    manifest = {
        "format": FORMAT,
        "created_at": datetime.now(UTC).isoformat(),
        "database": connection.vendor,
        "tables": rows,
        "files": files,
        "data_sha256": hashlib.sha256(data).hexdigest(),
    }
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_name(output.name + ".partial")
    with tarfile.open(partial, "w:gz") as archive:
        _add_bytes(archive, "manifest.json", json.dumps(manifest, indent=1).encode())
        _add_bytes(archive, "data.json", data)
        for name in files:
            archive.add(root / name, arcname=f"media/{name}", recursive=False)
    partial.replace(output)  # never a half-written archive under the real name
    return manifest


def read_manifest(archive_path: Path) -> dict[str, Any]:
    try:
        with tarfile.open(archive_path, "r:gz") as archive:
            return json.loads(_member(archive, "manifest.json"))
    except (tarfile.TarError, OSError, ValueError) as exc:
        raise BackupError(str(exc)) from exc


def restore(archive_path: Path) -> dict[str, Any]:
    """Replace the database's contents and the uploaded files with the archive's."""
    with tarfile.open(archive_path, "r:gz") as archive:
        manifest = json.loads(_member(archive, "manifest.json"))
        if manifest.get("format") != FORMAT:
            raise BackupError(f"Unknown archive format {manifest.get('format')!r}.")
        data = _member(archive, "data.json")
        if hashlib.sha256(data).hexdigest() != manifest["data_sha256"]:
            raise BackupError("The archive's data do not match its manifest.")
        with tempfile.TemporaryDirectory() as scratch:
            staged = Path(scratch)
            for name, expected in manifest["files"].items():
                target = staged / name
                if ".." in Path(name).parts or Path(name).is_absolute():
                    raise BackupError(f"Unsafe file name in the archive: {name}")
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(_member(archive, f"media/{name}"))
                if _sha256(target) != expected["sha256"]:
                    raise BackupError(f"{name} does not match the manifest.")
            with transaction.atomic():
                call_command("flush", interactive=False, verbosity=0)
                fixture = staged / "data.json"
                fixture.write_bytes(data)
                call_command("loaddata", str(fixture), verbosity=0)
            root = Path(settings.MEDIA_ROOT)
            for name in manifest["files"]:
                target = root / name
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.move(staged / name, target)
    return manifest


def _member(archive: tarfile.TarFile, name: str) -> bytes:
    try:
        member = archive.extractfile(name)
    except KeyError as exc:
        raise BackupError(f"The archive has no {name}.") from exc
    if member is None:
        raise BackupError(f"{name} in the archive is not a file.")
    return member.read()
