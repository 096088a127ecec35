"""Border pages: the officer's queue and declaration page, the CSV upload with its progress,
and the policy officers' MRA monitoring (Time Release Study) page."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from aeo.accounts.http import AuthedRequest
from aeo.authorizations import selectors as authorization_selectors
from aeo.benefits import selectors as benefit_selectors
from aeo.border import (
    aeo_benefits,
    arrangements,
    explanation,
    forms,
    runs,
    selection,
    selectors,
    services,
)
from aeo.border.constants import WORKFLOW, DeclarationEventType, ImportStatus, Lane
from aeo.border.intake import CSV_LINE_COLUMNS, FIELDS
from aeo.border.models import Declaration
from aeo.core.actions import Action, act, available, forms_for
from aeo.core.pagination import BoundedPaginator

PAGE_SIZE = 50
_E = DeclarationEventType
ACTIONS: dict[str, Action] = {
    "examine": Action(
        _("Record the examination result"),
        forms.ExaminationForm,
        services.record_examination,
        (_E.EXAMINED,),
    ),
    "release": Action(
        _("Release the goods"), forms.CommentForm, services.release_declaration, (_E.RELEASED,)
    ),
    "deliver": Action(
        _("Record delivery"), forms.CommentForm, services.record_delivery, (_E.DELIVERED,)
    ),
    "clear_oga": Action(
        _("Record the agency's approval"), forms.CommentForm, services.clear_oga, (_E.OGA_CLEARED,)
    ),
    "joint_inspection": Action(
        _("Request a joint inspection"),
        forms.CommentForm,
        services.request_joint_inspection,
        (_E.JOINT_INSPECTION_REQUESTED,),
        secondary=True,
    ),
    "reroute": Action(
        _("Re-route to another lane"),
        forms.RerouteForm,
        services.reroute_declaration,
        (_E.REROUTED,),
        secondary=True,
    ),
}


@login_required
def queue(request: AuthedRequest) -> HttpResponse:
    """Declarations waiting for work, by lane, oldest lodgment first."""
    lane = request.GET.get("lane", "")
    if lane not in Lane.values:
        lane = ""
    qs = selectors.queue(request.user, lane=lane)
    page = BoundedPaginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "border/queue.html",
        {
            "page_obj": page,
            "lanes": Lane.choices,
            "lane": lane,
            "office": request.user.office,
            "querystring_base": urlencode({"lane": lane} if lane else {}) + "&",
        },
    )


def _declaration(request: AuthedRequest, pk: int) -> Declaration:
    return get_object_or_404(selectors.declarations_visible_to(request.user), pk=pk)


def _entitled(d: Declaration) -> list[dict]:
    """Our parties' benefits on the lodgment day, each with what it means in practice (for the
    officer to provide them), and the one the lane used."""
    on = timezone.localdate(d.lodged_at)
    found: list[dict] = []
    for label, operator in (
        (_("Importer or exporter"), d.trader),
        (_("Declarant or broker"), d.declarant),
    ):
        if operator is None or any(p["operator"] == operator for p in found):
            continue
        found.append(
            {
                "label": label,
                "operator": operator,
                "benefits": list(
                    benefit_selectors.benefits_for_operator(operator, on).select_related("agency")
                ),
            }
        )
    return found


def _parties(d: Declaration) -> dict:
    """Each party's AEO status now: ours from the register, the partner's from the MRA
    exchange, and the arrangement with the partner's economy."""
    held = authorization_selectors.current_aeo_types(
        settings.AEO_ECONOMY, [d.trader_tin], timezone.localdate()
    ).get(d.trader_tin, set())
    arrangement = arrangements.arrangement_with(d.partner_economy)
    return {
        "trader_types": sorted(held),
        "entitled": _entitled(d),
        "partner_status": (
            arrangements.partner_aeo_status(d.partner_economy, d.partner_aeo_id)
            if d.partner_aeo_id
            else ""
        ),
        "arrangement": arrangement,
        "arrangement_in_force": bool(
            arrangement and arrangement.in_force(timezone.localdate(d.lodged_at))
        ),
    }


