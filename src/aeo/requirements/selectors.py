from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count, JSONNull, Prefetch, QuerySet, prefetch_related_objects
from django.utils.translation import gettext as _

from aeo.accounts.constants import PROGRAMME_READERS, Role
from aeo.requirements.constants import AssessmentStatus, GapReason, QuestionKind, TemplateStatus
from aeo.requirements.models import (
    Answer,
    Criterion,
    Evidence,
    EvidenceQuerySet,
    Question,
    SelfAssessment,
    TemplateVersion,
)
from aeo.supervision.selectors.contacts import managed_operator_ids


@dataclass(frozen=True)
class Gap:
    question: Question
    reason: GapReason
    message: str


def is_answered(kind: str, *, has_value: bool, evidence_count: int) -> bool:
    """The one rule for "answered": an evidence question by its files, others by a value."""
    if kind == QuestionKind.EVIDENCE:
        return evidence_count > 0
    return has_value


@dataclass
class Row:
    """One question of a check sheet with its answer, evidence and gap (if any)."""

    question: Question
    answer: Answer | None
    evidence: list[Evidence]

    @property
    def value(self) -> object:
        return self.answer.value if self.answer else None

    @property
    def answered(self) -> bool:
        return is_answered(
            self.question.kind,
            has_value=self.answer is not None and self.answer.value is not None,
            evidence_count=len(self.evidence),
        )

    @property
    def gap(self) -> Gap | None:
        question, answer = self.question, self.answer
        sme_alternative = answer.sme_alternative if answer else ""
        if not self.answered:
            if not question.required:
                return None
            if question.kind == QuestionKind.EVIDENCE:
                return Gap(question, GapReason.EVIDENCE_MISSING, _("Upload the evidence."))
            return Gap(question, GapReason.UNANSWERED, _("Answer this question."))
        # A "no" meets the bar only through an accepted alternative, with its evidence.
        if question.kind == QuestionKind.YES_NO and self.value is False and not sme_alternative:
            return Gap(question, GapReason.NOT_MET, _("The requirement is not met."))
        if sme_alternative and not self.evidence:
            return Gap(
                question,
                GapReason.EVIDENCE_MISSING,
                _(
                    "Upload evidence of the third-party arrangement (contract, report or "
                    "certificate)."
                ),
            )
        return None


@dataclass
class Section:
    criterion: Criterion
    rows: list[Row] = field(default_factory=list)

    @property
    def answered(self) -> int:
        return sum(row.answered for row in self.rows)

    @property
    def complete(self) -> bool:
        return all(row.gap is None for row in self.rows)

    @property
    def gap_count(self) -> int:
        return sum(row.gap is not None for row in self.rows)


def current_template() -> TemplateVersion | None:
    return TemplateVersion.objects.filter(status=TemplateStatus.PUBLISHED).first()


def template_versions() -> QuerySet[TemplateVersion]:
    return TemplateVersion.objects.select_related("created_by", "published_by")


def criteria_for(template: TemplateVersion, roles: Iterable[str] | None = None) -> list[Criterion]:
    """The template's criteria with their questions; only those for `roles` unless None."""
    criteria = template.criteria.prefetch_related(
        Prefetch("questions", queryset=Question.objects.order_by("position", "code"))
    )
    if roles is None:
        return list(criteria)
    role_set = set(roles)
    return [c for c in criteria if c.applies_to(role_set)]


def assessment_roles(self_assessment: SelfAssessment) -> list[str]:
    """The roles a check sheet covers: the operator's roles (as they were when submitted)."""
    if self_assessment.status == AssessmentStatus.SUBMITTED and self_assessment.snapshot:
        return list(self_assessment.snapshot["roles"])
    return self_assessment.operator.role_codes


def applicable_question(self_assessment: SelfAssessment, ref: str | int) -> Question | None:
    """A question of the self-assessment's template by code or id, if it applies to it."""
    questions = Question.objects.filter(template_id=self_assessment.template_id)
    ref = str(ref).strip()
    by_id = ref.isascii() and ref.isdigit()
    question = questions.filter(pk=int(ref)) if by_id else questions.filter(code=ref)
    found = question.select_related("criterion").first()
    if found is None or not found.criterion.applies_to(assessment_roles(self_assessment)):
        return None
    return found


