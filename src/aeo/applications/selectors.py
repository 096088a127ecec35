from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, QuerySet

from aeo.accounts.constants import PROGRAMME_READERS, Role
from aeo.accounts.models import User
from aeo.applications.models import (
    AWAITING,
    URGENCY,
    Application,
    ApplicationEvent,
    ApplicationQuerySet,
    Consultation,
    SubmittedCheckSheet,
    bucket,
)
from aeo.core.clock import ClockReading
from aeo.core.now import today
from aeo.supervision.selectors.contacts import managed_operator_ids


def applications_visible_to(user) -> ApplicationQuerySet:
    qs = Application.objects.select_related(
        "operator__economy", "office", "self_assessment"
    ).prefetch_related("pauses")
    if not user.is_authenticated:
        return qs.none()
    if user.role == Role.TRADER:
        return qs.filter(operator_id=user.operator_id)
    if user.role in PROGRAMME_READERS or user.is_superuser:
        return qs
    if user.role == Role.EXAMINER and user.office is not None:
        if user.office.is_aeo_center:
            return qs
        return qs.filter(office_id=user.office_id)
    if user.role == Role.ACCOUNT_MANAGER:
        return qs.filter(operator_id__in=managed_operator_ids(user))
    return qs.none()


def consultations_visible_to(user) -> QuerySet[Consultation]:
    qs = Consultation.objects.select_related("operator", "account_manager")
    if not user.is_authenticated:
        return qs.none()
    if user.role == Role.TRADER:
        return qs.filter(operator_id=user.operator_id)
    if user.role == Role.ACCOUNT_MANAGER:
        return qs.filter(account_manager=user)
    if user.is_customs:
        return qs
    return qs.none()


def history(application: Application) -> QuerySet[ApplicationEvent]:
    return application.events.select_related("actor")


def examiners_of(application: Application) -> QuerySet[User]:
    return User.objects.filter(role=Role.EXAMINER, office=application.office, is_active=True)


def traders_of(application: Application) -> QuerySet[User]:
    return User.objects.filter(role=Role.TRADER, operator=application.operator, is_active=True)


# Rows of each bucket shown on the dashboard; the list page (`?urgency=`) has them all.
DASHBOARD_ROWS = 10


@dataclass(frozen=True)
class Bucket:
    count: int
    rows: list[tuple[Application, ClockReading]]  # the first DASHBOARD_ROWS, soonest due first


Buckets = dict[str, Bucket]


def urgency_counts(qs: ApplicationQuerySet, on: date) -> dict[str, int]:
    """How many of `qs` fall in each bucket on day `on`: one indexed query."""
    return qs.clocked().aggregate(
        **{name: Count("pk", filter=bucket(name, on)) for name in URGENCY}
    )


def list_rows(qs: QuerySet[Application]) -> QuerySet[Application]:
    """What a row of a list shows (the operator's name, the unit, the clock): without the joins
    an application's own page reads (its economy, its self-assessment and the snapshot in it)."""
    return qs.select_related(None).select_related("operator", "office")


def clock_rows(qs: QuerySet[Application], on: date) -> list[tuple[Application, ClockReading]]:
    """Each application of `qs` (a page) with its clock as of `on`: stored that day, or
    recomputed by the one clock (pauses prefetched)."""
    rows = []
    for app in qs.prefetch_related("pauses"):
        reading = app.current_clock(on)
        assert reading is not None  # accepted applications have a clock
        rows.append((app, reading))
    return rows


def workload(user, on: date | None = None) -> Buckets:
    """The dashboard: open applications in the user's scope by urgency, with their count and
    the soonest due of each; the same queries at any size (indexed on the stored clock)."""
    on = on or today()
    qs = applications_visible_to(user)
    counts = urgency_counts(qs, on)
    shown = {
        name: list(qs.urgency(name, on).values_list("pk", flat=True)[:DASHBOARD_ROWS])
        for name in URGENCY
    }
    listed = list_rows(qs.filter(pk__in=[pk for pks in shown.values() for pk in pks]))
    by_pk = {app.pk: (app, reading) for app, reading in clock_rows(listed, on)}
    return {
        name: Bucket(counts[name], [by_pk[pk] for pk in shown[name] if pk in by_pk])
        for name in URGENCY
    }


def workload_by_examiner(examiners: Iterable[User], on: date | None = None) -> dict[int, dict]:
    """Bucket counts (`urgency_counts`) in each examiner's scope (by id), in one query per
    distinct scope: an examiner of the AEO Center sees them all, one of another office its
    office's."""
    on = on or today()
    by_office: dict[int | None, dict[str, int]] = {}
    result: dict[int, dict[str, int]] = {}
    for examiner in examiners:
        office = examiner.office
        if office is None:
            continue
        scope = None if office.is_aeo_center else office.pk
        if scope not in by_office:
            qs = Application.objects.all()
            by_office[scope] = urgency_counts(
                qs if scope is None else qs.filter(office_id=scope), on
            )
        result[examiner.pk] = by_office[scope]
    return result


def awaiting_acceptance(user) -> QuerySet[Application]:
    return applications_visible_to(user).filter(AWAITING).order_by("updated_at")


def check_sheet_versions(application: Application) -> list[tuple[SubmittedCheckSheet, list[str]]]:
    """Each frozen copy of the check sheet, with the questions whose answer or evidence differs
    from the copy before it (all of them for the first)."""
    versions: list[tuple[SubmittedCheckSheet, list[str]]] = []
    previous: dict[str, tuple] = {}
    for copy in application.check_sheets.all():
        answers = {a["question_code"]: _comparable(a) for a in copy.content.get("answers", [])}
        changed = [code for code, answer in answers.items() if previous.get(code) != answer]
        versions.append((copy, changed))
        previous = answers
    return versions


def _comparable(answer: dict) -> tuple:
    return (
        answer.get("value"),
        answer.get("sme_alternative"),
        tuple(e["sha256"] for e in answer.get("evidence", [])),
    )
