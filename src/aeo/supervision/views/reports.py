"""Pages for incident reports and change notifications: the trader reports, the officials who
supervise the operator handle them; each page offers the steps the workflow allows now."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from aeo.accounts.http import AuthedRequest
from aeo.core import evidence
from aeo.core.actions import Action, act, available, forms_for
from aeo.core.forms import UswdsForm
from aeo.core.workflow import Workflow
from aeo.supervision.constants import (
    CHANGE_WORKFLOW,
    INCIDENT_WORKFLOW,
    ChangeEventType,
    ChangeStatus,
    IncidentEventType,
    IncidentStatus,
)
from aeo.supervision.forms import reports as forms
from aeo.supervision.selectors import reports as selectors
from aeo.supervision.services import changes, incidents

PAGE_SIZE = 25

_I = IncidentEventType
INCIDENT_ACTIONS: dict[str, Action] = {
    "acknowledge": Action(
        gettext_lazy("Acknowledge"),
        forms.CommentForm,
        incidents.acknowledge_incident,
        (_I.ACKNOWLEDGED,),
    ),
    "assess": Action(
        gettext_lazy("Assess"), forms.AssessForm, incidents.assess_incident, (_I.ASSESSED,)
    ),
    "close": Action(
        gettext_lazy("Close"), forms.CommentForm, incidents.close_incident, (_I.CLOSED,)
    ),
}
_C = ChangeEventType
CHANGE_ACTIONS: dict[str, Action] = {
    "confirm": Action(
        gettext_lazy("Confirm the change"),
        forms.ConfirmChangeForm,
        changes.confirm_change,
        (_C.CONFIRMED,),
    ),
    "reject": Action(
        gettext_lazy("Do not confirm"),
        forms.RejectChangeForm,
        changes.reject_change,
        (_C.REJECTED,),
        secondary=True,
    ),
}


def _listing(request: AuthedRequest, qs, statuses, template: str) -> HttpResponse:
    status = request.GET.get("status", "")
    if status not in statuses.values:
        status = ""
    qs = selectors.filter_reports(qs, status=status)
    return render(
        request,
        template,
        {
            "page_obj": Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page")),
            "statuses": statuses.choices,
            "status": status,
            "querystring_base": urlencode({"status": status} if status else {}) + "&",
        },
    )


@login_required
def incident_list(request: AuthedRequest) -> HttpResponse:
    return _listing(
        request,
        selectors.incidents_visible_to(request.user),
        IncidentStatus,
        "supervision/incident_list.html",
    )


@login_required
def change_list(request: AuthedRequest) -> HttpResponse:
    return _listing(
        request,
        selectors.changes_visible_to(request.user),
        ChangeStatus,
        "supervision/change_list.html",
    )


def _new(request: AuthedRequest, form_class, service, template: str, detail: str):
    if not request.user.is_trader:
        raise Http404
    form = form_class(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid() and form.call(service, actor=request.user):
        messages.success(request, _("Sent to your account manager."))
        return redirect(detail, pk=form.result.pk)
    return render(request, template, {"form": form}, status=400 if form.errors else 200)


@login_required
def incident_new(request: AuthedRequest) -> HttpResponse:
    return _new(
        request,
        forms.IncidentForm,
        incidents.report_incident,
        "supervision/incident_form.html",
        "supervision:incident",
    )


@login_required
def change_new(request: AuthedRequest) -> HttpResponse:
    return _new(
        request,
        forms.ChangeForm,
        changes.notify_change,
        "supervision/change_form.html",
        "supervision:change",
    )


def _detail(
    request: AuthedRequest,
    obj,
    workflow: Workflow,
    actions: dict[str, Action],
    template: str,
    context: dict,
    bound: tuple[str, UswdsForm] | None = None,
) -> HttpResponse:
    offered = available(workflow, obj, request.user, actions)
    return render(
        request,
        template,
        {
            **context,
            "actions": forms_for(offered, obj, bound),
            "open_action": bound[0] if bound else None,
        },
        status=400 if bound else 200,
    )


def _incident(request: AuthedRequest, pk: int):
    return get_object_or_404(selectors.incidents_visible_to(request.user), pk=pk)


def _incident_page(request: AuthedRequest, incident, bound=None) -> HttpResponse:
    context = {
        "incident": incident,
        "files": incident.files.all(),
        "corrective_actions": incident.corrective_actions.all(),
        "history": selectors.incident_history(incident),
    }
    return _detail(
        request,
        incident,
        INCIDENT_WORKFLOW,
        INCIDENT_ACTIONS,
        "supervision/incident_detail.html",
        context,
        bound,
    )


@login_required
def incident(request: AuthedRequest, pk: int) -> HttpResponse:
    return _incident_page(request, _incident(request, pk))


@login_required
@require_POST
def incident_act(request: AuthedRequest, pk: int, action_name: str) -> HttpResponse:
    return act(
        request,
        _incident(request, pk),
        workflow=INCIDENT_WORKFLOW,
        actions=INCIDENT_ACTIONS,
        name=action_name,
        kwarg="incident",
        url_name="supervision:incident",
        redisplay=lambda bound: _incident_page(request, _incident(request, pk), bound),
    )


@login_required
def incident_file(request: AuthedRequest, pk: int, file_id: int) -> FileResponse:
    item = get_object_or_404(_incident(request, pk).files, pk=file_id)
    return evidence.file_response(item)


def _change(request: AuthedRequest, pk: int):
    return get_object_or_404(selectors.changes_visible_to(request.user), pk=pk)


def _change_page(request: AuthedRequest, notification, bound=None) -> HttpResponse:
    context = {
        "notification": notification,
        "history": selectors.change_history(notification),
    }
    return _detail(
        request,
        notification,
        CHANGE_WORKFLOW,
        CHANGE_ACTIONS,
        "supervision/change_detail.html",
        context,
        bound,
    )


@login_required
def change(request: AuthedRequest, pk: int) -> HttpResponse:
    return _change_page(request, _change(request, pk))


@login_required
@require_POST
def change_act(request: AuthedRequest, pk: int, action_name: str) -> HttpResponse:
    return act(
        request,
        _change(request, pk),
        workflow=CHANGE_WORKFLOW,
        actions=CHANGE_ACTIONS,
        name=action_name,
        kwarg="notification",
        url_name="supervision:change",
        redisplay=lambda bound: _change_page(request, _change(request, pk), bound),
    )
