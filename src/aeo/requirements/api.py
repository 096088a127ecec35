from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext as _
from ninja import File, Query, Router, Status, UploadedFile

from aeo.accounts.http import AuthedRequest
from aeo.core import evidence
from aeo.core.bounds import ObjectId
from aeo.core.errors import DomainError
from aeo.registry.constants import OperatorRole
from aeo.requirements import selectors, services
from aeo.requirements.models import Evidence, Question, SelfAssessment
from aeo.requirements.schemas import (
    AnswerIn,
    AnswerSaved,
    EvidenceOut,
    SelfAssessmentOut,
    SelfAssessmentSummary,
    TemplateOut,
)

router = Router(tags=["requirements"])


def _evidence_out(item: Evidence) -> dict[str, Any]:
    return {
        "id": item.pk,
        "question_code": item.question.code,
        "name": item.name,
        "size": item.size,
        "sha256": item.sha256,
        "content_type": item.content_type,
        "uploaded_at": item.uploaded_at,
        "download_url": reverse("api:download_evidence", kwargs={"evidence_id": item.pk}),
    }


def _answer_out(row: selectors.Row) -> dict[str, Any]:
    answer = row.answer
    return {
        "question_code": row.question.code,
        "value": answer.value if answer else None,
        "sme_alternative": (answer.sme_alternative or None) if answer else None,
        "answered_at": answer.answered_at if answer else None,
        "evidence": [_evidence_out(e) for e in row.evidence],
    }


def _summary(sa: SelfAssessment, progress: tuple[int, int]) -> dict[str, Any]:
    return {
        "id": sa.pk,
        "operator": sa.operator,
        "template_version": sa.template.number,
        "status": sa.status,
        "created_at": sa.created_at,
        "updated_at": sa.updated_at,
        "submitted_at": sa.submitted_at,
        "progress": {"answered": progress[0], "total": progress[1]},
    }


def _detail(sa: SelfAssessment) -> dict[str, Any]:
    sheet = selectors.check_sheet(sa)
    rows = [row for section in sheet for row in section.rows]
    gaps = [
        {
            "question_code": row.question.code,
            "criterion_code": section.criterion.code,
            "reason": gap.reason,
            "message": gap.message,
        }
        for section in sheet
        for row in section.rows
        if (gap := row.gap) is not None
    ]
    return {
        **_summary(sa, selectors.progress_for([sa])[sa.pk]),
        "roles": selectors.assessment_roles(sa),
        "ready": not gaps,
        "gaps": gaps,
        "answers": [_answer_out(row) for row in rows if row.answer or row.evidence],
    }


def _visible(request: AuthedRequest, self_assessment_id: ObjectId) -> SelfAssessment:
    return get_object_or_404(
        selectors.self_assessments_visible_to(request.user), pk=self_assessment_id
    )


def _question(sa: SelfAssessment, ref: str) -> Question:
    question = selectors.applicable_question(sa, ref)
    if question is None:
        raise DomainError(
            _("Unknown question %(ref)s for this self-assessment.") % {"ref": ref},
            field="question",
            code="not_applicable",
        )
    return question


@router.get("/requirements/template", response=TemplateOut, operation_id="get_current_template")
def get_current_template(
    request: AuthedRequest,
    roles: Query[list[OperatorRole] | None] = None,
):
    """The published template; a trader gets the criteria for its operator's roles."""
    template = selectors.current_template()
    if template is None:
        raise Http404
    scope: set[str] | None = None
    if request.user.is_trader and request.user.operator is not None:
        scope = set(request.user.operator.role_codes)
    if roles:
        wanted = {r.value for r in roles}
        scope = wanted if scope is None else scope & wanted
    return {
        "number": template.number,
        "published_at": template.published_at,
        "criteria": selectors.criteria_for(template, scope),
    }


@router.get(
    "/self-assessments", response=list[SelfAssessmentSummary], operation_id="list_self_assessments"
)
def list_self_assessments(request: AuthedRequest):
    sas = list(selectors.self_assessments_visible_to(request.user)[:100])
    progress = selectors.progress_for(sas)
    return [_summary(sa, progress[sa.pk]) for sa in sas]


@router.post(
    "/self-assessments", response={201: SelfAssessmentOut}, operation_id="create_self_assessment"
)
def create_self_assessment(request: AuthedRequest):
    """Start (or resume: the open draft is returned) the trader's own self-assessment."""
    if request.user.operator is None:
        raise PermissionDenied
    sa = services.create_self_assessment(actor=request.user, operator=request.user.operator)
    return Status(201, _detail(_visible(request, sa.pk)))


@router.get(
    "/self-assessments/{self_assessment_id}",
    response=SelfAssessmentOut,
    operation_id="get_self_assessment",
)
def get_self_assessment(request: AuthedRequest, self_assessment_id: ObjectId):
    return _detail(_visible(request, self_assessment_id))


@router.put(
    "/self-assessments/{self_assessment_id}/answers/{question}",
    response=AnswerSaved,
    operation_id="answer_question",
)
def answer_question(
    request: AuthedRequest, self_assessment_id: ObjectId, question: str, payload: AnswerIn
):
    """Save one answer; `question` is the question's code (e.g. CR-1) or id."""
    sa = _visible(request, self_assessment_id)
    target = _question(sa, question)
    services.answer_question(
        actor=request.user,
        self_assessment=sa,
        question=target,
        value=payload.value,
        sme_alternative=payload.sme_alternative or "",
    )
    rows = selectors.rows(sa)
    saved = next(r for r in rows if r.question.pk == target.pk)
    return {
        "answer": _answer_out(saved),
        "progress": {"answered": sum(r.answered for r in rows), "total": len(rows)},
        "gaps": sum(r.gap is not None for r in rows),
    }


@router.post(
    "/self-assessments/{self_assessment_id}/answers/{question}/evidence",
    response={201: EvidenceOut},
    operation_id="upload_evidence",
)
def upload_evidence(
    request: AuthedRequest,
    self_assessment_id: ObjectId,
    question: str,
    file: File[UploadedFile | None] = None,
):
    """Attach a PDF, PNG, JPEG, DOCX or XLSX file (checked by extension and content)."""
    sa = _visible(request, self_assessment_id)
    if file is None:
        raise DomainError(_("Choose a file to upload."), field="file", code="required")
    item = services.upload_evidence(
        actor=request.user, self_assessment=sa, question=_question(sa, question), upload=file
    )
    return Status(201, _evidence_out(item))


@router.get(
    "/evidence/{evidence_id}",
    operation_id="download_evidence",
    url_name="download_evidence",
    response={200: None},
)
def download_evidence(request: AuthedRequest, evidence_id: ObjectId) -> FileResponse:
    """The file itself, to those who may see its self-assessment (others: 404)."""
    return evidence.file_response(
        get_object_or_404(selectors.evidence_visible_to(request.user), pk=evidence_id)
    )


@router.delete("/evidence/{evidence_id}", response={204: None}, operation_id="withdraw_evidence")
def withdraw_evidence(request: AuthedRequest, evidence_id: ObjectId):
    item = get_object_or_404(selectors.evidence_visible_to(request.user), pk=evidence_id)
    services.withdraw_evidence(actor=request.user, item=item)
    return Status(204, None)
