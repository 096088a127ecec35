"""Demo applications in every stage, so that dashboards, clocks and the register have content."""

import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile

from aeo.accounts import services as account_services
from aeo.accounts.constants import Role
from aeo.accounts.models import User
from aeo.applications import services
from aeo.applications.models import Application
from aeo.core.business_days import add_business_days
from aeo.core.now import today as local_today
from aeo.core.now import travel
from aeo.registry import selectors as registry_selectors
from aeo.registry.models import Operator
from aeo.requirements import selectors as requirement_selectors
from aeo.requirements import services as requirement_services
from aeo.requirements.constants import QuestionKind

# A minimal valid PDF: what a trader's scanned certificate would be, for the check sheet.
SAMPLE_PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
TYPED_ANSWERS: dict[str, object] = {
    QuestionKind.YES_NO: True,
    QuestionKind.TEXT: "Described in our compliance manual, chapter 3; reviewed yearly.",
    QuestionKind.NUMBER: 2,
    QuestionKind.DATE: "2026-04-01",
}
# (final stage, business days since acceptance) for the demo applications.
STAGES = [
    ("submitted", 0),
    ("submitted", 0),
    ("under_examination", 12),
    ("under_examination", 55),
    ("under_examination", 95),
    ("paused", 30),
    ("validated", 70),
    ("authorized", 80),
    ("authorized", 64),
    ("authorized", 100),
    ("refused", 88),
    ("returned", 0),
]


def fill_check_sheet(actor: User, self_assessment) -> None:
    """Answer every applicable question as a well-prepared applicant would."""
    for row in requirement_selectors.rows(self_assessment):
        question = row.question
        if question.kind == QuestionKind.EVIDENCE:
            upload = SimpleUploadedFile("evidence.pdf", SAMPLE_PDF, "application/pdf")
            requirement_services.upload_evidence(
                actor=actor, self_assessment=self_assessment, question=question, upload=upload
            )
        else:
            value = (
                question.choices[0]
                if question.kind == QuestionKind.CHOICE
                else TYPED_ANSWERS[question.kind]
            )
            requirement_services.answer_question(
                actor=actor, self_assessment=self_assessment, question=question, value=value
            )


def _applicant(operator: Operator) -> User:
    username = f"applicant.{operator.tin}"
    return User.objects.filter(username=username).first() or account_services.create_user(
        actor=None, username=username, role=Role.TRADER, password=None, operator=operator
    )


def _accepted_on(operator: Operator, business_days: int) -> date:
    """The day from which `business_days` business days have passed by today."""
    today = local_today()
    start = today - timedelta(days=business_days * 7 // 5 + 1)
    calendar = operator.economy.calendar_code
    while add_business_days(calendar, start, business_days) > today:
        start -= timedelta(days=1)
    return start


def local_time(day: date, hour: int) -> datetime:
    return datetime.combine(day, time(hour), tzinfo=ZoneInfo(settings.TIME_ZONE))


def build_applications(rng: random.Random, examiner: User) -> None:
    """A dozen applications in every stage, their past lived through the services themselves
    at the dates it happened (`travel`), so that clocks, timelines and inboxes agree."""
    if Application.objects.exists():
        return
    candidates = [
        operator
        for operator in Operator.objects.filter(region__office=examiner.office, users__isnull=True)
        .order_by("tin")
        .prefetch_related("roles")
        if registry_selectors.admitted_roles(operator)
    ]
    rng.shuffle(candidates)
    today = local_today()
    for operator, (stage, age) in zip(candidates, STAGES, strict=False):
        accepted = _accepted_on(operator, age)
        opened = accepted - timedelta(days=5)
        trader = _applicant(operator)
        with travel(local_time(opened, 9)):
            application = services.create_application(actor=trader)
            fill_check_sheet(trader, application.self_assessment)
            application = services.submit_application(actor=trader, application=application)
        if stage == "submitted":
            continue
        if stage == "returned":
            with travel(local_time(opened + timedelta(days=2), 10)):
                services.return_application(
                    actor=examiner,
                    application=application,
                    comment="Please attach the latest internal audit report.",
                )
            continue
        with travel(local_time(accepted, 10)):
            application = services.accept_application(actor=examiner, application=application)
        if stage == "paused":
            paused_on = max(accepted, today - timedelta(days=10))
            with travel(local_time(paused_on, 11)):
                services.request_information(
                    actor=examiner,
                    application=application,
                    request="Please send your business partners' security declarations.",
                    resume_by=today + timedelta(days=21),
                )
        elif stage in ("validated", "authorized", "refused"):
            visited = max(accepted, today - timedelta(days=3))
            with travel(local_time(visited, 15)):
                services.record_validation_visit(
                    actor=examiner,
                    application=application,
                    visited_on=visited,
                    findings="Premises, access control and records inspected.",
                    satisfactory=stage != "refused",
                )
            if stage == "validated":
                continue
            with travel(local_time(max(visited, today - timedelta(days=1)), 16)):
                if stage == "authorized":
                    services.decide_application(
                        actor=examiner, application=application, outcome="authorized"
                    )
                else:
                    services.decide_application(
                        actor=examiner,
                        application=application,
                        outcome="refused",
                        reasons=["security"],
                        text="Perimeter fencing and seal control do not yet meet the requirement.",
                    )
