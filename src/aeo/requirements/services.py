"""Writes: the requirements catalogue (policy officers) and self-assessments (traders).

Every write is atomic and records an audit event; state changes follow the transition maps in
`constants`.
"""

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, models, transaction
from django.db.models import Max, QuerySet
from django.utils.translation import gettext as _

from aeo.core import audit, evidence
from aeo.core.errors import Conflict, DomainError
from aeo.core.now import now
from aeo.core.workflow import open_history, transition
from aeo.registry.constants import OperatorRole
from aeo.registry.models import Operator
from aeo.requirements import catalogue, selectors
from aeo.requirements.constants import (
    ASSESSMENT_WORKFLOW,
    TEMPLATE_WORKFLOW,
    Area,
    AssessmentEventType,
    AssessmentStatus,
    QuestionKind,
    SmeAlternative,
    TemplateEventType,
    TemplateStatus,
)
from aeo.requirements.models import (
    Answer,
    Criterion,
    Evidence,
    Question,
    SelfAssessment,
    TemplateVersion,
)
from aeo.requirements.values import parse_value

CRITERION_FIELDS = ("code", "area", "title", "description", "roles", "sme_alternatives", "position")
QUESTION_FIELDS = ("code", "kind", "text", "help_text", "choices", "required", "position")


# --- The catalogue ---------------------------------------------------------------------------


def _require_policy_officer(actor: Any) -> None:
    if not actor.has_perm("requirements.edit_catalogue"):
        raise PermissionDenied(_("Only policy officers edit the requirements catalogue."))


def _editable(template: TemplateVersion) -> TemplateVersion:
    """The template, locked for the edit; refused unless it is a draft."""
    template = TemplateVersion.objects.select_for_update().get(pk=template.pk)
    if not template.is_editable:
        raise Conflict(
            _("Version %(n)d is %(status)s and cannot be changed; create a new draft.")
            % {"n": template.number, "status": template.get_status_display()},
            code="not_editable",
        )
    return template


@transaction.atomic
def create_draft(*, actor: Any, notes: str = "") -> TemplateVersion:
    """A new draft version, a copy of the current published one (if any)."""
    _require_policy_officer(actor)
    if TemplateVersion.objects.filter(status=TemplateStatus.DRAFT).exists():
        raise Conflict(
            _("A draft version exists already; edit or publish it first."), code="draft_exists"
        )
    source = selectors.current_template()
    number = (TemplateVersion.objects.aggregate(n=Max("number"))["n"] or 0) + 1
    try:
        with transaction.atomic():
            draft = TemplateVersion.objects.create(
                number=number, notes=notes.strip(), based_on=source, created_by=actor
            )
    except IntegrityError as exc:  # another officer created one at the same moment
        raise Conflict(
            _("A draft version exists already; edit or publish it first."), code="draft_exists"
        ) from exc
    if source is not None:
        catalogue.write_criteria(draft, catalogue.read_criteria(source), Criterion, Question)
    open_history(
        actor=actor,
        obj=draft,
        workflow=TEMPLATE_WORKFLOW,
        event=TemplateEventType.DRAFTED,
        comment=notes,
        data={"number": number, "based_on": source and source.number},
    )
    return draft


def _others[M: models.Model](qs: QuerySet[M], pk: int | None) -> QuerySet[M]:
    return qs.exclude(pk=pk) if pk is not None else qs


def _save_item(
    actor: Any,
    template: TemplateVersion,
    target: Criterion | Question,
    fields: tuple[str, ...],
    data: dict[str, Any],
    check: Callable[[TemplateVersion, dict[str, Any], int | None], None],
    kind: str,
) -> None:
    """Apply `data` to a criterion or question of a draft, check it, save it, audit it."""
    adding = target.pk is None
    before = {} if adding else {f: getattr(target, f) for f in fields}
    for name in fields:
        if name in data:
            setattr(target, name, data[name])
    after = {f: getattr(target, f) for f in fields}
    check(template, after, target.pk)
    target.save()
    audit.record(
        actor=actor,
        action=f"{kind}.added" if adding else f"{kind}.changed",
        obj=template,
        changes={f"{target.code}.{k}": v for k, v in audit.diff(before, after).items()},
    )


