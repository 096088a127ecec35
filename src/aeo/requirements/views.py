from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from aeo.accounts.http import AuthedRequest
from aeo.core import evidence
from aeo.core.errors import DomainError
from aeo.core.evidence import MAX_EVIDENCE_BYTES
from aeo.requirements import selectors, services
from aeo.requirements.constants import QuestionKind
from aeo.requirements.forms import (
    AnswerForm,
    CriterionForm,
    EvidenceForm,
    PublishForm,
    QuestionForm,
)
from aeo.requirements.models import Criterion, Question, SelfAssessment, TemplateVersion

# --- Trader: the self-assessment check sheet -------------------------------------------------


@login_required
def index(request: AuthedRequest) -> HttpResponse:
    """Start or continue (trader); the list of self-assessments (officials)."""
    user = request.user
    if not (user.is_trader or user.has_perm("requirements.view_catalogue")):
        raise PermissionDenied
    page = Paginator(selectors.self_assessments_visible_to(user), 20).get_page(
        request.GET.get("page")
    )
    progress = selectors.progress_for(page)
    return render(
        request,
        "requirements/index.html",
        {
            "page_obj": page,
            "querystring_base": "",
            "assessments": [(sa, *progress[sa.pk]) for sa in page],
            "open": (
                selectors.open_self_assessment(user.operator_id) if user.operator_id else None
            ),
            "template": selectors.current_template(),
        },
    )


@login_required
@require_POST
def start(request: AuthedRequest) -> HttpResponse:
    if request.user.operator is None:
        raise PermissionDenied
    try:
        sa = services.create_self_assessment(actor=request.user, operator=request.user.operator)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("requirements:index")
    return redirect("requirements:sheet", pk=sa.pk)


def _visible(request: AuthedRequest, pk: int) -> SelfAssessment:
    return get_object_or_404(selectors.self_assessments_visible_to(request.user), pk=pk)


def _sheet_context(request: AuthedRequest, sa: SelfAssessment) -> dict[str, Any]:
    sections = selectors.check_sheet(sa)
    rows = [row for section in sections for row in section.rows]
    answered = sum(row.answered for row in rows)
    gaps = [
        (section.criterion, row.gap, number)
        for number, section in enumerate(sections, 1)
        for row in section.rows
        if row.gap
    ]
    return {
        "sa": sa,
        "sections": sections,
        "answered": answered,
        "total": len(rows),
        "percent": round(100 * answered / len(rows)) if rows else 100,
        "gaps": gaps,
        "ready": not gaps and sa.is_open,
        "editable": sa.is_open and request.user.has_perm("requirements.fill_self_assessment", sa),
        "is_sme": sa.operator.is_sme,
        "max_mb": MAX_EVIDENCE_BYTES // (1024 * 1024),
        "accept": ",".join(evidence.ALLOWED_EXTENSIONS),
    }


def _number_of(sections: list[selectors.Section], question_pk: int) -> int:
    """The section (from 1) that holds the question; the first if none does."""
    for number, section in enumerate(sections, 1):
        if any(row.question.pk == question_pk for row in section.rows):
            return number
    return 1


def _at_question(sa: SelfAssessment, number: int, question_pk: int) -> str:
    return reverse("requirements:section", args=[sa.pk, number]) + f"#q-{question_pk}"


def _answer_form(
    question_pk: int, data: Any = None, row: selectors.Row | None = None
) -> AnswerForm:
    """One question's fields, prefixed so that a section posts all its questions at once."""
    initial = {}
    if row is not None and row.answer is not None:
        value = row.value
        shown = ("yes" if value else "no") if isinstance(value, bool) else value
        initial = {
            "value": "" if shown is None else str(shown),
            "sme_alternative": row.answer.sme_alternative,
        }
    return AnswerForm(data, prefix=f"q{question_pk}", initial=initial)


def _save_answer(
    request: AuthedRequest, sa: SelfAssessment, question_pk: int, form: AnswerForm
) -> str:
    """Save one question's answer; the error to show next to it, or ""."""
    if not form.is_valid():
        return " ".join(str(m) for msgs in form.errors.values() for m in msgs)
    try:
        services.answer_question(
            actor=request.user,
            self_assessment=sa,
            question=_question_for(sa, question_pk),
            value=form.cleaned_data["value"],
            sme_alternative=form.cleaned_data["sme_alternative"],
        )
    except DomainError as exc:
        return exc.message
    return ""


