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
from aeo.supervision.selectors import managed_operator_ids


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


def workload(user, on: date | None = None) -> dict[str, list[tuple[Application, ClockReading]]]:
    """The dashboard: open applications in the user's scope by urgency, soonest due first."""
    on = on or today()
    buckets: dict[str, list[tuple[Application, ClockReading]]] = {
        "overdue": [],
        "due_soon": [],
        "paused": [],
        "on_track": [],
    }
    clocked = applications_visible_to(user).filter(state__in=CLOCK_STATES)
    for app in clocked:
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
