from datetime import datetime

from ninja import Field, Schema

from aeo.core.bounds import BoundedJson
from aeo.registry.constants import OperatorRole
from aeo.requirements.constants import (
    Area,
    AssessmentStatus,
    GapReason,
    QuestionKind,
    SmeAlternative,
)

# An answer as JSON: true/false, a number, a string (choice, text, YYYY-MM-DD date) or null.
AnswerValue = bool | int | float | str | None


class QuestionOut(Schema):
    id: int
    code: str
    text: str
    help_text: str
    kind: QuestionKind
    choices: list[str]
    required: bool


class CriterionOut(Schema):
    code: str
    area: Area
    title: str
    description: str
    roles: list[OperatorRole] = Field(description="Empty: all roles.")
    sme_alternatives: list[SmeAlternative]
    questions: list[QuestionOut]


class TemplateOut(Schema):
    version: int = Field(alias="number")
    published_at: datetime | None
    criteria: list[CriterionOut]


class OperatorRef(Schema):
    id: int
    tin: str
    legal_name: str


class EvidenceOut(Schema):
    id: int
    question_code: str
    name: str
    size: int
    sha256: str
    content_type: str
    uploaded_at: datetime
    download_url: str


class ProgressOut(Schema):
    answered: int
    total: int


class GapOut(Schema):
    question_code: str
    criterion_code: str
    reason: GapReason
    message: str


class AnswerOut(Schema):
    question_code: str
    value: AnswerValue
    sme_alternative: SmeAlternative | None
    answered_at: datetime | None
    evidence: list[EvidenceOut]


class SelfAssessmentSummary(Schema):
    id: int
    operator: OperatorRef
    template_version: int
    status: AssessmentStatus
    created_at: datetime
    updated_at: datetime
    submitted_at: datetime | None
    progress: ProgressOut


class SelfAssessmentOut(SelfAssessmentSummary):
    roles: list[OperatorRole]
    ready: bool = Field(description="No gaps remain: the check sheet can be submitted.")
    gaps: list[GapOut]
    answers: list[AnswerOut]


class AnswerIn(Schema):
    # Any JSON: the service checks it against the question's kind and names the field.
    value: BoundedJson = Field(
        None, description="yes_no: true/false; number; choice/text: string; date: YYYY-MM-DD."
    )
    sme_alternative: SmeAlternative | None = None


class AnswerSaved(Schema):
    answer: AnswerOut
    progress: ProgressOut
    gaps: int