def _mra_benefit(request: AuthedRequest, applied: dict | None) -> dict | None:
    """The catalogue benefit a partner's AEO got under an MRA, as the lane recorded it, with
    what it means in practice (the catalogue's words, if the benefit is still there)."""
    if not applied or applied.get("source") != "mra" or not applied.get("id"):
        return None
    benefit = benefit_selectors.benefits_visible_to(request.user).filter(pk=applied["id"]).first()
    return {
        "title": aeo_benefits.title(applied),
        "arrangement": applied.get("arrangement", ""),
        "meaning": benefit.description if benefit else "",
    }


def _page(request: AuthedRequest, d: Declaration, bound=None) -> HttpResponse:
    offered = available(WORKFLOW, d, request.user, ACTIONS)
    benefit = (d.lane_reason or {}).get("benefit")
    return render(
        request,
        "border/declaration.html",
        {
            "d": d,
            "parties": _parties(d),
            "reasons": explanation.sentences(d.lane_reason),
            "applied_id": benefit.get("id") if benefit else None,
            "mra_benefit": _mra_benefit(request, benefit),
            "actions": forms_for(offered, d, bound),
            "open_action": bound[0] if bound else None,
            "history": selectors.history(d),
        },
        status=400 if bound else 200,
    )


@login_required
def declaration(request: AuthedRequest, pk: int) -> HttpResponse:
    return _page(request, _declaration(request, pk))


@login_required
@require_POST
def declaration_act(request: AuthedRequest, pk: int, action_name: str) -> HttpResponse:
    return act(
        request,
        _declaration(request, pk),
        workflow=WORKFLOW,
        actions=ACTIONS,
        name=action_name,
        kwarg="declaration",
        url_name="border:declaration",
        redisplay=lambda bound: _page(request, _declaration(request, pk), bound),
    )


@login_required
def upload(request: AuthedRequest) -> HttpResponse:
    if not request.user.has_perm("border.lodge"):
        raise PermissionDenied
    form = forms.UploadForm(request.POST or None, request.FILES or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and form.call(runs.start_upload, actor=request.user)
    ):
        return redirect("border:import", pk=form.result.pk)
    return render(
        request,
        "border/upload.html",
        {
            "form": form,
            "columns": [f for f in FIELDS if f != "lines"] + list(CSV_LINE_COLUMNS),
            "imports": selectors.imports_visible_to(request.user)[:10],
        },
        status=400 if form.errors else 200,
    )


@login_required
def import_status(request: AuthedRequest, pk: int) -> HttpResponse:
    job = get_object_or_404(selectors.imports_visible_to(request.user), pk=pk)
    running = job.status in (ImportStatus.QUEUED, ImportStatus.RUNNING)
    template = (
        "border/_import_progress.html"
        if request.headers.get("HX-Request")
        else "border/import.html"
    )
    return render(request, template, {"job": job, "running": running})


def _policy(request: AuthedRequest) -> None:
    if not request.user.has_perm("border.study"):
        raise PermissionDenied


@login_required
def monitoring(request: AuthedRequest) -> HttpResponse:
    """Each arrangement's monitoring clause from the platform's data; studies on a file."""
    _policy(request)
    lang = get_language() or "en"
    form = forms.MonitoringForm(request.POST or None, prefix="mra")
    study = forms.StudyFileForm(request.POST or None, request.FILES or None, prefix="file")
    if request.method == "POST":
        chosen = form if "mra-partner" in request.POST else study
        if chosen.is_valid():
            service = runs.start_monitoring if chosen is form else runs.start_file_study
            if chosen.call(service, actor=request.user, lang=lang):
                return redirect("border:study", pk=chosen.result.pk)
    return render(
        request,
        "border/monitoring.html",
        {
            "form": form,
            "study": study,
            "arrangements": arrangements.arrangements(),
            "runs": selectors.trs_runs()[:20],
        },
        status=400 if (form.errors or study.errors) else 200,
    )


