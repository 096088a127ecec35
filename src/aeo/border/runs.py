"""Work that runs in the background: a CSV upload of declarations, a Time Release Study."""

import uuid
from datetime import date
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _

from aeo.accounts.models import User
from aeo.border.models import DeclarationImport, TrsRun
from aeo.border.services import require
from aeo.border.tasks import import_upload, run_study
from aeo.core import audit
from aeo.core.errors import DomainError


@transaction.atomic
def start_upload(*, actor: User, file: UploadedFile, update: bool = False) -> DeclarationImport:
    """Keep the uploaded CSV and store its declarations in the background."""
    require(actor, "border.lodge")
    if not (file.name or "").lower().endswith(".csv"):
        raise DomainError(_("Upload a CSV file (.csv)."), field="file", code="invalid_file")
    job = DeclarationImport(
        created_by=actor,
        source="upload",
        file_name=(file.name or "")[:255],
        update_existing=update,
        total_bytes=file.size or 0,
    )
    job.file.save(f"{uuid.uuid4().hex}.csv", file, save=False)
    job.save()
    transaction.on_commit(lambda: import_upload.enqueue(job.pk))
    return job


STUDY_FORMATS = (".csv", ".parquet")


@transaction.atomic
def start_study(
    *,
    actor: User,
    kind: str,
    params: dict[str, Any],
    file: UploadedFile | None = None,
    lang: str = "en",
) -> TrsRun:
    """A Time Release Study run, kept with its result: `monitoring` on the platform's data,
    `compare` or `report` on an uploaded file."""
    require(actor, "border.study")
    if kind not in ("monitoring", "compare", "report"):
        raise DomainError(_("Choose a study."), field="kind", code="invalid_choice")
    run = TrsRun(kind=kind, params=params, created_by=actor)
    if kind != "monitoring":
        name = (file.name or "") if file else ""
        if file is None or not name.lower().endswith(STUDY_FORMATS):
            raise DomainError(_("Upload a CSV or Parquet file."), field="file", code="invalid_file")
        run.file_name = name[:255]
        run.file.save(f"{uuid.uuid4().hex}{name[name.rfind('.') :].lower()}", file, save=False)
    run.save()
    audit.record(actor=actor, action="trs.started", obj=run, changes={"kind": [None, kind]})
    transaction.on_commit(lambda: run_study.enqueue(run.pk, lang))
    return run


def start_monitoring(
    *, actor: User, partner: str, entry_into_force: date | None, days: int, lang: str = "en"
) -> TrsRun:
    params = {
        "partner": partner.strip().upper(),
        "entry_into_force": entry_into_force.isoformat() if entry_into_force else None,
        "days": days,
    }
    return start_study(actor=actor, kind="monitoring", params=params, lang=lang)


def start_file_study(
    *,
    actor: User,
    kind: str,
    file: UploadedFile,
    importing: str,
    partner: str,
    before: str = "",
    after: str = "",
    lang: str = "en",
) -> TrsRun:
    params = {
        "importing": importing.strip().upper(),
        "partner": partner.strip().upper(),
        "before": before.strip(),
        "after": after.strip(),
    }
    if kind == "compare" and not (params["before"] and params["after"]):
        raise DomainError(_("Give both periods to compare."), field="before", code="required")
    return start_study(actor=actor, kind=kind, params=params, file=file, lang=lang)
