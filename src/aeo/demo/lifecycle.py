"""Demo applications in every stage, so that dashboards, clocks and the register have content."""

import random
from datetime import UTC, datetime, time, timedelta

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from aeo.accounts import services as account_services
from aeo.accounts.constants import Role
from aeo.accounts.models import User
from aeo.applications import services
from aeo.applications.models import Application
from aeo.core.business_days import add_business_days
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


def _backdate(application: Application, business_days: int) -> None:
    """Move acceptance into the past so that the demo clocks show days elapsed."""
    today = timezone.localdate()
    start = today - timedelta(days=business_days * 7 // 5 + 1)
    calendar = application.operator.economy.calendar_code
    while add_business_days(calendar, start, business_days) > today:
        start -= timedelta(days=1)
    paused_on = max(start, today - timedelta(days=10))
    Application.objects.filter(pk=application.pk).update(accepted_on=start)
    application.accepted_on = start
    application.pauses.update(started_on=paused_on)
    opened = datetime.combine(start - timedelta(days=5), time(9), tzinfo=UTC)
    events = application.events
    events.filter(action__in=["created", "submitted"]).update(at=opened)
    events.filter(action="accepted").update(at=datetime.combine(start, time(10), tzinfo=UTC))
    events.filter(action="information_requested").update(
        at=datetime.combine(paused_on, time(11), tzinfo=UTC)
    )


def build_applications(rng: random.Random, examiner: User) -> None:
    if Application.objects.exists():
        return
    candidates = list(
        Operator.objects.filter(region__office=examiner.office, users__isnull=True)
        .order_by("tin")
        .prefetch_related("roles")
    )
    rng.shuffle(candidates)
    today = timezone.localdate()
    for operator, (stage, age) in zip(candidates, STAGES, strict=False):
        trader = _applicant(operator)
        application = services.create_application(actor=trader)
        fill_check_sheet(trader, application.self_assessment)
        application = services.submit_application(actor=trader, application=application)
        if stage == "submitted":
            continue
        if stage == "returned":
            services.return_application(
                actor=examiner,
                application=application,
                comment="Please attach the latest internal audit report.",
            )
            continue
        application = services.accept_application(actor=examiner, application=application)
        if stage == "paused":
            services.request_information(
                actor=examiner,
                application=application,
                request="Please send your business partners' security declarations.",
                resume_by=today + timedelta(days=21),
            )
        elif stage in ("validated", "authorized", "refused"):
            services.record_validation_visit(
                actor=examiner,
                application=application,
                visited_on=today,
                findings="Premises, access control and records inspected.",
                satisfactory=stage != "refused",
            )
            if stage == "authorized":
                services.decide_application(
                    actor=examiner, application=application, outcome="authorized"
                )
            elif stage == "refused":
                services.decide_application(
                    actor=examiner,
                    application=application,
                    outcome="refused",
                    reasons=["security"],
                    text="Perimeter fencing and seal control do not yet meet the requirement.",
                )
        _backdate(application, age)