@login_required
def study(request: AuthedRequest, pk: int) -> HttpResponse:
    _policy(request)
    run = get_object_or_404(selectors.trs_runs(), pk=pk)
    running = run.status in (ImportStatus.QUEUED, ImportStatus.RUNNING)
    result = run.result or {}
    comparison = result.get("comparison") or (result if "rows" in result else None)
    context = {
        "run": run,
        "running": running,
        "r": result,
        "comparison": comparison,
        "report": result if "groups" in result else None,
        "quality": (comparison or result).get("data_quality"),
    }
    if request.headers.get("HX-Request"):
        return render(request, "border/_study_status.html", context)
    return render(request, "border/study.html", context)


@login_required
def study_download(request: AuthedRequest, pk: int, fmt: str) -> HttpResponse:
    """The kept result as CSV, or the self-contained HTML report."""
    _policy(request)
    run = get_object_or_404(selectors.trs_runs(), pk=pk)
    body = {"csv": run.csv, "html": run.html}.get(fmt)
    if not body:
        raise Http404
    response = HttpResponse(body, content_type="text/csv" if fmt == "csv" else "text/html")
    response["Content-Disposition"] = f'attachment; filename="trs-{run.pk}.{fmt}"'
    return response


def _selectivity_reader(request: AuthedRequest) -> bool:
    """Officials read criteria and rates; the policy officers change them (True)."""
    if not selectors.reads_selectivity(request.user):
        raise PermissionDenied
    return request.user.has_perm("border.manage_selectivity")


@login_required
def criteria(request: AuthedRequest) -> HttpResponse:
    """The selectivity criteria, current or retired, and a new one for policy officers."""
    manages = _selectivity_reader(request)
    retired = request.GET.get("show") == "retired"
    form = forms.CriterionForm(request.POST or None) if manages else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid() and form.call(services.create_criterion, actor=request.user):
            messages.success(request, _("Criterion %s created.") % form.result.code)
            return redirect("border:criteria")
    qs = selectors.criteria().order_by("-retired_at" if retired else "code", "pk")
    qs = qs.filter(retired_at__isnull=not retired)
    page = BoundedPaginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "border/criteria.html",
        {
            "page_obj": page,
            "form": form,
            "retired": retired,
            "manages": manages,
            "querystring_base": "show=retired&" if retired else "",
        },
        status=400 if form is not None and form.errors else 200,
    )


@login_required
@require_POST
def retire_criterion(request: AuthedRequest, pk: int) -> HttpResponse:
    if not _selectivity_reader(request):
        raise PermissionDenied
    criterion = get_object_or_404(selectors.criteria_visible_to(request.user), pk=pk)
    form = forms.RetireForm(request.POST)
    if form.is_valid() and form.call(
        services.retire_criterion, actor=request.user, criterion=criterion
    ):
        messages.success(request, _("Criterion %s retired.") % criterion.code)
    else:
        for errors in form.errors.values():
            messages.error(request, " ".join(str(e) for e in errors))
    return redirect("border:criteria")


@login_required
def selectivity_settings(request: AuthedRequest) -> HttpResponse:
    """The expected lane rates and the random rate per office and direction."""
    manages = _selectivity_reader(request)
    form = forms.SettingsForm(request.POST or None) if manages else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied
        if form.is_valid() and form.call(services.update_selectivity_settings, actor=request.user):
            messages.success(request, _("Rates saved."))
            return redirect("border:settings")
    rows = selectors.selectivity_settings().order_by("office__name", "direction", "pk")
    return render(
        request,
        "border/settings.html",
        {"rows": rows, "form": form, "defaults": selection.DEFAULT_POLICY},
        status=400 if form is not None and form.errors else 200,
    )