def _check_criterion(template: TemplateVersion, data: dict[str, Any], pk: int | None) -> None:
    if not str(data.get("code", "")).strip():
        raise DomainError(_("Enter a code."), field="code", code="required")
    if _others(template.criteria.all(), pk).filter(code=data["code"]).exists():
        raise DomainError(
            _("Another criterion of this version has this code."), field="code", code="duplicate"
        )
    if data.get("area") not in Area.values:
        raise DomainError(_("Choose an area."), field="area", code="required")
    if not str(data.get("title", "")).strip():
        raise DomainError(_("Enter a title."), field="title", code="required")
    if set(data.get("roles") or []) - set(OperatorRole.values):
        raise DomainError(_("Unknown role."), field="roles", code="unknown_choice")
    if set(data.get("sme_alternatives") or []) - set(SmeAlternative.values):
        raise DomainError(
            _("Unknown SME alternative."), field="sme_alternatives", code="unknown_choice"
        )


@transaction.atomic
def save_criterion(
    *,
    actor: Any,
    template: TemplateVersion,
    data: dict[str, Any],
    criterion: Criterion | None = None,
) -> Criterion:
    """Add a criterion to a draft, or change one (`data`: any of CRITERION_FIELDS)."""
    _require_policy_officer(actor)
    template = _editable(template)
    if criterion is not None and criterion.template_id != template.pk:
        raise DomainError(
            _("The criterion is not in this version."), field="criterion", code="not_in_template"
        )
    target = criterion or Criterion(template=template, position=template.criteria.count() + 1)
    _save_item(actor, template, target, CRITERION_FIELDS, data, _check_criterion, "criterion")
    return target


def _check_question(template: TemplateVersion, data: dict[str, Any], pk: int | None) -> None:
    if not str(data.get("code", "")).strip():
        raise DomainError(_("Enter a code."), field="code", code="required")
    if _others(template.questions.all(), pk).filter(code=data["code"]).exists():
        raise DomainError(
            _("Another question of this version has this code."), field="code", code="duplicate"
        )
    if data.get("kind") not in QuestionKind.values:
        raise DomainError(_("Choose a kind of answer."), field="kind", code="required")
    if not str(data.get("text", "")).strip():
        raise DomainError(_("Enter the question."), field="text", code="required")
    choices = data.get("choices") or []
    if data["kind"] == QuestionKind.CHOICE and len(set(choices)) < 2:
        raise DomainError(
            _("Give at least two different choices."), field="choices", code="too_few_choices"
        )
    if data["kind"] != QuestionKind.CHOICE and choices:
        raise DomainError(
            _("Only choice questions have choices."), field="choices", code="choices_not_allowed"
        )


@transaction.atomic
def save_question(
    *,
    actor: Any,
    criterion: Criterion,
    data: dict[str, Any],
    question: Question | None = None,
) -> Question:
    """Add a question to a draft's criterion, or change one (`data`: any of QUESTION_FIELDS)."""
    _require_policy_officer(actor)
    template = _editable(criterion.template)
    if question is not None and question.criterion_id != criterion.pk:
        raise DomainError(
            _("The question is not in this criterion."), field="question", code="not_in_template"
        )
    target = question or Question(
        template=template, criterion=criterion, position=criterion.questions.count() + 1
    )
    _save_item(actor, template, target, QUESTION_FIELDS, data, _check_question, "question")
    return target


@transaction.atomic
def publish_template(*, actor: Any, template: TemplateVersion, notes: str = "") -> TemplateVersion:
    """Publish a draft; the version it replaces is superseded (and stays what it was)."""
    _require_policy_officer(actor)
    template = TemplateVersion.objects.select_for_update().get(pk=template.pk)
    criteria = selectors.criteria_for(template)
    if not criteria or any(not c.questions.all() for c in criteria):
        raise Conflict(
            _("Every criterion needs at least one question before the version is published."),
            field=None,
            code="criterion_without_questions",
        )
    previous = selectors.current_template()
    if previous is not None:
        transition(
            actor=actor,
            obj=previous,
            workflow=TEMPLATE_WORKFLOW,
            event=TemplateEventType.SUPERSEDED,
            comment=notes,
            data={"by": template.number},
        )
    fields: dict[str, Any] = {"published_at": now(), "published_by": actor}
    if notes.strip():
        fields["notes"] = notes.strip()
    return transition(
        actor=actor,
        obj=template,
        workflow=TEMPLATE_WORKFLOW,
        event=TemplateEventType.PUBLISHED,
        fields=fields,
        comment=notes,
    )


