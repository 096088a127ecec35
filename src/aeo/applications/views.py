from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from aeo.applications import forms, selectors, services
from aeo.applications.constants import FINAL_STATES, TRANSITIONS, State
from aeo.applications.models import Application
from aeo.core.errors import DomainError
from aeo.core.forms import UswdsForm
from aeo.core.http import AuthedRequest
from aeo.requirements import selectors as requirement_selectors


@dataclass(frozen=True)
class Action:
    """A move an actor can make on an application page: its form, service and audience."""

    label: Any
    form: type[UswdsForm]
    service: Callable[..., Application]
    perm: str
    from_states: frozenset[str]


ACTIONS: dict[str, Action] = {
    "submit": Action(
        gettext_lazy("Submit application"),
        forms.VersionedForm,
        services.submit_application,
        "applications.apply",
        frozenset({State.DRAFT, State.RETURNED}),
    ),
    "accept": Action(
        gettext_lazy("Accept for examination"),
        forms.CommentForm,
        services.accept_application,
        "applications.examine",
        frozenset({State.SUBMITTED}),
    ),
    "return": Action(
        gettext_lazy("Return as incomplete"),
        forms.ReturnForm,
        services.return_application,
        "applications.examine",
        frozenset({State.SUBMITTED}),
    ),
    "request_information": Action(
        gettext_lazy("Pause: request information"),
        forms.InformationRequestForm,
        services.request_information,
        "applications.examine",
        frozenset({State.UNDER_EXAMINATION, State.VALIDATED}),
    ),
    "respond": Action(
        gettext_lazy("Respond and resume"),
        forms.ResponseForm,
        services.respond_to_request,
        "applications.apply",
        frozenset({State.PAUSED}),
    ),
    "record_visit": Action(
        gettext_lazy("Record validation visit"),
        forms.VisitForm,
        services.record_validation_visit,
        "applications.examine",
        frozenset({State.UNDER_EXAMINATION}),
    ),
    "extend": Action(
        gettext_lazy("Extend the deadline (once)"),
        forms.ExtendForm,
        services.extend_deadline,
        "applications.examine",
        frozenset({State.UNDER_EXAMINATION, State.PAUSED, State.VALIDATED}),
    ),
    "decide": Action(
        gettext_lazy("Decide"),
        forms.DecisionForm,
        services.decide_application,
        "applications.examine",
        frozenset({State.VALIDATED}),
    ),
    "withdraw": Action(
        gettext_lazy("Withdraw application"),
        forms.CommentForm,
        services.withdraw_application,
        "applications.apply",
        frozenset(s for s, moves in TRANSITIONS.items() if State.WITHDRAWN in moves),
    ),
}


def _available(request: AuthedRequest, application: Application) -> dict[str, Action]:
    return {
        name: action
        for name, action in ACTIONS.items()
        if application.state in action.from_states
        and request.user.has_perm(action.perm, application)
        and not (name == "extend" and application.extended)
    }


def _get(request: AuthedRequest, pk: int) -> Application:
    return get_object_or_404(selectors.applications_visible_to(request.user), pk=pk)


@login_required
def dashboard(request: AuthedRequest) -> HttpResponse:
    if request.user.is_trader:
        return redirect("applications:mine")
    return render(
        request,
        "applications/dashboard.html",
        {
            "buckets": selectors.workload(request.user),
            "awaiting": selectors.awaiting_acceptance(request.user),
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
    qs = selectors.applications_visible_to(request.user)
    if state in State.values:
        qs = qs.filter(state=state)
    page = Paginator(qs, 25).get_page(request.GET.get("page"))
    return render(
        request,
        "applications/list.html",
        {
            "page_obj": page,
            "state": state,
            "states": State.choices,
            "querystring_base": urlencode({"state": state}) + "&" if state else "",
        },
    )


@login_required
def detail(request: AuthedRequest, pk: int) -> HttpResponse:
    application = _get(request, pk)
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
            "pauses": application.pauses.all(),
            "visits": application.visits.select_related("examiner"),
            "actions": [
                (name, action, action.form(prefix=name, initial={"version": application.version}))
                for name, action in actions.items()
            ],
        },
    )


@login_required
@require_POST
def act(request: AuthedRequest, pk: int, action_name: str) -> HttpResponse:
    application = _get(request, pk)
    action = ACTIONS.get(action_name)
    if action is None:
        raise Http404
    if application.state not in action.from_states:
        messages.error(request, _("This action is not available any more: reload the page."))
        return redirect("applications:detail", pk=application.pk)
    form = action.form(request.POST, prefix=action_name)
    if form.is_valid():
        try:
            action.service(actor=request.user, application=application, **form.cleaned_data)
        except DomainError as exc:
            messages.error(request, exc.message)
        except PermissionDenied:
            messages.error(request, _("You may not do this on this application."))
        else:
            messages.success(request, _("Done: %(action)s.") % {"action": action.label})
    else:
        errors = "; ".join(
            f"{form.fields[f].label if f in form.fields else ''}: {' '.join(map(str, e))}"
            for f, e in form.errors.items()
        )
        messages.error(request, errors)
    return redirect("applications:detail", pk=application.pk)


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
    if request.method == "POST" and form.is_valid():
        try:
            services.request_consultation(actor=request.user, **form.cleaned_data)
        except DomainError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(
                request, _("Consultation requested. Your account manager will contact you.")
            )
            return redirect("applications:mine")
    return render(request, "applications/consultation.html", {"form": form})