def _render_section(
    request: AuthedRequest,
    sa: SelfAssessment,
    number: int,
    forms: dict[int, AnswerForm] | None = None,
    errors: dict[int, str] | None = None,
) -> HttpResponse:
    context = _sheet_context(request, sa)
    sections = context["sections"]
    if not 1 <= number <= max(len(sections), 1):
        raise Http404
    section = sections[number - 1] if sections else None
    rows = section.rows if section else []
    forms = forms or {}
    context |= {
        "section": section,
        "number": number,
        "count": len(sections),
        "forms": {
            r.question.pk: forms.get(r.question.pk) or _answer_form(r.question.pk, row=r)
            for r in rows
        },
        "errors": errors or {},
    }
    return render(request, "requirements/sheet.html", context, status=400 if errors else 200)


@login_required
def sheet(request: AuthedRequest, pk: int, number: int = 1) -> HttpResponse:
    """One section of the check sheet; a post saves its answers and moves on to the next."""
    sa = _visible(request, pk)
    if request.method != "POST":
        return _render_section(request, sa, number)
    if not request.user.has_perm("requirements.fill_self_assessment", sa):
        raise PermissionDenied
    sections = selectors.check_sheet(sa)
    if not 1 <= number <= len(sections):
        raise Http404
    forms, errors = {}, {}
    for row in sections[number - 1].rows:
        question = row.question
        if question.kind == QuestionKind.EVIDENCE:
            continue
        forms[question.pk] = form = _answer_form(question.pk, request.POST)
        untouched = not any(request.POST.get(form.add_prefix(f)) for f in form.fields)
        if row.answer is None and untouched:
            continue  # nothing typed and nothing stored: no empty answer row
        if error := _save_answer(request, sa, question.pk, form):
            errors[question.pk] = error
    if errors:
        return _render_section(request, sa, number, forms, errors)
    messages.success(request, _("Answers saved."))
    return redirect("requirements:section", pk=sa.pk, number=min(number + 1, len(sections)))


@login_required
def first_gap(request: AuthedRequest, pk: int) -> HttpResponse:
    """To the section and question of the first gap (the first section when there is none)."""
    sa = _visible(request, pk)
    sections = selectors.check_sheet(sa)
    for number, section in enumerate(sections, 1):
        for row in section.rows:
            if row.gap:
                return redirect(_at_question(sa, number, row.question.pk))
    return redirect("requirements:sheet", pk=sa.pk)


def _question_for(sa: SelfAssessment, question_pk: int) -> Question:
    question = selectors.applicable_question(sa, question_pk)
    if question is None:
        raise DomainError(
            _("This question is not part of the self-assessment."),
            field="question",
            code="not_applicable",
        )
    return question


@login_required
@require_POST
def answer(request: AuthedRequest, pk: int, question_pk: int) -> HttpResponse:
    """Save one answer as the trader goes (htmx, on change): that question's status and the
    sheet's progress come back; a plain post goes back to the question's section."""
    sa = _visible(request, pk)
    error = _save_answer(request, sa, question_pk, _answer_form(question_pk, request.POST))
    context = _sheet_context(request, sa)
    number = _number_of(context["sections"], question_pk)
    section = context["sections"][number - 1] if context["sections"] else None
    row = next((r for r in section.rows if r.question.pk == question_pk), None) if section else None
    if row is None:
        return HttpResponse(error, status=400)
    if not request.headers.get("HX-Request"):
        if error:
            messages.error(request, error)
        return redirect(_at_question(sa, number, question_pk))
    context |= {"row": row, "number": number, "error": error, "saved": not error}
    return render(request, "requirements/_answer_saved.html", context)


@login_required
@require_POST
def upload(request: AuthedRequest, pk: int, question_pk: int) -> HttpResponse:
    sa = _visible(request, pk)
    form = EvidenceForm(request.POST, request.FILES)
    number = _number_of(selectors.check_sheet(sa), question_pk)
    if not form.is_valid():
        return _render_section(
            request, sa, number, errors={question_pk: _("Choose a file to upload.")}
        )
    try:
        services.upload_evidence(
            actor=request.user,
            self_assessment=sa,
            question=_question_for(sa, question_pk),
            upload=form.cleaned_data["file"],
        )
    except DomainError as exc:
        return _render_section(request, sa, number, errors={question_pk: exc.message})
    messages.success(request, _("Evidence uploaded."))
    return redirect(_at_question(sa, number, question_pk))


@login_required
def download(request: AuthedRequest, pk: int) -> FileResponse:
    """Evidence is only ever served here and by the API, after the access check (else 404)."""
    return evidence.file_response(
        get_object_or_404(selectors.evidence_visible_to(request.user), pk=pk)
    )