# --- Self-assessments ------------------------------------------------------------------------


def _open_for_writing(actor: Any, self_assessment: SelfAssessment) -> SelfAssessment:
    """The self-assessment, locked; refused unless `actor` may fill it and it is a draft."""
    if not actor.has_perm("requirements.fill_self_assessment", self_assessment):
        raise PermissionDenied(_("You may not change this self-assessment."))
    locked = (
        SelfAssessment.objects.select_for_update()
        .select_related("operator__economy", "template")
        .get(pk=self_assessment.pk)
    )
    if not locked.is_open:
        raise Conflict(
            _("The self-assessment has been submitted; it accepts no changes until reopened."),
            code="submitted",
        )
    return locked


def _applicable(self_assessment: SelfAssessment, question: Question) -> Question:
    found = selectors.applicable_question(self_assessment, question.pk)
    if found is None:
        raise DomainError(
            _("Question %(code)s is not part of this self-assessment.") % {"code": question.code},
            field="question",
            code="not_applicable",
        )
    return found


@transaction.atomic
def create_self_assessment(*, actor: Any, operator: Operator) -> SelfAssessment:
    """A draft on the current published template; an operator's open draft if it has one."""
    if not actor.has_perm("requirements.start_self_assessment", operator):
        raise PermissionDenied(_("You may only fill a self-assessment for your own company."))
    Operator.objects.select_for_update().filter(pk=operator.pk).first()  # one at a time
    existing = selectors.open_self_assessment(operator.pk)
    if existing is not None:
        return existing
    if SelfAssessment.objects.filter(
        operator=operator, status=AssessmentStatus.SUBMITTED, applications__closed_at__isnull=True
    ).exists():
        raise Conflict(
            _(
                "Your self-assessment is with customs on an application in progress; it "
                "reopens if they return the application or ask for more information."
            ),
            code="with_customs",
        )
    template = selectors.current_template()
    if template is None:
        raise Conflict(
            _("No requirements template has been published yet."), field=None, code="no_template"
        )
    self_assessment = SelfAssessment.objects.create(
        operator=operator, template=template, created_by=actor
    )
    open_history(
        actor=actor,
        obj=self_assessment,
        workflow=ASSESSMENT_WORKFLOW,
        event=AssessmentEventType.CREATED,
        data={"template": template.number, "operator": operator.tin},
    )
    return self_assessment


@transaction.atomic
def answer_question(
    *,
    actor: Any,
    self_assessment: SelfAssessment,
    question: Question,
    value: Any,
    sme_alternative: str = "",
) -> Answer:
    """Save one answer (a blank value clears it); each answer is saved on its own."""
    self_assessment = _open_for_writing(actor, self_assessment)
    question = _applicable(self_assessment, question)
    stored = parse_value(question, value)
    sme_alternative = (sme_alternative or "").strip()
    if sme_alternative:
        if sme_alternative not in question.criterion.sme_alternatives:
            raise DomainError(
                _("This requirement accepts no such alternative."),
                field="sme_alternative",
                code="unknown_choice",
            )
        if not self_assessment.operator.is_sme:
            raise DomainError(
                _("SME alternatives are open to small and medium-sized enterprises only."),
                field="sme_alternative",
                code="not_sme",
            )
    answer, created = Answer.objects.get_or_create(
        self_assessment=self_assessment,
        question=question,
        defaults={"value": stored, "sme_alternative": sme_alternative, "answered_by": actor},
    )
    before = {} if created else {"value": answer.value, "sme_alternative": answer.sme_alternative}
    answer.value, answer.sme_alternative, answer.answered_by = stored, sme_alternative, actor
    answer.save()
    changes = audit.diff(before, {"value": stored, "sme_alternative": sme_alternative})
    if changes:
        self_assessment.save(update_fields=["updated_at"])
        audit.record(
            actor=actor,
            action="self_assessment.answered",
            obj=self_assessment,
            changes={f"{question.code}.{k}": v for k, v in changes.items()},
        )
    return answer


