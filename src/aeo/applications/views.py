from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from aeo.accounts.http import AuthedRequest
from aeo.applications import forms, selectors, services
from aeo.applications.constants import (
    CONSULTATION_WORKFLOW,
    FINAL_STATES,
    WORKFLOW,
    ApplicationEventType,
    ConsultationEventType,
    ConsultationStatus,
    State,
)
from aeo.applications.models import URGENCY, Application, Consultation
from aeo.core.actions import Action, available, forms_for
from aeo.core.actions import act as core_act
from aeo.core.errors import DomainError
from aeo.core.forms import UswdsForm
from aeo.core.now import today
from aeo.core.pagination import BoundedPaginator
from aeo.requirements import selectors as requirement_selectors

_E = ApplicationEventType
ACTIONS: dict[str, Action] = {
    "submit": Action(
        gettext_lazy("Submit application"),
        forms.VersionedForm,
        services.submit_application,
        (_E.SUBMITTED,),
    ),
    "accept": Action(
        gettext_lazy("Accept for examination"),
        forms.CommentForm,
        services.accept_application,
        (_E.ACCEPTED,),
    ),
    "return": Action(
        gettext_lazy("Return as incomplete"),
        forms.ReturnForm,
        services.return_application,
        (_E.RETURNED,),
        secondary=True,
    ),
    "request_information": Action(
        gettext_lazy("Pause: request information"),
        forms.InformationRequestForm,
        services.request_information,
        (_E.INFORMATION_REQUESTED,),
    ),
    "respond": Action(
        gettext_lazy("Respond and resume"),
        forms.ResponseForm,
        services.respond_to_request,
        (_E.INFORMATION_PROVIDED,),
    ),
    "record_visit": Action(
        gettext_lazy("Record validation visit"),
        forms.VisitForm,
        services.record_validation_visit,
        (_E.VISIT_RECORDED,),
    ),
    "extend": Action(
        gettext_lazy("Extend the deadline (once)"),
        forms.ExtendForm,
        services.extend_deadline,
        (_E.DEADLINE_EXTENDED,),
    ),
    "decide": Action(
        gettext_lazy("Decide"),
        forms.DecisionForm,
        services.decide_application,
        (_E.AUTHORIZED, _E.REFUSED),
    ),
    "withdraw": Action(
        gettext_lazy("Withdraw application"),
        forms.CommentForm,
        services.withdraw_application,
        (_E.WITHDRAWN,),
        secondary=True,
    ),
}


URGENCY_LABELS = [
    ("overdue", gettext_lazy("Overdue")),
    ("due_soon", gettext_lazy("Due soon")),
    ("paused", gettext_lazy("Paused")),
    ("on_track", gettext_lazy("On track")),
]

_C = ConsultationEventType
CONSULTATION_ACTIONS: dict[str, Action] = {
    "schedule": Action(
        gettext_lazy("Schedule the meeting"),
        forms.ScheduleForm,
        services.schedule_consultation,
        (_C.SCHEDULED,),
    ),
    "held": Action(
        gettext_lazy("Record the meeting"),
        forms.HeldForm,
        services.record_consultation_held,
        (_C.HELD,),
    ),
    "close": Action(
        gettext_lazy("Close the consultation"),
        forms.CloseForm,
        services.close_consultation,
        (_C.CLOSED,),
        secondary=True,
    ),
}


def _available(request: AuthedRequest, application: Application) -> dict[str, Action]:
    return available(WORKFLOW, application, request.user, ACTIONS)


def _get(request: AuthedRequest, pk: int) -> Application:
    return get_object_or_404(selectors.applications_visible_to(request.user), pk=pk)


@login_required
def dashboard(request: AuthedRequest) -> HttpResponse:
    if request.user.is_trader:
        return redirect("applications:mine")
    awaiting = selectors.awaiting_acceptance(request.user)
    return render(
        request,
        "applications/dashboard.html",
        {
            "buckets": selectors.workload(request.user),
            "awaiting": selectors.list_rows(awaiting)[: selectors.DASHBOARD_ROWS],
            "awaiting_count": awaiting.count(),
        },
    )


@login_required
def mine(request: AuthedRequest) -> HttpResponse:
    """The trader's start page: consultation, self-assessment, application, status."""
    if not request.user.is_trader:
        raise Http404
    applications = selectors.applications_visible_to(request.user)
    return render(
        request,
        "applications/mine.html",
        {
            "applications": applications,
            "current": applications.exclude(state__in=FINAL_STATES).first(),
            "consultations": selectors.consultations_visible_to(request.user),
            "operator": request.user.operator,
        },
    )


