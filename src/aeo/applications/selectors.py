from collections.abc import Iterable
from datetime import date

from django.db.models import QuerySet

from aeo.accounts.constants import PROGRAMME_READERS, Role
from aeo.accounts.models import User
from aeo.applications.constants import CLOCK_STATES, DUE_SOON_BUSINESS_DAYS, State
from aeo.applications.models import (
    Application,
    ApplicationEvent,
    Consultation,
    SubmittedCheckSheet,
)
from aeo.core.clock import ClockReading
from aeo.core.now import today
from aeo.registry.constants import OfficeKind
from aeo.supervision.selectors.contacts import managed_operator_ids


def applications_visible_to(user) -> QuerySet[Application]:
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
        if user.office.kind == OfficeKind.AEO_CENTER:
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


Buckets = dict[str, list[tuple[Application, ClockReading]]]


def workload(user, on: date | None = None) -> Buckets:
    """The dashboard: open applications in the user's scope by urgency, soonest due first."""
    return bucket_by_urgency(applications_visible_to(user).filter(state__in=CLOCK_STATES), on)


def bucket_by_urgency(applications: Iterable[Application], on: date | None = None) -> Buckets:
    """Clocked applications (pauses prefetched) by urgency, soonest due first."""
    on = on or today()
    buckets: Buckets = {"overdue": [], "due_soon": [], "paused": [], "on_track": []}
    for app in applications:
        reading = app.clock(on)
        assert reading is not None  # accepted applications have a clock
        if reading.overdue:
            key = "overdue"
        elif reading.paused:
            key = "paused"
        elif reading.remaining_business_days <= DUE_SOON_BUSINESS_DAYS:
            key = "due_soon"
        else:
            key = "on_track"
        buckets[key].append((app, reading))
    for rows in buckets.values():
        rows.sort(key=lambda row: row[1].due_date)
    return buckets


def workload_by_examiner(examiners: Iterable[User], on: date | None = None) -> dict[int, Buckets]:
    """`workload(examiner)` for each examiner (by id), reading the open applications once: an
    examiner of the AEO Center sees them all, one of another office its office's."""
    examiners = list(examiners)
    clocked = list(
        Application.objects.filter(state__in=CLOCK_STATES)
        .select_related("operator__economy", "office", "self_assessment")
        .prefetch_related("pauses")
    )
    by_office: dict[int | None, Buckets] = {}
    result: dict[int, Buckets] = {}
    for examiner in examiners:
        office = examiner.office
        if office is None:
            continue
        scope = None if office.kind == OfficeKind.AEO_CENTER else office.pk
        if scope not in by_office:
            apps = clocked if scope is None else [a for a in clocked if a.office_id == scope]
            by_office[scope] = bucket_by_urgency(apps, on)
        result[examiner.pk] = by_office[scope]
    return result


def awaiting_acceptance(user) -> QuerySet[Application]:
    return applications_visible_to(user).filter(state=State.SUBMITTED).order_by("updated_at")


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
