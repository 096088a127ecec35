"""`aeo backup` and `aeo restore` round-trip a demo database: every table, every file."""

import hashlib
from pathlib import Path

import pytest
from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.core.management import CommandError, call_command

from aeo.core.models import Version
from aeo.demo.builder import build
from aeo.requirements.models import Evidence


def snapshot() -> dict[str, list]:
    """Every row of every table (content types by their natural key, as they are rebuilt), but
    the versions that the restore's rows move (`core.db.MovesVersion`): moved, not restored."""
    tables = {}
    for model in apps.get_models():
        label = model._meta.label_lower
        if label == "core.version":
            continue
        if label == "contenttypes.contenttype":
            rows = sorted(ContentType.objects.values_list("app_label", "model"))
        elif label == "auth.permission":
            rows = sorted(model.objects.values_list("content_type__model", "codename"))
        else:
            rows = [
                {k: v for k, v in row.items() if not k.endswith("content_type_id")}
                for row in model._base_manager.order_by("pk").values()
            ]
        tables[label] = rows
    return tables


def files(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("reference_data")
def test_backup_and_restore_round_trip_a_demo_database(settings, tmp_path, capsys):
    settings.MEDIA_ROOT = tmp_path / "media"
    build(seed=7, operators=12)
    assert Evidence.objects.exists()
    before, before_files = snapshot(), files(tmp_path / "media")
    kept_under = Version.objects.get(name="register").value
    assert before_files
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", "--output", str(archive))
    assert "files" in capsys.readouterr().out

    call_command("flush", interactive=False, verbosity=0)  # disaster: data and files gone
    for path in (tmp_path / "media").rglob("*"):
        if path.is_file():
            path.unlink()
    assert not Evidence.objects.exists()

    call_command("restore", str(archive), "--yes")
    after = snapshot()
    for table, rows in before.items():
        assert after[table] == rows, table
    assert Version.objects.get(name="register").value > kept_under  # no kept answer holds
    assert files(tmp_path / "media") == before_files


@pytest.mark.django_db
def test_restore_refuses_a_tampered_or_foreign_archive(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    bogus = tmp_path / "bogus.tar.gz"
    bogus.write_bytes(b"not an archive")
    with pytest.raises(CommandError, match="Not a backup archive"):
        call_command("restore", str(bogus), "--yes")
    with pytest.raises(CommandError, match="No archive"):
        call_command("restore", str(tmp_path / "missing.tar.gz"), "--yes")