def check_sheet(self_assessment: SelfAssessment) -> list[Section]:
    answers = {a.question_id: a for a in self_assessment.answers.all()}
    evidence: dict[int, list[Evidence]] = defaultdict(list)
    active = Evidence.objects.active().filter(self_assessment=self_assessment)
    for item in active.select_related("question"):
        evidence[item.question_id].append(item)
    return [
        Section(
            criterion,
            [Row(q, answers.get(q.pk), evidence[q.pk]) for q in criterion.questions.all()],
        )
        for criterion in criteria_for(self_assessment.template, assessment_roles(self_assessment))
    ]


def rows(self_assessment: SelfAssessment) -> list[Row]:
    return [row for section in check_sheet(self_assessment) for row in section.rows]


def gaps(self_assessment: SelfAssessment) -> list[Gap]:
    return [row.gap for row in rows(self_assessment) if row.gap is not None]


def progress(self_assessment: SelfAssessment) -> tuple[int, int]:
    """(answered, total) questions that apply to the operator."""
    return progress_for([self_assessment])[self_assessment.pk]


def progress_for(self_assessments: Iterable[SelfAssessment]) -> dict[int, tuple[int, int]]:
    """(answered, total) applicable questions for each self-assessment, by id.

    The same numbers as counting `Row.answered` over `rows(sa)`, in a fixed number of
    queries whatever the number of self-assessments: criteria and questions of their
    templates, answers with a value and active evidence per question (grouped), and the
    operators' roles (unless already prefetched).
    """
    sas = list(self_assessments)
    if not sas:
        return {}
    prefetch_related_objects(sas, "operator__roles")
    template_ids = {sa.template_id for sa in sas}
    sa_ids = [sa.pk for sa in sas]
    criteria: dict[int, list[Criterion]] = defaultdict(list)  # template -> its criteria
    for criterion in Criterion.objects.filter(template_id__in=template_ids).only(
        "id", "template_id", "roles"
    ):
        criteria[criterion.template_id].append(criterion)
    questions: dict[int, list[tuple[int, str]]] = defaultdict(list)  # criterion -> (id, kind)
    for q_id, criterion_id, kind in Question.objects.filter(
        criterion__template_id__in=template_ids
    ).values_list("id", "criterion_id", "kind"):
        questions[criterion_id].append((q_id, kind))
    # A value of SQL NULL or JSON null reads back as None: neither counts as answered.
    valued = (
        Answer.objects.filter(self_assessment_id__in=sa_ids, value__isnull=False)
        .exclude(value=JSONNull())
        .values_list("self_assessment_id", "question_id")
    )
    with_value = set(valued)
    evidence_counts = {
        (row["self_assessment_id"], row["question_id"]): row["n"]
        for row in Evidence.objects.active()
        .filter(self_assessment_id__in=sa_ids)
        .values("self_assessment_id", "question_id")
        .annotate(n=Count("id"))
        .order_by()
    }
    result: dict[int, tuple[int, int]] = {}
    for sa in sas:
        roles = set(assessment_roles(sa))
        answered = total = 0
        for criterion in criteria[sa.template_id]:
            if not criterion.applies_to(roles):
                continue
            for q_id, kind in questions[criterion.pk]:
                total += 1
                key = (sa.pk, q_id)
                answered += is_answered(
                    kind,
                    has_value=key in with_value,
                    evidence_count=evidence_counts.get(key, 0),
                )
        result[sa.pk] = (answered, total)
    return result


def self_assessments_visible_to(user) -> QuerySet[SelfAssessment]:
    """A trader its own operator's; examiners those routed to their unit (the AEO Center
    all); account managers their operators'; programme-wide officials all; others none."""
    # The economy prefetched, not joined (docs/architecture.md: a small table in a list's join).
    qs = SelfAssessment.objects.select_related("operator", "template").prefetch_related(
        "operator__economy", "operator__roles"
    )
    if not user.is_authenticated:
        return qs.none()
    if user.is_superuser or user.role in PROGRAMME_READERS:
        return qs
    if user.role == Role.TRADER and user.operator_id:
        return qs.filter(operator_id=user.operator_id)
    if user.role == Role.EXAMINER and user.office is not None:
        if user.office.is_aeo_center:
            return qs
        return qs.filter(applications__office_id=user.office_id).distinct()
    if user.role == Role.ACCOUNT_MANAGER:
        return qs.filter(operator_id__in=managed_operator_ids(user))
    return qs.none()


def open_self_assessment(operator_id: int) -> SelfAssessment | None:
    return SelfAssessment.objects.filter(
        operator_id=operator_id, status=AssessmentStatus.DRAFT
    ).first()


def evidence_visible_to(user) -> EvidenceQuerySet:
    return (
        Evidence.objects.active()
        .filter(self_assessment__in=self_assessments_visible_to(user))
        .select_related("self_assessment")
    )