@login_required
def application_list(request: AuthedRequest) -> HttpResponse:
    state = request.GET.get("state", "")
    urgency = request.GET.get("urgency", "")
    qs = selectors.applications_visible_to(request.user)
    if state in State.values:
        qs = qs.filter(state=state)
    if urgency in URGENCY:
        qs = qs.urgency(urgency, today())
    page = BoundedPaginator(selectors.list_rows(qs), 25).get_page(request.GET.get("page"))
    filters = {k: v for k, v in {"state": state, "urgency": urgency}.items() if v}
    return render(
        request,
        "applications/list.html",
        {
            "page_obj": page,
            "state": state,
            "states": State.choices,
            "urgency": urgency if urgency in URGENCY else "",
            "urgencies": URGENCY_LABELS,
            "querystring_base": urlencode(filters) + "&" if filters else "",
        },
    )


def _detail(
    request: AuthedRequest, application: Application, bound: tuple[str, UswdsForm] | None = None
) -> HttpResponse:
    """The application page; `bound` is a submitted form to show again with its errors."""
    actions = _available(request, application)
    sheet_open = "submit" in actions
    rows = requirement_selectors.rows(application.self_assessment) if sheet_open else []
    return render(
        request,
        "applications/detail.html",
        {
            "application": application,
            "sheet_open": sheet_open,
            "sheet_progress": (sum(row.answered for row in rows), len(rows)),
            "sheet_gaps": sum(row.gap is not None for row in rows),
            "clock": application.clock(),
            "history": selectors.history(application),
            "check_sheets": selectors.check_sheet_versions(application),
            "pauses": application.pauses.all(),
            "visits": application.visits.select_related("examiner"),
            "open_action": bound[0] if bound else "",
            "actions": forms_for(actions, application, bound),
        },
    )


@login_required
def detail(request: AuthedRequest, pk: int) -> HttpResponse:
    return _detail(request, _get(request, pk))


@login_required
@require_POST
def act(request: AuthedRequest, pk: int, action_name: str) -> HttpResponse:
    return core_act(
        request,
        _get(request, pk),
        workflow=WORKFLOW,
        actions=ACTIONS,
        name=action_name,
        kwarg="application",
        url_name="applications:detail",
        redisplay=lambda bound: _detail(request, _get(request, pk), bound),
    )


@login_required
def start(request: AuthedRequest) -> HttpResponse:
    """Open an application and go to its check sheet."""
    if request.method != "POST":
        return redirect("applications:mine")
    try:
        application = services.create_application(actor=request.user)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("applications:mine")
    except PermissionDenied as exc:
        raise Http404 from exc
    messages.success(request, _("Application opened. Complete your self-assessment, then submit."))
    return redirect("applications:detail", pk=application.pk)


@login_required
def consultation(request: AuthedRequest) -> HttpResponse:
    if not request.user.is_trader:
        raise Http404
    form = forms.ConsultationForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and form.call(services.request_consultation, actor=request.user)
    ):
        messages.success(
            request, _("Consultation requested. Your account manager will contact you.")
        )
        return redirect("applications:mine")
    return render(request, "applications/consultation.html", {"form": form})


@login_required
def consultation_list(request: AuthedRequest) -> HttpResponse:
    status = request.GET.get("status", "")
    qs = selectors.consultations_visible_to(request.user)
    if status in ConsultationStatus.values:
        qs = qs.filter(status=status)
    return render(
        request,
        "applications/consultation_list.html",
        {
            "page_obj": BoundedPaginator(qs, 25).get_page(request.GET.get("page")),
            "status": status,
            "statuses": ConsultationStatus.choices,
            "querystring_base": urlencode({"status": status}) + "&" if status else "",
        },
    )


def _consultation_page(
    request: AuthedRequest, consultation: Consultation, bound: tuple[str, UswdsForm] | None = None
) -> HttpResponse:
    actions = available(CONSULTATION_WORKFLOW, consultation, request.user, CONSULTATION_ACTIONS)
    return render(
        request,
        "applications/consultation_detail.html",
        {
            "consultation": consultation,
            "history": consultation.events.select_related("actor"),
            "open_action": bound[0] if bound else "",
            "actions": forms_for(actions, consultation, bound),
        },
    )


def _get_consultation(request: AuthedRequest, pk: int) -> Consultation:
    return get_object_or_404(selectors.consultations_visible_to(request.user), pk=pk)


@login_required
def consultation_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    return _consultation_page(request, _get_consultation(request, pk))


@login_required
@require_POST
def consultation_act(request: AuthedRequest, pk: int, action_name: str) -> HttpResponse:
    return core_act(
        request,
        _get_consultation(request, pk),
        workflow=CONSULTATION_WORKFLOW,
        actions=CONSULTATION_ACTIONS,
        name=action_name,
        kwarg="consultation",
        url_name="applications:consultation_detail",
        redisplay=lambda bound: _consultation_page(request, _get_consultation(request, pk), bound),
    )
