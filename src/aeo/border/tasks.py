"""Background work: a CSV upload of declarations, and Time Release Study runs."""

import base64
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from django.tasks import task
from django.utils import translation

from aeo.border import arrangements, services, trs_source
from aeo.border.constants import ImportStatus
from aeo.border.intake import read_rows
from aeo.border.models import DeclarationImport, TrsRun
from aeo.core.now import now
from aeo.trs.engine import (
    Comparison,
    Period,
    Report,
    TrsError,
    as_dict,
    charts,
    compare,
    labels,
    render,
    report,
)


def _counted(job: DeclarationImport, lines: Iterator[bytes]) -> Iterator[bytes]:
    for line in lines:
        job.read_bytes += len(line)
        yield line


def _saved(job: DeclarationImport) -> None:
    job.save(
        update_fields=["read_bytes", "rows", "created", "updated", "rejected", "errors", "status"]
    )


@task()
def import_upload(job_id: int) -> int:
    """Store an uploaded CSV file's declarations, saving the progress after every chunk."""
    job = DeclarationImport.objects.select_related("created_by").get(pk=job_id)
    job.status = ImportStatus.RUNNING
    _saved(job)
    try:
        with job.file.open("rb") as f:
            rows = read_rows(_counted(job, iter(f.readline, b"")), "csv")
            services.import_declarations(
                actor=job.created_by,
                rows=rows,
                update=job.update_existing,
                job=job,
                progress=_saved,
            )
    except Exception as exc:  # the page says it failed rather than spinning for ever
        DeclarationImport.objects.filter(pk=job.pk).update(
            status=ImportStatus.FAILED, failure=str(exc)[:2000], finished_at=now()
        )
        raise
    return job.created


def _charts(found: Comparison | Report, lang: str) -> list[dict[str, str]]:
    """The study's mean-time charts as SVG images (data URIs: no inline style or script)."""
    if isinstance(found, Comparison):
        specs = [
            (charts.compare_means(found, stage, lang), labels.stage(stage, lang))
            for stage in (1, 2)
        ]
    else:
        specs = [(charts.report_means(found, lang), labels.word("mean", lang))]
    return [
        {
            "src": "data:image/svg+xml;base64,"
            + base64.b64encode(charts.svg(spec).encode()).decode(),
            "alt": str(alt),
        }
        for spec, alt in specs
    ]


def _period(text: str) -> Period | None:
    return Period.parse(text) if text else None


def _study(run: TrsRun, lang: str) -> None:
    p = run.params
    if run.kind == "monitoring":
        result = trs_source.monitor(
            p["partner"],
            entry_into_force=_date(p.get("entry_into_force")),
            days=p.get("days", 180),
        )
        run.result = {**result.as_dict(), "charts": _charts(result.comparison, lang)}
        run.csv, run.html = trs_source.outputs(result, lang)
        return
    suffix = Path(run.file_name).suffix.lower()
    found: Comparison | Report
    with tempfile.TemporaryDirectory(prefix="aeo-trs-") as tmp:
        path = Path(tmp) / f"input{suffix}"
        with run.file.open("rb") as src, path.open("wb") as dst:
            for chunk in src.chunks():
                dst.write(chunk)
        if run.kind == "compare":
            before, after = _period(p.get("before", "")), _period(p.get("after", ""))
            if before is None or after is None:
                raise TrsError("give both periods")
            found = compare(
                path, importing=p["importing"], partner=p["partner"], before=before, after=after
            )
        else:
            found = report(path, importing=p.get("importing"), partner=p.get("partner"))
    run.result = {**as_dict(found), "charts": _charts(found, lang)}
    run.csv, run.html = render(found, "csv"), render(found, "html", lang)


def _date(text: str | None) -> date | None:
    return date.fromisoformat(text) if text else None


@task()
def run_study(run_id: int, lang: str = "en") -> str:
    """Run a kept study; a study that cannot run keeps its reason."""
    run = TrsRun.objects.get(pk=run_id)
    run.status = ImportStatus.RUNNING
    run.save(update_fields=["status"])
    try:
        with translation.override(lang):
            _study(run, lang)
    except (TrsError, ValueError) as exc:
        run.status, run.failure = ImportStatus.FAILED, str(exc)[:2000]
    else:
        run.status = ImportStatus.DONE
    run.finished_at = now()
    run.save()
    return run.status


@task()
def refresh_monitoring() -> list[int]:
    """Daily: measure the monitoring clause of every arrangement in force from today's data."""
    runs = [
        TrsRun.objects.create(
            kind="monitoring",
            params={"partner": a.partner, "entry_into_force": a.entry_into_force.isoformat()},
        )
        for a in arrangements.arrangements()
        if a.applies
    ]
    for run in runs:
        run_study.enqueue(run.pk)
    return [r.pk for r in runs]


@task()
def border_daily(day: str) -> dict[str, int]:
    """Daily: the lanes of the day's declarations lodged without one, in one batch (the top-up
    rates then serve the next day's intake), and every arrangement's monitoring measured."""
    counts = services.assign_lanes(actor=None, on=date.fromisoformat(day))
    runs = refresh_monitoring.call()
    return {"assigned": sum(counts.values()), "studies": len(runs)}
