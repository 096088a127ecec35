from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_POST

from aeo.accounts.http import AuthedRequest
from aeo.authorizations import forms, selectors, services
from aeo.authorizations.certificate import certificate_for
from aeo.authorizations.certificate_pdf import render_pdf
from aeo.authorizations.constants import (
    WORKFLOW,
    AuthorizationEventType,
    AuthorizationStatus,
)
from aeo.authorizations.models import Authorization
from aeo.core.actions import Action, available, forms_for
from aeo.core.actions import act as core_act
from aeo.core.forms import UswdsForm
from aeo.registry import selectors as registry_selectors

PAGE_SIZE = 25


def _listing(
    request: HttpRequest, qs: QuerySet[Authorization], template: str, filter_names: tuple[str, ...]
) -> HttpResponse:
    filters = {name: request.GET.get(name, "").strip() for name in filter_names}
    qs = selectors.search_authorizations(
        qs, q=filters["q"], aeo_type=filters["type"], status=filters.get("status", "")
    )
    context = {
        "page_obj": Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page")),
        "filters": filters,
        "types": registry_selectors.aeo_type_choices(),
        "statuses": AuthorizationStatus.choices,
        "querystring_base": urlencode({k: v for k, v in filters.items() if v}) + "&",
        "link_rows": request.user.is_authenticated,
    }
    if request.headers.get("HX-Request"):
        template = "authorizations/_authorization_rows.html"
    return render(request, template, context)


@require_GET
def register(request: HttpRequest) -> HttpResponse:
    """The public AEO register: no sign-in, active authorizations and public fields only."""
    return _listing(
        request, selectors.public_register(), "authorizations/register.html", ("q", "type")
    )


@login_required
def authorization_list(request: AuthedRequest) -> HttpResponse:
    return _listing(
        request,
        selectors.authorizations_visible_to(request.user),
        "authorizations/authorization_list.html",
        ("q", "type", "status"),
    )


def _visible(request: AuthedRequest, pk: int) -> Authorization:
    return get_object_or_404(selectors.authorizations_visible_to(request.user), pk=pk)


_E = AuthorizationEventType
ACTIONS: dict[str, Action] = {
    "measures": Action(
        gettext_lazy("Submit your plan of measures"),
        forms.MeasuresForm,
        services.plan_measures,
        (_E.MEASURES_PLANNED,),
    ),
    "lift": Action(
        gettext_lazy("Lift the suspension"),
        forms.LiftForm,
        services.lift_suspension,
        (_E.REINSTATED,),
    ),
    "suspend": Action(
        gettext_lazy("Suspend"), forms.SuspendForm, services.suspend, (_E.SUSPENDED,)
    ),
    "revoke": Action(
        gettext_lazy("Revoke"), forms.RevokeForm, services.revoke, (_E.REVOKED,), secondary=True
    ),
    "surrender": Action(
        gettext_lazy("Surrender"),
        forms.ReasonForm,
        services.surrender,
        (_E.SURRENDERED,),
        secondary=True,
    ),
}


def _detail(
    request: AuthedRequest, authorization: Authorization, bound: tuple[str, UswdsForm] | None = None
) -> HttpResponse:
    actions = available(WORKFLOW, authorization, request.user, ACTIONS)
    return render(
        request,
        "authorizations/authorization_detail.html",
        {
            "authorization": authorization,
            "history": selectors.history(authorization),
            "actions": forms_for(actions, authorization, bound),
            "open_action": bound[0] if bound else None,
            "collapse_first": True,
        },
        status=400 if bound else 200,
    )


@login_required
def authorization_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    return _detail(request, _visible(request, pk))


@login_required
@require_POST
def act(request: AuthedRequest, pk: int, action_name: str) -> HttpResponse:
    return core_act(
        request,
        _visible(request, pk),
        workflow=WORKFLOW,
        actions=ACTIONS,
        name=action_name,
        kwarg="authorization",
        url_name="authorizations:authorization_detail",
        redisplay=lambda bound: _detail(request, _visible(request, pk), bound),
    )


@login_required
def certificate(request: AuthedRequest, pk: int) -> HttpResponse:
    authorization = _visible(request, pk)
    return render(
        request,
        "authorizations/certificate.html",
        {"authorization": authorization, "certificate": certificate_for(authorization)},
    )


@login_required
def certificate_pdf(request: AuthedRequest, pk: int) -> HttpResponse:
    authorization = _visible(request, pk)
    pdf = render_pdf(certificate_for(authorization), document_title=authorization.aeo_number)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{authorization.aeo_number}.pdf"'
    return response
