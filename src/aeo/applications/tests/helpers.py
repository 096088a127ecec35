"""Test helpers: a trader whose check sheet is complete, and applications in any state."""

from django.core.files.uploadedfile import SimpleUploadedFile

from aeo.accounts.constants import Role
from aeo.applications import services
from aeo.applications.models import Application
from aeo.registry.models import CustomsOffice
from aeo.registry.tests.factories import OperatorFactory, TraderFactory, UserFactory
from aeo.requirements import selectors as requirement_selectors
from aeo.requirements import services as requirement_services
from aeo.requirements.constants import QuestionKind

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"
ANSWERS = {
    QuestionKind.YES_NO: True,
    QuestionKind.TEXT: "Documented in our compliance manual, section 3.",
    QuestionKind.NUMBER: 3,
    QuestionKind.DATE: "2026-01-15",
}


def complete_self_assessment(trader, self_assessment) -> None:
    for row in requirement_selectors.rows(self_assessment):
        question = row.question
        if question.kind == QuestionKind.EVIDENCE:
            upload = SimpleUploadedFile("evidence.pdf", PDF, content_type="application/pdf")
            requirement_services.upload_evidence(
                actor=trader, self_assessment=self_assessment, question=question, upload=upload
            )
        else:
            value = (
                question.choices[0]
                if question.kind == QuestionKind.CHOICE
                else (ANSWERS[question.kind])
            )
            requirement_services.answer_question(
                actor=trader, self_assessment=self_assessment, question=question, value=value
            )
    assert requirement_selectors.gaps(self_assessment) == []


def trader_in_tokyo(employees: int = 40, roles: tuple[str, ...] = ("importer",)):
    operator = OperatorFactory(employee_count=employees, roles=list(roles))
    return TraderFactory(operator=operator)


def tokyo_examiner(**kwargs):
    return UserFactory(role=Role.EXAMINER, office=CustomsOffice.objects.get(code="TOKYO"), **kwargs)


def submitted_application(trader) -> Application:
    application = services.create_application(actor=trader)
    complete_self_assessment(trader, application.self_assessment)
    return services.submit_application(actor=trader, application=application)