@transaction.atomic
def upload_evidence(
    *,
    actor: Any,
    self_assessment: SelfAssessment,
    question: Question,
    upload: UploadedFile,
) -> Evidence:
    """Attach a checked file to a question; the stored path is random, the name kept aside."""
    self_assessment = _open_for_writing(actor, self_assessment)
    question = _applicable(self_assessment, question)
    file_type = evidence.check_upload(upload)
    name = evidence.safe_name(upload)
    item = Evidence(
        self_assessment=self_assessment,
        question=question,
        name=name,
        size=upload.size or 0,
        sha256=evidence.sha256(upload),
        content_type=file_type.content_type,
        uploaded_by=actor,
    )
    item.file.save(name, upload, save=False)
    try:
        with transaction.atomic():
            item.save()
            self_assessment.save(update_fields=["updated_at"])
            audit.record(
                actor=actor,
                action="self_assessment.evidence_uploaded",
                obj=self_assessment,
                changes={
                    f"{question.code}.evidence": [None, f"{name} ({item.size} B, {item.sha256})"]
                },
            )
    except Exception:
        item.file.delete(save=False)  # no stored file without its row
        raise
    return item


@transaction.atomic
def withdraw_evidence(*, actor: Any, item: Evidence) -> Evidence:
    """Take a file off a draft (kept in storage and in the audit trail, no longer counted)."""
    _open_for_writing(actor, item.self_assessment)
    item = Evidence.objects.select_for_update().get(pk=item.pk)
    if item.withdrawn_at is None:
        item.withdrawn_at = now()
        item.save(update_fields=["withdrawn_at"])
        audit.record(
            actor=actor,
            action="self_assessment.evidence_withdrawn",
            obj=item.self_assessment,
            changes={f"{item.question.code}.evidence": [item.name, None]},
        )
    return item


def _snapshot(self_assessment: SelfAssessment, roles: list[str], at: Any) -> dict[str, Any]:
    return {
        "template_version": self_assessment.template.number,
        "operator_tin": self_assessment.operator.tin,
        "roles": roles,
        "answers": [
            {
                "question_code": row.question.code,
                "criterion_code": section.criterion.code,
                "text": row.question.text,
                "kind": row.question.kind,
                "value": row.answer.value if row.answer else None,
                "sme_alternative": row.answer.sme_alternative if row.answer else "",
                "evidence": [
                    {"id": e.pk, "name": e.name, "size": e.size, "sha256": e.sha256}
                    for e in row.evidence
                ],
            }
            for section in selectors.check_sheet(self_assessment)
            for row in section.rows
        ],
        "frozen_at": at.isoformat(),
    }


@transaction.atomic
def freeze(*, actor: Any, self_assessment: SelfAssessment) -> dict[str, Any]:
    """Lock a gap-free self-assessment (submitted) and return its JSON snapshot."""
    self_assessment = _open_for_writing(actor, self_assessment)
    remaining = selectors.gaps(self_assessment)
    if remaining:
        raise Conflict(
            _("The self-assessment has %(n)d gap(s) to resolve before it can be submitted.")
            % {"n": len(remaining)},
            field=None,
            code="check_sheet_gaps",
        )
    at = now()
    snapshot = _snapshot(self_assessment, selectors.assessment_roles(self_assessment), at)
    transition(
        actor=actor,
        obj=self_assessment,
        workflow=ASSESSMENT_WORKFLOW,
        event=AssessmentEventType.SUBMITTED,
        fields={"submitted_at": at, "snapshot": snapshot},
    )
    return snapshot


@transaction.atomic
def reopen(*, actor: Any, self_assessment: SelfAssessment, reason: str) -> SelfAssessment:
    """Back to draft, e.g. when the application is returned or information is requested."""
    if not (reason or "").strip():
        raise DomainError(_("Give the reason for reopening."), field="reason", code="required")
    if selectors.open_self_assessment(self_assessment.operator_id) not in (None, self_assessment):
        raise Conflict(
            _("The operator has another open self-assessment."), code="other_open_assessment"
        )
    return transition(
        actor=actor,
        obj=self_assessment,
        workflow=ASSESSMENT_WORKFLOW,
        event=AssessmentEventType.REOPENED,
        fields={"snapshot": {}, "submitted_at": None},
        comment=reason.strip(),
    )