@login_required
@require_POST
def withdraw(request: AuthedRequest, pk: int) -> HttpResponse:
    item = get_object_or_404(selectors.evidence_visible_to(request.user), pk=pk)
    try:
        services.withdraw_evidence(actor=request.user, item=item)
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("File removed from the self-assessment."))
    sa = item.self_assessment
    return redirect(
        _at_question(sa, _number_of(selectors.check_sheet(sa), item.question_id), item.question_id)
    )


# --- Policy officers: template versions ------------------------------------------------------


def _require_view(request: AuthedRequest) -> None:
    if not request.user.has_perm("requirements.view_catalogue"):
        raise PermissionDenied


@login_required
def template_list(request: AuthedRequest) -> HttpResponse:
    _require_view(request)
    versions = selectors.template_versions()
    return render(
        request,
        "requirements/template_list.html",
        {
            "versions": versions,
            "has_draft": any(v.is_editable for v in versions),
            "can_edit": request.user.has_perm("requirements.edit_catalogue"),
        },
    )


@login_required
@require_POST
def template_create(request: AuthedRequest) -> HttpResponse:
    try:
        draft = services.create_draft(actor=request.user, notes=request.POST.get("notes", ""))
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("requirements:template_list")
    messages.success(request, _("Draft created from the published version."))
    return redirect("requirements:template_detail", pk=draft.pk)


def _template_page(
    request: AuthedRequest, template: TemplateVersion, publish: PublishForm | None = None
) -> HttpResponse:
    return render(
        request,
        "requirements/template_detail.html",
        {
            "template": template,
            "criteria": selectors.criteria_for(template),
            "editable": template.is_editable
            and request.user.has_perm("requirements.edit_catalogue"),
            "form": publish or PublishForm(initial={"notes": template.notes}),
        },
    )


@login_required
def template_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    _require_view(request)
    return _template_page(request, get_object_or_404(selectors.template_versions(), pk=pk))


@login_required
@require_POST
def template_publish(request: AuthedRequest, pk: int) -> HttpResponse:
    if not request.user.has_perm("requirements.edit_catalogue"):
        raise PermissionDenied
    template = get_object_or_404(TemplateVersion, pk=pk)
    form = PublishForm(request.POST)
    if not form.is_valid():  # asked to confirm first (or the notes are too long)
        return _template_page(request, template, form)
    try:
        services.publish_template(
            actor=request.user, template=template, notes=form.cleaned_data["notes"]
        )
    except DomainError as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, _("Version published; new self-assessments will use it."))
    return redirect("requirements:template_detail", pk=pk)


def _form_error(form: CriterionForm | QuestionForm, exc: DomainError) -> None:
    form.add_error(exc.field if exc.field in form.fields else None, exc.message)


@login_required
def criterion_form(
    request: AuthedRequest, pk: int, criterion_pk: int | None = None
) -> HttpResponse:
    template = get_object_or_404(TemplateVersion, pk=pk)
    criterion = (
        get_object_or_404(Criterion, pk=criterion_pk, template=template) if criterion_pk else None
    )
    if not (template.is_editable and request.user.has_perm("requirements.edit_catalogue")):
        raise PermissionDenied
    initial = {f: getattr(criterion, f) for f in CriterionForm.base_fields} if criterion else {}
    form = CriterionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_criterion(
                actor=request.user, template=template, criterion=criterion, data=form.cleaned_data
            )
        except DomainError as exc:
            _form_error(form, exc)
        else:
            messages.success(request, _("Criterion saved."))
            return redirect("requirements:template_detail", pk=template.pk)
    return render(
        request,
        "requirements/criterion_form.html",
        {"form": form, "template": template, "criterion": criterion},
    )


@login_required
def question_form(
    request: AuthedRequest, pk: int, criterion_pk: int, question_pk: int | None = None
) -> HttpResponse:
    criterion = get_object_or_404(
        Criterion.objects.select_related("template"), pk=criterion_pk, template_id=pk
    )
    question = (
        get_object_or_404(Question, pk=question_pk, criterion=criterion) if question_pk else None
    )
    if not (
        criterion.template.is_editable and request.user.has_perm("requirements.edit_catalogue")
    ):
        raise PermissionDenied
    initial: dict[str, Any] = {}
    if question:
        initial = {f: getattr(question, f) for f in QuestionForm.base_fields}
        initial["choices"] = "\n".join(question.choices)
    form = QuestionForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_question(
                actor=request.user, criterion=criterion, question=question, data=form.cleaned_data
            )
        except DomainError as exc:
            _form_error(form, exc)
        else:
            messages.success(request, _("Question saved."))
            return redirect("requirements:template_detail", pk=pk)
    return render(
        request,
        "requirements/question_form.html",
        {
            "form": form,
            "template": criterion.template,
            "criterion": criterion,
            "question": question,
        },
    )
